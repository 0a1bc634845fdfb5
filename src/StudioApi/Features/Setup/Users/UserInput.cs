using FluentValidation;
using StudioApi.Platform.Auth;

namespace StudioApi.Features.Setup.Users;

/// <summary>The fields of a user an administrator sets, shared by create and update.</summary>
public abstract class UserInput
{
    /// <summary>The name shown in the app and in audit trails of the studio's records.</summary>
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>admin, staff (front desk), photographer or sales (kiosk).</summary>
    public UserRole? Role { get; set; }

    public void ApplyTo(User user)
    {
        user.DisplayName = DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        user.Role = Role!.Value;
    }
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator()
    {
        RuleFor(u => u.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(u => u.Email).EmailAddress().MaximumLength(320);
        RuleFor(u => u.Role).NotNull().IsInEnum();
    }
}

public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>Length is what makes a password strong; no composition rules (NIST SP 800-63B).</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinimumLength).MaximumLength(200);
}

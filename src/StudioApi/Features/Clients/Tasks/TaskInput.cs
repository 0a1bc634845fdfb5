using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Clients.Tasks;

/// <summary>The fields of a task a caller sets, shared by create and update (a full replace).</summary>
public abstract class TaskInput
{
    /// <summary>A live, active task type.</summary>
    public long TaskTypeId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The client who reported the problem.</summary>
    public long? ClientId { get; set; }
    /// <summary>The session the ticket is about (not checked until sessions exist).</summary>
    public long? SessionId { get; set; }
    /// <summary>The invoice the ticket is about (not checked until invoices exist).</summary>
    public long? InvoiceId { get; set; }
    /// <summary>An active user who works the ticket; omit to leave it unassigned.</summary>
    public long? AssignedUserId { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>low, normal (the default), high or urgent.</summary>
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public void ApplyTo(StudioTask task)
    {
        task.TaskTypeId = TaskTypeId;
        task.Title = Title.Trim();
        task.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        task.ClientId = ClientId;
        task.SessionId = SessionId;
        task.InvoiceId = InvoiceId;
        task.AssignedUserId = AssignedUserId;
        task.DueDate = DueDate;
        task.Priority = Priority;
    }

    /// <summary>
    /// Field errors for references to records that do not exist, are in the recycle bin or are retired (an inactive
    /// type, a disabled user). A reference the task already holds stays acceptable, so a task whose type was made
    /// inactive or whose assignee left can still be edited.
    /// </summary>
    public async Task<List<(string Field, string Message)>> FindBrokenReferencesAsync(StudioDbContext db, StudioTask? current, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (TaskTypeId != current?.TaskTypeId)
        {
            var active = await db.TaskTypes.Where(t => t.Id == TaskTypeId).Select(t => (bool?)t.IsActive).SingleOrDefaultAsync(ct);
            if (active is null)
                errors.Add(("taskTypeId", $"There is no task type {TaskTypeId}."));
            else if (active == false)
                errors.Add(("taskTypeId", $"Task type {TaskTypeId} is inactive; choose an active type."));
        }

        if (ClientId is { } clientId && clientId != current?.ClientId
            && !await db.Clients.AnyAsync(c => c.Id == clientId, ct))
            errors.Add(("clientId", $"There is no client {clientId}."));

        if (AssignedUserId is { } userId && userId != current?.AssignedUserId)
        {
            var active = await db.Users.Where(u => u.Id == userId).Select(u => (bool?)u.IsActive).SingleOrDefaultAsync(ct);
            if (active is null)
                errors.Add(("assignedUserId", $"There is no user {userId}."));
            else if (active == false)
                errors.Add(("assignedUserId", $"User {userId} is disabled; assign the task to an active user."));
        }
        return errors;
    }
}

public sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    public TaskInputValidator()
    {
        // NotEmpty makes it required in the contract; Stop keeps a missing type to one error.
        RuleFor(t => t.TaskTypeId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the task's type.").GreaterThan(0);
        RuleFor(t => t.Title).NotEmpty().MaximumLength(200);
        RuleFor(t => t.Description).MaximumLength(4000);
        RuleFor(t => t.ClientId).GreaterThan(0);
        RuleFor(t => t.SessionId).GreaterThan(0);
        RuleFor(t => t.InvoiceId).GreaterThan(0);
        RuleFor(t => t.AssignedUserId).GreaterThan(0);
        RuleFor(t => t.Priority).IsInEnum();
    }
}

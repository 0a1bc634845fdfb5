namespace StudioApi.Platform.Auth;

/// <summary>The roles a caller can have. Staff roles belong to users; <see cref="Partner"/> to API clients of school partners.</summary>
public static class Roles
{
    /// <summary>Everything, including users and settings.</summary>
    public const string Admin = "admin";
    /// <summary>Front desk: everything but users and settings.</summary>
    public const string Staff = "staff";
    /// <summary>Calendar, own sessions, image import, workflow.</summary>
    public const string Photographer = "photographer";
    /// <summary>Kiosk: sessions, images, price lists, orders and payments.</summary>
    public const string Sales = "sales";
    /// <summary>A school partner's API client, scoped to its organizations.</summary>
    public const string Partner = "partner";

    public static readonly string[] StaffRoles = [Admin, Staff, Photographer, Sales];

    /// <summary>Who may read studio records: every staff role.</summary>
    public static readonly string[] AnyStaff = StaffRoles;

    /// <summary>Who may change client and organization records: the front desk.</summary>
    public static readonly string[] FrontDesk = [Admin, Staff];

    /// <summary>Who works sessions: the front desk, and photographers on the sessions they shoot (each endpoint checks "their own").</summary>
    public static readonly string[] SessionStaff = [Admin, Staff, Photographer];

    public static readonly string[] AdminOnly = [Admin];
}

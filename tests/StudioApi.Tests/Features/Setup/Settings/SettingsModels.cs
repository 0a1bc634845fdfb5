namespace StudioApi.Tests.Features.Setup.Settings;

public sealed record ClosedDateBody(DateOnly Date, string? Description);

public sealed record AddressBody(string? Line1, string? City, string? Region, string? PostalCode, string? Country);

public sealed record SettingsBody(
    long Id, int Version, string Name, AddressBody Address, string? Phone, string? Email, string? Website,
    string TimeZone, string Currency, List<string> WorkingDays, List<ClosedDateBody> ClosedDates);

public static class SettingsRequests
{
    public static Dictionary<string, object?> Lakeside() => new()
    {
        ["name"] = "Lakeside Portrait Studio",
        ["address"] = new { line1 = "48 Shoreline Drive", city = "Lake Geneva", region = "WI", postalCode = "53147", country = "US" },
        ["phone"] = "+1 262 555 0148",
        ["email"] = "hello@lakeside.example",
        ["website"] = "https://lakeside.example",
        ["timeZone"] = "America/Chicago",
        ["currency"] = "USD",
        ["workingDays"] = new[] { "saturday", "monday", "tuesday", "wednesday", "thursday", "friday" },
        ["closedDates"] = new[]
        {
            new { date = "2026-12-25", description = "Christmas Day" },
            new { date = "2026-07-04", description = "Independence Day" },
        },
    };
}

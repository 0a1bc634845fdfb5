using System.ComponentModel.DataAnnotations;
using StudioApi.Addresses;
using StudioApi.Api;

namespace StudioApi.Features.Settings;

public sealed class StudioSettingsResponse : RecordResponse
{
    public required string Name { get; init; }
    public required PostalAddress Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public required string TimeZone { get; init; }
    public required string Currency { get; init; }
    public required decimal TaxRatePercent { get; init; }
    [MaxLength(7)]
    public required IReadOnlyList<DayOfWeek> WorkingDays { get; init; }
    [MaxLength(1000)]
    public required IReadOnlyList<ClosedDate> ClosedDates { get; init; }

    public static StudioSettingsResponse From(StudioSettings s) => new StudioSettingsResponse
    {
        Name = s.Name,
        Address = s.Address,
        Phone = s.Phone,
        Email = s.Email,
        Website = s.Website,
        TimeZone = s.TimeZone,
        Currency = s.Currency,
        TaxRatePercent = s.TaxRatePercent,
        WorkingDays = s.WorkingDays,
        ClosedDates = s.ClosedDates.OrderBy(c => c.Date).ToList(),
    }.WithAudit(s);
}

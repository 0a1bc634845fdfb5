using System.Globalization;
using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Setup.Settings.Update;

public sealed class UpdateStudioSettingsRequest
{
    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    public string Name { get; set; } = "";
    public PostalAddress? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>IANA time zone id, e.g. America/Chicago.</summary>
    public string TimeZone { get; set; } = "";
    /// <summary>ISO 4217 code in capitals, e.g. USD. It cannot change while prices or other amounts exist in the current one.</summary>
    public string Currency { get; set; } = "";
    /// <summary>At least one weekday, each once, e.g. ["monday", "tuesday"].</summary>
    public List<DayOfWeek>? WorkingDays { get; set; }
    /// <summary>Days the studio is closed, each date once.</summary>
    public List<ClosedDate>? ClosedDates { get; set; }
    /// <summary>At most one range per weekday; weekdays left out are closed to bookings. Omit for none.</summary>
    public List<OpeningHoursData>? OpeningHours { get; set; }
    /// <summary>The labels of sessions' custom fields, each once; once any are defined, sessions use only these. Omit for none (any label).</summary>
    public List<string>? SessionCustomLabels { get; set; }

    public void ApplyTo(StudioSettings settings)
    {
        settings.Name = Name.Trim();
        settings.Address = Address?.Copy() ?? new PostalAddress();
        settings.Phone = Phone;
        settings.Email = Email;
        settings.Website = Website;
        settings.TimeZone = TimeZone;
        settings.Currency = Currency;
        settings.WorkingDays = WorkingDaysText.InWeekOrder(WorkingDays!).ToList();
        settings.ClosedDates = (ClosedDates ?? []).OrderBy(c => c.Date)
            .Select(c => new ClosedDate { Date = c.Date, Description = c.Description }).ToList();
        settings.SessionCustomLabels = (SessionCustomLabels ?? []).Select(l => l.Trim()).ToList();
        settings.OpeningHours = (OpeningHours ?? [])
            .Select(h => new OpeningHours { Day = h.Day, Opens = WallClock.Parse(h.Opens), Closes = WallClock.Parse(h.Closes) })
            .ToList();
    }
}

public sealed class UpdateStudioSettingsValidator : Validator<UpdateStudioSettingsRequest>
{
    /// <summary>The currencies of the world's regions as ICU knows them: every currency a studio can trade in.</summary>
    static readonly HashSet<string> KnownCurrencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => new RegionInfo(c.Name).ISOCurrencySymbol)
        .ToHashSet(StringComparer.Ordinal);

    public UpdateStudioSettingsValidator()
    {
        RuleFor(s => s.Name).NotEmpty().MaximumLength(200);
        RuleFor(s => s.Address!).SetValidator(new PostalAddressValidator()).When(s => s.Address is not null);
        RuleFor(s => s.Phone).MaximumLength(40);
        RuleFor(s => s.Email).EmailAddress().MaximumLength(320);
        RuleFor(s => s.Website).MaximumLength(400);
        RuleFor(s => s.TimeZone).NotEmpty().MaximumLength(100)
            .Must(BeAnIanaTimeZone).WithMessage("Time zone must be an IANA time zone id such as America/Chicago.");
        RuleFor(s => s.Currency).NotEmpty()
            .Must(c => c is { Length: 3 } && c.All(char.IsAsciiLetterUpper) && KnownCurrencies.Contains(c))
            .WithMessage("Currency must be an ISO 4217 code in capitals, such as USD or EUR.");
        RuleFor(s => s.WorkingDays).NotEmpty().WithMessage("The studio must work at least one day a week.");
        RuleFor(s => s.WorkingDays).MaxItems(7).Must(days => days is null || days.Distinct().Count() == days.Count)
            .WithMessage("Name each working day once.");
        RuleForEach(s => s.WorkingDays).IsInEnum();
        RuleFor(s => s.ClosedDates).MaxItems(1000)
            .Must(c => c is null || c.Select(d => d.Date).Distinct().Count() == c.Count).WithMessage("Each closed date may appear once.");
        RuleForEach(s => s.ClosedDates).ChildRules(closed =>
        {
            closed.RuleFor(c => c.Date).NotEmpty();
            closed.RuleFor(c => c.Description).MaximumLength(200);
        });
        RuleFor(s => s.SessionCustomLabels).MaxItems(StudioSettings.MaxSessionCustomLabels)
            .Must(labels => labels is null || labels.Select(l => (l ?? "").Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == labels.Count)
            .WithMessage("Each custom label may appear once.");
        RuleForEach(s => s.SessionCustomLabels).NotEmpty().MaximumLength(50);
        RuleFor(s => s.OpeningHours).MaxItems(7)
            .Must(h => h is null || h.Select(x => x.Day).Distinct().Count() == h.Count).WithMessage("Give each weekday at most one opening range.");
        RuleForEach(s => s.OpeningHours).ChildRules(hours =>
        {
            hours.RuleFor(h => h.Day).IsInEnum();
            hours.RuleFor(h => h.Opens).WallClockTime();
            hours.RuleFor(h => h.Closes).WallClockTime()
                .Must((h, closes) => !WallClock.IsValid(h.Opens) || !WallClock.IsValid(closes) || WallClock.Parse(h.Opens) < WallClock.Parse(closes))
                .WithMessage("The studio must open before it closes.");
        });
    }

    /// <summary>
    /// Exactly as the tz database spells it. Windows ids (Central Standard Time) resolve too but are not what the API
    /// speaks, and the lookup forgives letter case only for zones it happens to have cached, so case is checked here.
    /// </summary>
    static bool BeAnIanaTimeZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && string.Equals(zone.Id, id, StringComparison.Ordinal);
}

public sealed class UpdateStudioSettingsEndpoint(StudioDbContext db, IEnumerable<IAmountsInCurrency> amounts)
    : Endpoint<UpdateStudioSettingsRequest, StudioSettingsResponse>
{
    public override void Configure()
    {
        Put("/settings");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "A new currency while amounts exist in the current one (listed in amounts).")
            .Operation("Settings", "Update", "Replace the studio settings",
                "Sales tax is set at /tax-settings. The currency cannot change once prices exist: amounts are minor units of it."));
    }

    public override async Task HandleAsync(UpdateStudioSettingsRequest req, CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: true, ct);
        db.MatchVersion(settings, req.IfMatch);
        if (req.Currency != settings.Currency)
        {
            // Every amount is a count of the current currency's minor units: another currency would re-read them all.
            var holders = new List<string>();
            foreach (var holder in amounts)
                if (await holder.DescribeAsync(ct) is { } description)
                    holders.Add(description);
            if (holders.Count > 0)
                throw ApiProblem.Conflict(
                    $"The currency stays {settings.Currency} while amounts exist in it: {string.Join("; ", holders)}.",
                    new Dictionary<string, object?> { ["amounts"] = holders });
        }
        req.ApplyTo(settings);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(settings);
        await Send.OkAsync(StudioSettingsResponse.From(settings), ct);
    }
}

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Cors;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.RateLimiting;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling.OnlineBooking.Deposits;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Scheduling.OnlineBooking.Book;

public sealed class CreateOnlineBookingRequest
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>The studio's online booking key.</summary>
    public string BookingKey { get; set; } = "";
    public long SessionTypeId { get; set; }
    /// <summary>The day, in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Wall-clock "HH:mm": the start of a slot availability offers.</summary>
    public string StartTime { get; set; } = "";
    /// <summary>The photographer wanted; omit to take whoever is free.</summary>
    public long? PhotographerId { get; set; }
    public OnlineBookingClientDetails Client { get; set; } = new();
}

/// <summary>Who is booking: matched to an existing client by email (any letter case) or phone digits, else a new client.</summary>
public sealed class OnlineBookingClientDetails
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
}

public sealed class CreateOnlineBookingValidator : Validator<CreateOnlineBookingRequest>
{
    public CreateOnlineBookingValidator()
    {
        RuleFor(r => r.BookingKey).NotEmpty().MaximumLength(64);
        RuleFor(r => r.SessionTypeId).GreaterThan(0);
        RuleFor(r => r.Date).NotEmpty();
        RuleFor(r => r.StartTime).WallClockTime();
        RuleFor(r => r.PhotographerId).GreaterThan(0);
        // A child validator, not RuleFor(r => r.Client.FirstName): that would read through a null client and throw.
        RuleFor(r => r.Client).NotNull().SetValidator(new OnlineBookingClientDetailsValidator());
    }
}

public sealed class OnlineBookingClientDetailsValidator : AbstractValidator<OnlineBookingClientDetails>
{
    public OnlineBookingClientDetailsValidator()
    {
        RuleFor(c => c.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.LastName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(320);
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(40)
            .Must(p => p is not null && ClientPhone.DigitsOf(p).Length >= 7).WithMessage("Give a phone number with at least 7 digits.");
    }
}

public sealed class OnlineBookingResponse
{
    public required long SessionId { get; init; }
    public required int SessionNumber { get; init; }
    public required long ClientId { get; init; }
    /// <summary>Whether the booking matched a client the studio already had (by email or phone).</summary>
    public required bool ExistingClient { get; init; }
    public required DateOnly Date { get; init; }
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required long PhotographerId { get; init; }
    /// <summary>
    /// When the session type asks for a deposit: the booking is held, unconfirmed, until the deposit is paid by card
    /// (Stripe's card form with clientSecret; the payment is recorded when Stripe's webhook confirms it, and the
    /// session confirmed), and released (cancelled) at dueBy if it is not. Null when no deposit is asked.
    /// </summary>
    public OnlineBookingDepositResponse? Deposit { get; set; }
}

public sealed class OnlineBookingDepositResponse
{
    /// <summary>The session's session-fee invoice, whose payment plan's deposit is due now.</summary>
    public required long InvoiceId { get; init; }
    public required int InvoiceNumber { get; init; }
    /// <summary>The deposit, in minor units of the currency.</summary>
    public required Money Amount { get; init; }
    /// <summary>The studio's currency (ISO 4217).</summary>
    public required string Currency { get; init; }
    /// <summary>Stripe's client secret of the payment intent, for Stripe's card form in the page.</summary>
    public required string ClientSecret { get; init; }
    /// <summary>The slot is released if the deposit has not been paid by then.</summary>
    public required DateTimeOffset DueBy { get; init; }
}

/// <summary>
/// A client books a slot online: public, keyed by the studio's booking key, rate limited per address. The client is
/// matched or created and the session created in one transaction under the booking locks, after availability is
/// worked out afresh, so of two people taking the same slot one gets it and the other a 409 with the day's free slots.
/// </summary>
public sealed class CreateOnlineBookingEndpoint(StudioDbContext db, OnlineAvailability availability, StatusTransitions transitions, IBookingDeposits deposits,
    IOptions<OnlineBookingOptions> options)
    : Endpoint<CreateOnlineBookingRequest, OnlineBookingResponse>
{
    public const string BookedBy = "online booking";

    public override void Configure()
    {
        Post("/online-booking/bookings");
        AllowAnonymous();
        Description(d => d.Operation("OnlineBooking", "Book",
                "Book a free slot online",
                "Addressed by the studio's booking key. 409 with fresh availability when the slot was just taken. A session "
                + "type with a deposit (bookingRules.depositAmount or depositPercent) makes the session's session-fee invoice "
                + "with the deposit due now and answers a card payment's clientSecret: the session stays unconfirmed until "
                + "Stripe's webhook records the deposit, and is cancelled (its slot freed) if it is not paid within "
                + "OnlineBooking:DepositHoldMinutes (default 30).")
            .AcceptsIdempotencyKey()
            .LimitedAsOnlineBooking()
            .OpenToAnyOrigin()
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<OnlineBookingResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway));
    }

    public override async Task HandleAsync(CreateOnlineBookingRequest req, CancellationToken ct)
    {
        var settings = await availability.SettingsForKeyAsync(req.BookingKey, ct);
        var bookable = await availability.BookableTypeAsync(req.SessionTypeId, ct);
        if (req.PhotographerId is { } wanted && !bookable.PhotographerIds.Contains(wanted))
            ThrowError(r => r.PhotographerId, $"Photographer {wanted} does not take online bookings of this session type.");
        var rules = bookable.Type.BookingRules;
        var wantsDeposit = rules.DepositAmount is not null || rules.DepositPercent is not null;
        if (wantsDeposit && !deposits.CanTakeDeposits)
            throw ApiProblem.Conflict("This session type asks for a deposit by card, but card payments are not set up.");
        BookingDeposit? deposit = null;
        var response = await db.InTransactionAsync(async () =>
        {
            // Locks, then a fresh look at the day, then the writes: the slot cannot be taken in between.
            await db.TakeAsync(OnlineAvailability.LockKeys(bookable, req.PhotographerId), ct);
            var day = await availability.FreeSlotsAsync(settings, bookable, req.Date, req.Date, req.PhotographerId, ct);
            var slot = day.FirstOrDefault(s => s.StartTime == req.StartTime)
                       ?? throw ApiProblem.Conflict(
                           $"{req.StartTime} on {req.Date:yyyy-MM-dd} is not free to book{(req.PhotographerId is { } p ? $" with photographer {p}" : "")}: pick one of the free slots in availability.",
                           new Dictionary<string, object?> { ["availability"] = day });

            var (client, existing) = await MatchOrCreateClientAsync(req.Client, ct);
            var session = new Session
            {
                ClientId = client.Id,
                SessionTypeId = bookable.Type.Id,
                Date = slot.Date,
                StartTime = WallClock.Parse(slot.StartTime),
                EndTime = WallClock.Parse(slot.EndTime),
                StartsAt = slot.StartsAt.UtcDateTime,
                EndsAt = slot.EndsAt.UtcDateTime,
                PhotographerId = slot.PhotographerId,
                ResourceId = bookable.Type.BookingRules.ResourceId,
                BookedBy = BookedBy,
                BookedOn = db.UtcNow,
                DepositDueBy = wantsDeposit ? db.UtcNow.AddMinutes(Math.Max(1, options.Value.DepositHoldMinutes)) : null,
            };
            db.Sessions.Add(session);
            await transitions.StartAsync(RecordKind.Session, session, () => db.SaveNumberedAsync([session], ct), ct);
            if (session.DepositDueBy is { } dueBy)
                deposit = await deposits.CreateInvoiceAsync(session, rules, new DateTimeOffset(DateTime.SpecifyKind(dueBy, DateTimeKind.Utc)), ct);
            return new OnlineBookingResponse
            {
                SessionId = session.Id,
                SessionNumber = session.Number,
                ClientId = client.Id,
                ExistingClient = existing,
                Date = session.Date,
                StartTime = slot.StartTime,
                EndTime = slot.EndTime,
                StartsAt = slot.StartsAt,
                EndsAt = slot.EndsAt,
                PhotographerId = slot.PhotographerId,
            };
        }, ct);
        if (deposit is not null)
        {
            // The intent after the commit (a provider call inside the booking locks would hold every booking up); under
            // the caller's Idempotency-Key when given, so a replayed booking answers the same intent. Should the provider
            // fail here, the hold runs out and frees the slot.
            var paying = await deposits.RequestCardPaymentAsync(deposit, req.IdempotencyKey ?? Guid.NewGuid().ToString("N"), ct);
            response.Deposit = new OnlineBookingDepositResponse
            {
                InvoiceId = paying.InvoiceId, InvoiceNumber = paying.InvoiceNumber, Amount = paying.Amount, Currency = paying.Currency,
                ClientSecret = paying.ClientSecret!, DueBy = paying.DueBy,
            };
        }
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }

    /// <summary>The client with this email (any letter case), else with these phone digits, else a new consumer client.</summary>
    async Task<(Client Client, bool Existing)> MatchOrCreateClientAsync(OnlineBookingClientDetails who, CancellationToken ct)
    {
        var email = who.Email.Trim().ToLowerInvariant();
        var digits = ClientPhone.DigitsOf(who.Phone);
        var match = await db.Clients.AsNoTracking().Where(c => c.Emails.Any(e => e.Address.ToLower() == email))
                        .OrderBy(c => c.Id).FirstOrDefaultAsync(ct)
                    ?? await db.Clients.AsNoTracking().Where(c => c.Phones.Any(p => p.Digits == digits))
                        .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (match is not null)
            return (match, true);

        var client = new Client
        {
            Kind = ClientKind.Consumer,
            FirstName = who.FirstName.Trim(),
            LastName = who.LastName.Trim(),
            ReferralSource = "Online booking",
            Emails = [new ClientEmail { Address = who.Email.Trim(), IsPrimary = true }],
            Phones = [new ClientPhone { Number = who.Phone.Trim(), Digits = digits, IsPrimary = true }],
        };
        db.Clients.Add(client);
        await transitions.StartAsync(RecordKind.Client, client, () => db.SaveNumberedAsync([client], ct), ct);
        return (client, false);
    }
}

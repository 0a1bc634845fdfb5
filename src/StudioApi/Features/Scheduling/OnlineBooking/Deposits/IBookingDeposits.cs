using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Scheduling.OnlineBooking.Deposits;

/// <summary>The deposit an online booking owes: its invoice, the amount, and (once asked of the card provider) the client secret for Stripe's card form.</summary>
public sealed record BookingDeposit(long InvoiceId, int InvoiceNumber, Money Amount, string Currency, DateTimeOffset DueBy, string? ClientSecret = null);

/// <summary>
/// The deposit online booking asks for when a session type says so. Declared here, where booking happens, and
/// provided by Sales (invoices, payment plans, card payments), which comes later in the areas' order.
/// </summary>
public interface IBookingDeposits
{
    /// <summary>Whether deposits can be taken at all (card payments are set up).</summary>
    bool CanTakeDeposits { get; }

    /// <summary>
    /// Inside the booking's transaction, after the session is saved: the session's session-fee invoice (from its price
    /// list's session fee) with a payment plan whose deposit is due now. 409 when no session fee applies.
    /// </summary>
    Task<BookingDeposit> CreateInvoiceAsync(Session session, BookingRules rules, DateTimeOffset dueBy, CancellationToken ct);

    /// <summary>After the booking committed: the card payment (a payment intent) for the deposit, under <paramref name="idempotencyKey"/>.</summary>
    Task<BookingDeposit> RequestCardPaymentAsync(BookingDeposit deposit, string idempotencyKey, CancellationToken ct);
}

public sealed class OnlineBookingOptions
{
    public const string Section = "OnlineBooking";

    /// <summary>How long a booking waits for its card deposit before its slot is released (default 30 minutes).</summary>
    public int DepositHoldMinutes { get; set; } = 30;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.CardPayments;

/// <summary>
/// A card payment asked of the provider for an invoice: its payment intent, and the payment recorded once the
/// provider's signed webhook says it succeeded.
/// </summary>
public sealed class CardPayment : AuditedRecord
{
    public long InvoiceId { get; set; }
    public string Provider { get; set; } = "";
    /// <summary>The provider's payment intent (pi_…): unique, so an intent is recorded once.</summary>
    public string ProviderIntentId { get; set; } = "";
    public Money Amount { get; set; }
    public string Currency { get; set; } = "";
    public CardPaymentState State { get; set; }
    /// <summary>The payment recorded when the provider confirmed it.</summary>
    public long? PaymentId { get; set; }
}

/// <summary>Asking the card payment provider for an intent, and what a failed provider call answers.</summary>
public static class CardIntents
{
    /// <summary>Whether a provider call failed at the provider (refused, or not reached): answered 502, nothing recorded.</summary>
    public static bool Failed(Exception e) => e is Stripe.StripeException or HttpRequestException;

    public static ApiProblem BadGateway(string detail) => new(StatusCodes.Status502BadGateway, "Bad gateway", detail);

    /// <summary>
    /// The provider's intent first, under <paramref name="idempotencyKey"/>, then its row: a row is kept only for an intent
    /// that exists, and once (a retry under the same key gets the same intent and finds its row).
    /// <paramref name="failure"/> words the 502 when the provider fails.
    /// </summary>
    public static async Task<(CardPayment Card, CardIntent Intent)> OpenAsync(StudioDbContext db, ICardPaymentProvider provider, long invoiceId,
        Money amount, string currency, string idempotencyKey, Func<Exception, string> failure, CancellationToken ct)
    {
        CardIntent intent;
        try
        {
            intent = await provider.CreateIntentAsync(invoiceId, amount, currency, idempotencyKey, ct);
        }
        catch (Exception e) when (Failed(e))
        {
            throw BadGateway(failure(e));
        }
        if (await db.CardPayments.SingleOrDefaultAsync(c => c.ProviderIntentId == intent.Id, ct) is { } known)
            return (known, intent);
        var card = new CardPayment
        {
            InvoiceId = invoiceId, Provider = provider.Name, ProviderIntentId = intent.Id, Amount = amount,
            Currency = currency.ToLowerInvariant(), State = CardPaymentState.Open,
        };
        db.CardPayments.Add(card);
        await db.SaveChangesAsync(ct);
        return (card, intent);
    }
}

public enum CardPaymentState
{
    /// <summary>Waiting for the card to be entered and the provider to confirm.</summary>
    Open,
    Succeeded,
    Failed,
    Canceled,
}

/// <summary>A provider's webhook event already processed: each is processed once, however often it is delivered.</summary>
public sealed class ProviderEvent
{
    public long Id { get; set; }
    public string Provider { get; set; } = "";
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// Records the event in the caller's transaction and says whether it is new: false when it was recorded before
    /// (delivered again, processed already), found by the unique (provider, event id) index, not by a look first.
    /// </summary>
    public static async Task<bool> RecordOnceAsync(StudioDbContext db, string provider, string eventId, string type, CancellationToken ct)
    {
        db.ProviderEvents.Add(new ProviderEvent { Provider = provider, EventId = eventId, Type = type, ReceivedAt = db.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }
}

public sealed class CardPaymentConfiguration : IEntityTypeConfiguration<CardPayment>
{
    public void Configure(EntityTypeBuilder<CardPayment> builder)
    {
        builder.ToTable("CardPayments");
        builder.Property(c => c.Provider).HasMaxLength(20);
        builder.Property(c => c.ProviderIntentId).HasMaxLength(100);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ProviderIntentId).IsUnique();
        builder.HasIndex(c => c.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
    }
}

public sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> builder)
    {
        builder.ToTable("ProviderEvents");
        builder.Property(e => e.Provider).HasMaxLength(20);
        builder.Property(e => e.EventId).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.HasIndex(e => new { e.Provider, e.EventId }).IsUnique();
    }
}

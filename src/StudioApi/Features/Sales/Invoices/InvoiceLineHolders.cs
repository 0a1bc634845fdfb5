namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// What a later area holds of an invoice's lines (Production: the production orders made from them). An invoice whose
/// lines are held keeps its lines as they are: a change of them would leave the holder pointing at lines that are gone.
/// </summary>
public interface IInvoiceLineHolders
{
    /// <summary>One line per holder (production order 12…); none when the lines may change.</summary>
    Task<IReadOnlyList<string>> FindAsync(long invoiceId, CancellationToken ct);
}

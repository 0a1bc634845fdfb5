using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Paging;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Clients.ListNotes;

/// <summary>The notes log has one order (newest first), so it takes a page size and a cursor but no sort.</summary>
public sealed class ListClientNotesRequest
{
    public long Id { get; set; }

    /// <summary>How many entries to return (1–200, default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page; omit for the first page.</summary>
    public string? Cursor { get; set; }
}

public sealed class ListClientNotesValidator : Validator<ListClientNotesRequest>
{
    public ListClientNotesValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, ListRequest.MaxLimit);
        RuleFor(r => r.Cursor).MaximumLength(100);
    }
}

public sealed class ListClientNotesEndpoint(StudioDbContext db) : Endpoint<ListClientNotesRequest, Page<ClientNoteResponse>>
{
    public override void Configure()
    {
        Get("/clients/{id}/notes");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "ListNotes", "List a client's notes log, newest first"));
    }

    public override async Task HandleAsync(ListClientNotesRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("client", req.Id);

        // Entries are only ever appended, so id order is time order; a page continues below the last id seen.
        var query = db.ClientNotes.AsNoTracking().Where(n => n.ClientId == req.Id);
        if (!string.IsNullOrEmpty(req.Cursor))
        {
            var before = DecodeCursor(req.Cursor);
            query = query.Where(n => n.Id < before);
        }
        var limit = req.Limit ?? ListRequest.DefaultLimit;
        var rows = await query.OrderByDescending(n => n.Id).Take(limit + 1).ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);

        await Send.OkAsync(new Page<ClientNoteResponse>
        {
            Items = rows.Select(ClientNoteResponse.From).ToList(),
            NextCursor = hasMore ? EncodeCursor(rows[^1].Id) : null,
        }, ct);
    }

    static string EncodeCursor(long id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"note:{id.ToString(CultureInfo.InvariantCulture)}"));

    static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("note:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return id;
        }
        catch (FormatException)
        {
        }
        throw ApiProblem.BadRequest("The cursor is not valid; use the nextCursor of the previous page.");
    }
}

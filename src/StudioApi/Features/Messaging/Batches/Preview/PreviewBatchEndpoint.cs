using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches.Preview;

public sealed class PreviewBatchRequest : BatchInput
{
    /// <summary>How many rendered messages to show (1–20, default 3).</summary>
    public int? Show { get; set; }
}

public sealed class PreviewBatchValidator : Validator<PreviewBatchRequest>
{
    public PreviewBatchValidator()
    {
        Include(new BatchInputValidator());
        RuleFor(r => r.Show).InclusiveBetween(1, 20);
    }
}

public sealed class BatchPreviewMessage
{
    /// <summary>The client or session it is for.</summary>
    public required long RecordId { get; init; }
    public required long ClientId { get; init; }
    public string? Address { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
}

public sealed class BatchPreviewSkip
{
    public required long RecordId { get; init; }
    public required long ClientId { get; init; }
    public required string ClientName { get; init; }
    public required SkipReason Reason { get; init; }
}

public sealed class BatchPreviewResponse
{
    /// <summary>Records the filter finds now.</summary>
    public required int RecordCount { get; init; }
    /// <summary>How many would be sent.</summary>
    public required int WillSend { get; init; }
    /// <summary>How many would be skipped (the client's wishes, no address).</summary>
    public required int WillSkip { get; init; }
    /// <summary>The first messages, rendered as they would go.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(20)]
    public required IReadOnlyList<BatchPreviewMessage> First { get; init; }
    /// <summary>Who would be skipped and why (the first 200).</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(200)]
    public required IReadOnlyList<BatchPreviewSkip> Skipped { get; init; }
}

public sealed class PreviewBatchEndpoint(StudioDbContext db, BatchComposer composer) : Endpoint<PreviewBatchRequest, BatchPreviewResponse>
{
    public const int MaxRecords = 20_000;

    public override void Configure()
    {
        Post("/communication-batches/preview");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The template could not be rendered, or the filter finds more than 20,000 records.")
            .Operation("CommunicationBatches", "Preview", "Preview a wizard send",
                "How many records the filter finds, the first messages rendered as they would go, and who would be skipped "
                + "and why (opted out, unsubscribed, no address). Changes and sends nothing."));
    }

    public override async Task HandleAsync(PreviewBatchRequest req, CancellationToken ct)
    {
        var (template, errors) = await req.CheckAsync(db, ct);
        foreach (var (field, message) in errors)
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        var records = await BatchRecords.Query(db, req.Filter.ToFilter(), db.UtcNow).Take(MaxRecords + 1).ToListAsync(ct);
        if (records.Count > MaxRecords)
            throw Platform.Http.Problems.ApiProblem.RuleBroken($"The filter finds more than {MaxRecords} records: narrow it.");
        var clientIds = records.Select(r => r.ClientId).Distinct().ToList();
        var clients = new Dictionary<long, Clients.Clients.Client>();
        foreach (var part in clientIds.Chunk(500))
            foreach (var client in await db.Clients.AsNoTracking().Where(c => part.Contains(c.Id)).ToListAsync(ct))
                clients[client.Id] = client;

        var show = req.Show ?? 3;
        var first = new List<BatchPreviewMessage>();
        var skipped = new List<BatchPreviewSkip>();
        var willSkip = 0;
        foreach (var record in records)
        {
            var client = clients[record.ClientId];
            var probe = new Communication { Kind = req.Channel!.Value, ClientId = client.Id };
            probe.Address = MessageComposer.AddressOf(client, probe.Kind);
            if (MessageComposer.WhyNot(client, probe) is { } reason)
            {
                willSkip++;
                if (skipped.Count < 200)
                    skipped.Add(new BatchPreviewSkip { RecordId = record.RecordId, ClientId = client.Id, ClientName = Clients.Clients.ClientResponse.DisplayNameOf(client), Reason = reason });
                continue;
            }
            if (first.Count < show)
            {
                var message = await composer.ComposeAsync(template!, req.Channel!.Value, record, batchId: null, ct);
                first.Add(new BatchPreviewMessage { RecordId = record.RecordId, ClientId = client.Id, Address = message.Address, Subject = message.Subject, Body = message.Body ?? "" });
            }
        }
        await Send.OkAsync(new BatchPreviewResponse { RecordCount = records.Count, WillSend = records.Count - willSkip, WillSkip = willSkip, First = first, Skipped = skipped }, ct);
    }
}

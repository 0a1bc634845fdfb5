using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Races;

/// <summary>The record a round fights over, as read at the round's start.</summary>
public sealed class RaceRecord
{
    public required long Id { get; init; }
    /// <summary>Its URL (<c>/api/v1/locations/12</c>).</summary>
    public required string Path { get; init; }
    /// <summary>The record as last read while live (its GET body): updates send it back changed.</summary>
    public JsonObject Read { get; set; } = [];
    public int Version { get; set; }
    public bool Deleted { get; set; }
    /// <summary>Other records it is used with (the image's session, a status to move it to…).</summary>
    public Dictionary<string, long> Related { get; init; } = [];
}

/// <summary>In which state of the record an operation can succeed.</summary>
public enum On
{
    Live,
    Deleted,
    Either,
    /// <summary>Only while background work on the record is still going (a run's cancel): it may lose to the worker.</summary>
    WhileWorking,
}

/// <summary>
/// One state-changing operation, as the harness fires it at a record: the request (built from the record as read at
/// the round's start and a number unique to the request), the statuses it may win with and lose with, whether it
/// sends If-Match (then it shares the round's one version with the other If-Match operations, so at most one of
/// them wins), and <see cref="Once"/>: operations that compete for one thing (a purge, a cancel, a held file), of
/// which at most one wins a round.
/// </summary>
public sealed record RaceOp(string Name, On On, bool IfMatch, int[] Wins, int[] Refusals, Func<RaceRecord, int, HttpRequestMessage> Request)
{
    public string? Once { get; init; }
    /// <summary>For an answer that reports per record (a bulk call answers 200 either way): whether its body says it changed the record.</summary>
    public Func<JsonNode, bool>? Changed { get; init; }
    /// <summary>A success moves the record's version on by exactly one (an edit); false for bookkeeping that is no edit.</summary>
    public bool Versions { get; init; } = true;
}

/// <summary>A record kind and the operations that can meet on one of its records.</summary>
public sealed class RaceKind
{
    public required string Name { get; init; }
    public required Func<RaceContext, Task<RaceRecord>> Arrange { get; init; }
    /// <summary>The record's version and whether it is in the recycle bin, from the database; null once it is gone for good.</summary>
    public required Func<StudioDbContext, long, Task<(int Version, bool Deleted)?>> State { get; init; }
    public required RaceOp[] Ops { get; init; }
    /// <summary>Its operations use it up (a held file is assigned, a run cancelled or finished): a new one each round.</summary>
    public bool FreshEachRound { get; init; }
    /// <summary>Rounds of each pair and crowd, times the harness's (a kind with one or two operations gets more).</summary>
    public int RoundsFactor { get; init; } = 1;
    /// <summary>Up to this long a round waits at random before it fires (to meet background work at every stage).</summary>
    public TimeSpan Stagger { get; init; }
    /// <summary>Before a round's outcome is judged (a run is waited for until it has finished).</summary>
    public Func<RaceContext, RaceRecord, Task>? Settle { get; init; }
    /// <summary>What must hold after a round, given who won.</summary>
    public Func<RaceContext, RaceRecord, IReadOnlyList<RaceOutcome>, Task<string?>>? Check { get; init; }

    public override string ToString() => Name;

    public static Func<StudioDbContext, long, Task<(int Version, bool Deleted)?>> Audited<T>() where T : AuditedRecord =>
        async (db, id) => await db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Version, Deleted = r.DeletedAt != null }).SingleOrDefaultAsync() is { } s ? (s.Version, s.Deleted) : null;
}

/// <summary>What one operation of a round got.</summary>
public sealed record RaceOutcome(RaceOp Op, int Status, string Body)
{
    public bool Won => Status is >= 200 and < 300 && (Op.Changed is null || Op.Changed(JsonNode.Parse(Body)!));
}

/// <summary>The app, a signed-in admin and what arranging records needs.</summary>
public sealed class RaceContext(StudioApiFactory app, HttpClient admin)
{
    // Process-wide, so names made by one kind's run never meet another's.
    static int counter;

    public StudioApiFactory App { get; } = app;
    public HttpClient Admin { get; } = admin;
    /// <summary>Records arranged once and shared by a kind's rounds (a render profile, a session to import into…).</summary>
    public ConcurrentDictionary<string, object> Shared { get; } = new();

    public int Next() => Interlocked.Increment(ref counter);

    public async Task<JsonObject> PostAsync(string path, object body)
    {
        var response = await Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"arranging {path}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Creates a record with a POST and answers it as a race record at <c>{path}/{id}</c>.</summary>
    public async Task<RaceRecord> CreateAsync(string path, object body)
    {
        var created = await PostAsync(path, body);
        return new RaceRecord { Id = created["id"]!.GetValue<long>(), Path = $"{path}/{created["id"]}", Read = created };
    }

    public async Task<T> SharedAsync<T>(string name, Func<Task<T>> make) where T : notnull
    {
        if (Shared.TryGetValue(name, out var known))
            return (T)known;
        var made = await make();
        Shared[name] = made;
        return made;
    }
}

/// <summary>
/// Fires a kind's operations at one record concurrently, in every conflicting pair and in crowds, round after round,
/// starting from a live record and from one in the recycle bin, and judges each round: no 5xx; every answer one its
/// operation may give, a refusal as a problem (404, 409, or 412 only to a request that sent If-Match); at most one
/// winner among the If-Match operations (they all sent the version read at the start) and within each
/// <see cref="RaceOp.Once"/> group; at least one winner when some operation can succeed; the record's version moved on
/// by exactly the winning edits (no lost update, no edit counted twice); and the kind's own checks. Faults are
/// collected, not thrown, so one run shows them all.
/// </summary>
public sealed class RaceHarness(RaceContext context)
{
    public List<string> Faults { get; } = [];
    public int Rounds { get; private set; }
    public int Requests { get; private set; }
    /// <summary>What each operation answered, how often (for the test's output).</summary>
    public SortedDictionary<string, SortedDictionary<int, int>> Answers { get; } = new(StringComparer.Ordinal);

    public string Summary => string.Join("; ", Answers.Select(a => $"{a.Key} {string.Join(" ", a.Value.Select(s => $"{s.Key}×{s.Value}"))}"));

    public async Task RunAsync(RaceKind kind, int pairRounds, int crowdRounds, int crowdCopies)
    {
        var restore = kind.Ops.FirstOrDefault(o => o.Name == "restore");
        var delete = kind.Ops.FirstOrDefault(o => o.Name == "delete");
        var starts = restore is not null && delete is not null ? new[] { false, true } : [false];
        var record = kind.FreshEachRound ? null : await kind.Arrange(context);

        var rounds = new List<RaceOp[]>();
        for (var a = 0; a < kind.Ops.Length; a++)
            for (var b = a; b < kind.Ops.Length; b++)
                for (var r = 0; r < pairRounds * kind.RoundsFactor; r++)
                    rounds.Add([kind.Ops[a], kind.Ops[b]]);
        for (var r = 0; r < crowdRounds * kind.RoundsFactor; r++)
            rounds.Add(kind.Ops.SelectMany(o => Enumerable.Repeat(o, crowdCopies)).ToArray());

        foreach (var ops in rounds)
            foreach (var startDeleted in starts)
            {
                // A new record when the last was used up, purged, or deleted for good (a kind without restore).
                if (kind.FreshEachRound || record is null || await StateAsync(kind, record.Id) is not { } state || (state.Deleted && restore is null))
                    record = await kind.Arrange(context);
                await RoundAsync(kind, record, ops, startDeleted, delete, restore);
            }
    }

    Task<(int Version, bool Deleted)?> StateAsync(RaceKind kind, long id) => context.App.WithDbAsync(db => kind.State(db, id));

    async Task RoundAsync(RaceKind kind, RaceRecord record, RaceOp[] ops, bool startDeleted, RaceOp? delete, RaceOp? restore)
    {
        var name = $"{kind.Name} [{string.Join(", ", ops.Select(o => o.Name))}] from {(startDeleted ? "the recycle bin" : "live")}";
        if (!await ReadAsync(kind, record))
        {
            Faults.Add($"{name}: the record vanished before the round");
            return;
        }
        // Bring it to the round's starting state, one request at a time.
        if (startDeleted != record.Deleted)
        {
            var change = startDeleted ? delete! : restore!;
            var response = await context.Admin.SendAsync(change.Request(record, context.Next()));
            if (!response.IsSuccessStatusCode)
            {
                Faults.Add($"{name}: could not {change.Name} it to start: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return;
            }
            await ReadAsync(kind, record);
        }

        var startVersion = record.Version;
        if (kind.Stagger > TimeSpan.Zero)
            await Task.Delay(Random.Shared.Next((int)kind.Stagger.TotalMilliseconds));
        var requests = ops.Select(op => (Op: op, Request: op.Request(record, context.Next()))).ToList();
        var answers = await Task.WhenAll(requests.Select(r => context.Admin.SendAsync(r.Request)));
        var outcomes = new List<RaceOutcome>();
        for (var i = 0; i < answers.Length; i++)
            outcomes.Add(new RaceOutcome(requests[i].Op, (int)answers[i].StatusCode, await answers[i].Content.ReadAsStringAsync()));
        Rounds++;
        Requests += answers.Length;

        foreach (var (outcome, answer) in outcomes.Zip(answers))
        {
            Judge(name, outcome, answer);
            var tally = Answers.TryGetValue(outcome.Op.Name, out var known) ? known : Answers[outcome.Op.Name] = [];
            tally[outcome.Status] = tally.GetValueOrDefault(outcome.Status) + 1;
        }
        Count(name, outcomes.Where(o => o.Won && o.Op.IfMatch), "If-Match operations (one version)");
        foreach (var group in outcomes.Where(o => o.Won && o.Op.Once is not null).GroupBy(o => o.Op.Once))
            Count(name, group, $"'{group.Key}' operations");
        var applicable = ops.Any(o => o.On == On.Either || (o.On == On.Deleted && startDeleted) || (o.On == On.Live && !startDeleted));
        if (applicable && !outcomes.Any(o => o.Won))
            Faults.Add($"{name}: nobody won: {string.Join("; ", outcomes.Select(o => $"{o.Op.Name} {o.Status} {Short(o.Body)}"))}");

        if (kind.Settle is not null)
            await kind.Settle(context, record);
        var after = await StateAsync(kind, record.Id);
        var edits = outcomes.Count(o => o.Won && o.Op.Versions);
        if (after is { } state && state.Version != startVersion + edits)
            Faults.Add($"{name}: version {startVersion} became {state.Version} after {edits} winning edit(s): "
                       + string.Join("; ", outcomes.Select(o => $"{o.Op.Name} {o.Status}")));
        if (kind.Check is not null && await kind.Check(context, record, outcomes) is { } broken)
            Faults.Add($"{name}: {broken}");
    }

    void Count(string name, IEnumerable<RaceOutcome> winners, string what)
    {
        var won = winners.ToList();
        if (won.Count > 1)
            Faults.Add($"{name}: {won.Count} {what} won where one can: {string.Join(", ", won.Select(o => o.Op.Name))}");
    }

    void Judge(string name, RaceOutcome outcome, HttpResponseMessage answer)
    {
        var op = outcome.Op;
        var where = $"{name}: {op.Name} answered {outcome.Status} {Short(outcome.Body)}";
        if (outcome.Status >= 500)
        {
            Faults.Add(where);
            return;
        }
        if (!op.Wins.Contains(outcome.Status) && !op.Refusals.Contains(outcome.Status))
            Faults.Add($"{where} (expected {string.Join("/", op.Wins.Concat(op.Refusals))})");
        if (outcome.Status >= 400)
        {
            if (answer.Content.Headers.ContentType?.MediaType != "application/problem+json")
                Faults.Add($"{where}: not a problem");
            else if (JsonNode.Parse(outcome.Body)?["status"]?.GetValue<int>() != outcome.Status)
                Faults.Add($"{where}: the problem names another status");
            if (outcome.Status == 412 && !op.IfMatch)
                Faults.Add($"{where}: 412 to a request that sent no If-Match");
        }
    }

    /// <summary>Reads the record's state: its version and bin from the database, its body (while live) from the API.</summary>
    async Task<bool> ReadAsync(RaceKind kind, RaceRecord record)
    {
        if (await StateAsync(kind, record.Id) is not { } state)
            return false;
        (record.Version, record.Deleted) = state;
        if (!state.Deleted)
        {
            var response = await context.Admin.GetAsync(record.Path);
            if (response.IsSuccessStatusCode)
                record.Read = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }
        return true;
    }

    static string Short(string body) => body.Length > 300 ? body[..300] : body;
}

/// <summary>Requests as the table builds them.</summary>
public static class RaceRequests
{
    public static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };

    public static HttpRequestMessage Json(HttpMethod method, string path, JsonNode body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

    public static HttpRequestMessage IfMatch(this HttpRequestMessage request, int version)
    {
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return request;
    }

    /// <summary>A fresh Idempotency-Key: each racing request is its own payment or refund.</summary>
    public static HttpRequestMessage WithKey(this HttpRequestMessage request)
    {
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>The record as read, with one field changed.</summary>
    public static JsonObject With(this JsonObject read, string field, JsonNode? value)
    {
        var copy = read.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }
}

public static class RaceContextReads
{
    public static async Task<JsonObject> GetJsonAsync(this RaceContext c, string path)
    {
        var response = await c.Admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"reading {path}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudioApi.Tests.Infrastructure;

/// <summary>One SQL statement a request ran, with its parameter values, to be looked at (EXPLAIN QUERY PLAN) on its own.</summary>
public sealed record CapturedSql(string Text, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>The plan SQLite chose for the statement on the app's database file, one line per step.</summary>
    public async Task<List<string>> PlanAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Text;
        foreach (var (name, value) in Parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}

/// <summary>
/// Records the SQL a request runs: EF Core reports every executed command to DiagnosticListener, and the request's
/// are told apart from everything else in the process (other test classes, background workers) by the trace id sent
/// with it, which ASP.NET Core's request activity continues.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    readonly ActivityTraceId trace = ActivityTraceId.CreateRandom();
    readonly List<CapturedSql> commands = [];
    readonly ActivityListener requests;
    readonly IDisposable listeners;
    readonly List<IDisposable> subscriptions = [];

    public SqlCapture()
    {
        // ASP.NET Core starts a request activity (continuing the caller's trace) only when someone listens.
        requests = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(requests);
        listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Sends a GET whose statements are captured; returns them in the order they ran.</summary>
    public static async Task<(HttpResponseMessage Response, List<CapturedSql> Commands)> GetAsync(HttpClient client, string url)
    {
        using var capture = new SqlCapture();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{capture.trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        lock (capture.commands)
            return (response, [.. capture.commands]);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (subscriptions)
                subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data || Activity.Current?.TraceId != trace)
            return;
        lock (commands)
            commands.Add(new CapturedSql(data.Command.CommandText,
                [.. data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        listeners.Dispose();
        lock (subscriptions)
            foreach (var subscription in subscriptions)
                subscription.Dispose();
        requests.Dispose();
    }
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Races;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

/// <summary>
/// An edit or a delete of a session that read it live, while a delete and a purge commit before its own transaction
/// begins (the race harness's sessions crowd met this about once in six runs on a loaded machine): the session is
/// gone, so 404, never a 500 from a save that writes the session's search terms or log for a row no longer there.
/// </summary>
public sealed class SessionPurgeRaceTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    /// <summary>
    /// Holds the first transaction that the armed request starts (so after the request's reads) until released; the
    /// host's background workers, which start transactions of their own, pass.
    /// </summary>
    sealed class TransactionGate : DbTransactionInterceptor
    {
        readonly HttpContextAccessor http = new();
        (HttpMethod Method, string Path, TaskCompletionSource Reached, TaskCompletionSource Release)? armed;

        public (Task Reached, Action Release) Arm(HttpRequestMessage request)
        {
            var (reached, release) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            armed = (request.Method, request.RequestUri!.OriginalString, reached, release);
            return (reached.Task, release.SetResult);
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (armed is { } a && http.HttpContext?.Request is { } request && request.Method == a.Method.Method && request.Path == a.Path)
            {
                armed = null;
                a.Reached.SetResult();
                await a.Release.Task;
            }
            return result;
        }
    }

    // One for the class, as the gated host is kept by the fixture across the class's tests (each a new instance).
    static readonly TransactionGate Gate = new();

    HttpClient Gated(HttpClient admin)
    {
        var host = app.Variant("gated transactions", b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<StudioDbContext>(o => o.AddInterceptors(Gate))));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions());
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        return client;
    }

    async Task<(JsonObject Session, string Path)> NewSessionAsync(HttpClient admin)
    {
        var client = await (await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Race", lastName = $"Purge {Guid.NewGuid():N}"[..20] }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
        var session = await (await admin.PostAsJsonAsync("/api/v1/sessions", new
        {
            clientId = client["id"]!.GetValue<long>(), date = "2031-05-14", startTime = "09:00", endTime = "10:00", description = "Spring portraits",
        })).ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
        return (session, $"/api/v1/sessions/{session["id"]}");
    }

    /// <summary>Sends <paramref name="request"/> through the gated host; while it waits at its transaction, the session is deleted and purged.</summary>
    async Task<HttpResponseMessage> WithPurgeBeforeItsTransactionAsync(HttpClient admin, string path, int version, HttpRequestMessage request)
    {
        var (reached, release) = Gate.Arm(request);
        var sent = Gated(admin).SendAsync(request);
        if (await Task.WhenAny(reached, sent).WaitAsync(TimeSpan.FromSeconds(30)) == sent)
            throw new InvalidOperationException($"answered before its transaction: {(int)(await sent).StatusCode} {await (await sent).Content.ReadAsStringAsync()}");

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path).WithIfMatch($"\"{version}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsync($"{path}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        release();
        return await sent;
    }

    [Fact]
    public async Task An_edit_that_read_the_session_before_it_was_deleted_and_purged_is_told_it_is_gone()
    {
        var admin = await app.AdminAsync();
        var (session, path) = await NewSessionAsync(admin);
        var version = session["version"]!.GetValue<int>();
        var edited = session.DeepClone().AsObject();
        // New words, so the save has search terms to write for the session.
        edited["description"] = "Autumn family portraits";

        var response = await WithPurgeBeforeItsTransactionAsync(admin, path, version,
            RaceRequests.Json(HttpMethod.Put, path, edited).IfMatch(version));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Set<StudioApi.Features.Scheduling.Sessions.Session>().IgnoreQueryFilters().AnyAsync(s => s.Id == session["id"]!.GetValue<long>())))
            .ShouldBeFalse();
    }

    [Fact]
    public async Task A_delete_that_read_the_session_before_it_was_deleted_and_purged_is_told_it_is_gone()
    {
        var admin = await app.AdminAsync();
        var (session, path) = await NewSessionAsync(admin);
        var version = session["version"]!.GetValue<int>();

        var response = await WithPurgeBeforeItsTransactionAsync(admin, path, version,
            new HttpRequestMessage(HttpMethod.Delete, path).IfMatch(version));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Set<StudioApi.Features.Scheduling.Sessions.Session>().IgnoreQueryFilters().AnyAsync(s => s.Id == session["id"]!.GetValue<long>())))
            .ShouldBeFalse();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Platform.Background;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Background;

/// <summary>
/// The background-work engine, through a test-only kind of work (<see cref="ScriptedWork"/>) plugged into real app hosts
/// on a fake clock: leases, backoff and takeover are timed by that clock, so nothing here sleeps through them. The
/// three real kinds (renditions, render runs, render jobs) are exercised by the Imaging tests.
/// </summary>
public sealed class BackgroundWorkTests(BackgroundWorkApi api) : IClassFixture<BackgroundWorkApi>
{
    static WorkerSettings Settings(int workers = 1, int maxAttempts = 5, double backoffSeconds = 60, double leaseSeconds = 30) => new()
    {
        Workers = workers, MaxAttempts = maxAttempts, BackoffSeconds = backoffSeconds, LeaseSeconds = leaseSeconds, PollSeconds = 0.2,
    };

    DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    static async Task<BackgroundWorkKindBody> KindAsync(WebApplicationFactory<Program> host, string kind)
    {
        var admin = await ImageKit.AdminOfAsync(host);
        var list = await (await admin.GetAsync("/api/v1/background-work")).ShouldBeAsync<BackgroundWorkListBody>(HttpStatusCode.OK);
        return list.Items.Single(i => i.Kind == kind);
    }

    [Fact]
    public async Task A_passing_failure_is_retried_after_a_backoff_that_doubles_and_then_succeeds()
    {
        await using var host = api.Host(Settings(backoffSeconds: 60));
        var id = await api.EnqueueAsync("fail-until-3");
        BackgroundWorkApi.Wake(host);

        var first = await api.WhenAsync(id, r => r.Work.NextAttemptAt is not null, "waiting for a second attempt");
        var failedAt = Now;
        (first.Work.Attempts, first.Work.LeaseOwner, first.State).ShouldBe((1, null, RenderRunState.Queued));
        first.Work.NextAttemptAt.ShouldBe(failedAt.AddSeconds(60));
        first.Work.LastError.ShouldBe("A passing failure on attempt 1.");
        var listed = await KindAsync(host, BackgroundWorkApi.Kind);
        (listed.Retrying, listed.Running).ShouldBe((1, 0));

        // Not before the backoff: a record queued after it is taken (the loop looked) while it waits.
        var later = await api.EnqueueAsync("ok");
        BackgroundWorkApi.Wake(host);
        await api.WhenDoneAsync(later);
        (await api.RecordAsync(id)).Work.Attempts.ShouldBe(1);

        api.Clock.Advance(TimeSpan.FromSeconds(60));
        BackgroundWorkApi.Wake(host);
        var second = await api.WhenAsync(id, r => r.Work.Attempts == 2 && r.Work.NextAttemptAt is not null, "failed a second time");
        second.Work.NextAttemptAt.ShouldBe(Now.AddSeconds(120));
        second.Work.LastError.ShouldBe("A passing failure on attempt 2.");

        api.Clock.Advance(TimeSpan.FromSeconds(120));
        BackgroundWorkApi.Wake(host);
        var done = await api.WhenDoneAsync(id);
        (done.Work.Attempts, done.Work.LastError, done.Work.NextAttemptAt, done.Work.LeaseOwner, done.Work.FailedAt)
            .ShouldBe((3, null, null, null, null));
    }

    [Fact]
    public async Task After_its_last_attempt_a_record_fails_and_the_admin_list_shows_why()
    {
        await using var host = api.Host(Settings(maxAttempts: 2, backoffSeconds: 10));
        var id = await api.EnqueueAsync("fail");
        BackgroundWorkApi.Wake(host);
        await api.WhenAsync(id, r => r.Work.NextAttemptAt is not null, "waiting for a second attempt");

        api.Clock.Advance(TimeSpan.FromSeconds(10));
        BackgroundWorkApi.Wake(host);
        var failed = await api.WhenAsync(id, r => r.State == RenderRunState.Failed, "failed");

        (failed.Work.Attempts, failed.Work.LastError, failed.Work.FailedAt).ShouldBe((2, "It always fails.", Now));
        (failed.Work.LeaseOwner, failed.Work.NextAttemptAt).ShouldBe((null, null));
        failed.Error.ShouldBe("It always fails.");
        var listed = await KindAsync(host, BackgroundWorkApi.Kind);
        listed.Failed.ShouldBeGreaterThanOrEqualTo(1);
        var failure = listed.RecentFailures.First();
        (failure.Id, failure.Attempts, failure.Error).ShouldBe((id, 2, "It always fails."));
        failure.FailedAt.ShouldBe(new DateTimeOffset(Now));
        (listed.Flavour, listed.MaxAttempts).ShouldBe(("queue", 2));

        // Only administrators see it.
        var staff = await api.AsRoleAsync(UserRole.Staff);
        (await staff.GetAsync("/api/v1/background-work")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lease_renewed_while_the_work_goes_on_keeps_a_long_item_from_a_second_loop()
    {
        await using var host = api.Host(Settings(workers: 2, leaseSeconds: 30));
        var claimedAt = Now;
        var id = await api.EnqueueAsync("block");
        BackgroundWorkApi.Wake(host);
        await api.Gate.WhenHoldingAsync(id);
        var held = await api.RecordAsync(id);
        held.Work.LeaseOwner.ShouldBe(host.Services.GetRequiredService<BackgroundInstance>().Id);
        held.Work.LeaseUntil.ShouldBe(claimedAt.AddSeconds(30));

        // Renewed every third of the lease (10 s), from the moment of renewal.
        api.Clock.Advance(TimeSpan.FromSeconds(15));
        await api.WhenAsync(id, r => r.Work.LeaseUntil == claimedAt.AddSeconds(45), "renewed");
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        await api.WhenAsync(id, r => r.Work.LeaseUntil == claimedAt.AddSeconds(65), "renewed again");

        // The first lease has run out: the other loop, woken for a later record, takes that one and leaves this one.
        var later = await api.EnqueueAsync("ok");
        BackgroundWorkApi.Wake(host);
        await api.WhenDoneAsync(later);
        (await api.RecordAsync(id)).Work.Attempts.ShouldBe(1);
        api.Gate.ClaimsOf(id).ShouldBe(1);

        api.Gate.Release(id);
        var done = await api.WhenDoneAsync(id);
        (done.Work.Attempts, done.Work.LeaseOwner, done.Work.LeaseUntil).ShouldBe((1, null, null));
    }

    [Fact]
    public async Task The_number_of_loops_of_a_kind_is_its_workers_setting()
    {
        await using var host = api.Host(Settings(workers: 3));
        api.Gate.ResetCount();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
            ids.Add(await api.EnqueueAsync("block"));
        BackgroundWorkApi.Wake(host);

        await api.Gate.WhenHoldingAsync(ids[0], ids[1], ids[2]);
        // Room for a fourth loop to show itself: several polls and wakes.
        for (var i = 0; i < 5; i++)
        {
            BackgroundWorkApi.Wake(host);
            await Task.Delay(200);
        }
        api.Gate.Holding.Count.ShouldBe(3);
        var listed = await KindAsync(host, BackgroundWorkApi.Kind);
        (listed.Workers, listed.Running, listed.Queued).ShouldBe((3, 3, 1));
        listed.OldestWaitingCreatedAt.ShouldNotBeNull();

        foreach (var id in ids)
            api.Gate.Release(id);
        foreach (var id in ids)
            await api.WhenDoneAsync(id);
        api.Gate.MostAtOnce.ShouldBe(3);
    }

    [Fact]
    public async Task A_stopping_server_claims_nothing_more_and_lets_the_work_in_hand_finish()
    {
        await using var host = api.Host(Settings(workers: 1));
        var inHand = await api.EnqueueAsync("block");
        BackgroundWorkApi.Wake(host);
        await api.Gate.WhenHoldingAsync(inHand);
        var waiting = await api.EnqueueAsync("ok");

        // The engine's part of a shutdown, called directly so the work is released only once it has stopped claiming.
        var engine = host.Services.GetServices<IHostedService>().OfType<BackgroundWorkHost>().Single();
        var stopping = engine.StopAsync(CancellationToken.None);
        api.Gate.Release(inHand);
        await stopping;

        var done = await api.RecordAsync(inHand);
        (done.State, done.Work.Attempts, done.Work.LeaseOwner).ShouldBe((RenderRunState.Completed, 1, null));
        var untouched = await api.RecordAsync(waiting);
        (untouched.State, untouched.Work.Attempts, untouched.Work.LeaseOwner).ShouldBe((RenderRunState.Queued, 0, null));
    }

    [Fact]
    public async Task Work_still_running_at_the_shutdown_timeout_is_handed_back_and_taken_at_once_at_the_next_start()
    {
        var id = await api.EnqueueAsync("block");
        await using (var host = api.Host(Settings(), shutdownTimeout: TimeSpan.FromSeconds(0.5)))
        {
            BackgroundWorkApi.Wake(host);
            await api.Gate.WhenHoldingAsync(id);
        }

        var handedBack = await api.RecordAsync(id);
        (handedBack.State, handedBack.Work.LeaseOwner, handedBack.Work.LeaseUntil, handedBack.Work.Attempts)
            .ShouldBe((RenderRunState.Queued, null, null, 0));
        handedBack.Work.LastError.ShouldBeNull();

        // The clock has not moved: no lease to wait out.
        await using var restarted = api.Host(Settings());
        await api.Gate.WhenHoldingAsync(id);
        api.Gate.ClaimsOf(id).ShouldBe(2);
        api.Gate.Release(id);
        (await api.WhenDoneAsync(id)).Work.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_restarted_server_takes_back_at_once_what_it_held_and_waits_out_the_leases_of_others()
    {
        // As a crash leaves them: claimed by server-a (this server, before it died) and by server-b, leases an hour long.
        var leaseUntil = Now.AddHours(1);
        var ours = await api.EnqueueAsync("ok", new WorkLease { LeaseOwner = "server-a", LeaseUntil = leaseUntil, Attempts = 1 });
        var theirs = await api.EnqueueAsync("ok", new WorkLease { LeaseOwner = "server-b", LeaseUntil = leaseUntil, Attempts = 1 });

        await using var host = api.Host(Settings(), instanceId: "server-a");
        host.Services.GetRequiredService<BackgroundInstance>().Id.ShouldBe("server-a");
        (await api.WhenDoneAsync(ours)).Work.Attempts.ShouldBe(2);

        // The loop has looked past server-b's record since (it took a later one): still server-b's.
        var later = await api.EnqueueAsync("ok");
        BackgroundWorkApi.Wake(host);
        await api.WhenDoneAsync(later);
        var waiting = await api.RecordAsync(theirs);
        (waiting.State, waiting.Work.LeaseOwner, waiting.Work.Attempts).ShouldBe((RenderRunState.Queued, "server-b", 1));

        api.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        BackgroundWorkApi.Wake(host);
        (await api.WhenDoneAsync(theirs)).Work.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_stream_reader_whose_batch_fails_reads_it_again_after_a_backoff_and_loses_no_entry()
    {
        api.Gate.StreamDown = true;
        await using var host = api.Host(Settings(backoffSeconds: 30));
        var entry = await api.AppendToStatusLogAsync();
        BackgroundWorkApi.WakeStream(host);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        EventCursor? cursor;
        while ((cursor = await api.CursorAsync(BackgroundWorkApi.StreamKind)) is not { Attempts: 1 } && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        cursor.ShouldNotBeNull();
        (cursor.Attempts, cursor.LastError, cursor.NextAttemptAt).ShouldBe((1, "The stream's reader is down.", Now.AddSeconds(30)));
        cursor.LastId.ShouldBeLessThan(entry); // rolled back: the cursor did not move past it
        var listed = await KindAsync(host, BackgroundWorkApi.StreamKind);
        (listed.Flavour, listed.Queued, listed.LastError).ShouldBe(("stream", 0, "The stream's reader is down."));
        listed.Retrying.ShouldBeGreaterThanOrEqualTo(1); // the entries waiting out the backoff

        api.Gate.StreamDown = false;
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        BackgroundWorkApi.WakeStream(host);
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (!api.Gate.StreamRead.Contains(entry) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        api.Gate.StreamRead.Count(id => id == entry).ShouldBe(1);
        // The reader has the entry; the cursor moves when its transaction commits, a moment later.
        while (DateTime.UtcNow < deadline && (await api.CursorAsync(BackgroundWorkApi.StreamKind))?.LastId < entry)
            await Task.Delay(50);
        cursor = await api.CursorAsync(BackgroundWorkApi.StreamKind);
        (cursor!.LastId, cursor.Attempts, cursor.LastError, cursor.NextAttemptAt).ShouldBe((entry, 0, null, null));
    }

    [Fact]
    public void Each_server_has_a_stable_identity_of_its_machine_and_data_directory_unless_set()
    {
        var configured = BackgroundInstance.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Background:InstanceId"] = "studio-1" }).Build(), "/srv/a");
        configured.Id.ShouldBe("studio-1");

        var none = new ConfigurationBuilder().Build();
        var first = BackgroundInstance.From(none, "/srv/studio/data");
        first.Id.ShouldStartWith(Environment.MachineName);
        BackgroundInstance.From(none, "/srv/studio/data/").Id.ShouldBe(first.Id);
        BackgroundInstance.From(none, "/srv/other/data").Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task The_admin_list_shows_every_kind_with_its_settings_from_the_new_keys_or_the_old_ones()
    {
        await using var host = api.App.WithWebHostBuilder(b => b
            .UseSetting("Background:Renditions:Workers", "2")
            .UseSetting("Background:Renditions:LeaseSeconds", "90")
            .UseSetting("Rendering:LeaseSeconds", "240"));
        var renditions = await KindAsync(host, "renditions");
        (renditions.Flavour, renditions.Workers, renditions.LeaseSeconds, renditions.MaxAttempts).ShouldBe(("queue", 2, 90d, 3));
        var runs = await KindAsync(host, "renderRuns");
        // Switched off here with the new key (Workers 0); its lease from the old key.
        (runs.Flavour, runs.Workers, runs.LeaseSeconds).ShouldBe(("queue", 0, 240d));
        var jobs = await KindAsync(host, "renderJobs");
        (jobs.Flavour, jobs.Workers, jobs.Running, jobs.Failed).ShouldBe(("stream", 1, 0, 0));
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;
using StudioApi.Features.Imaging;

namespace StudioApi.Tests.Features.Imaging.RenderJobs;

public sealed record RenderJobBody(
    long Id, int Version, string Name, long ProfileId, long TriggerStatusId, long SuccessStatusId, long FailureStatusId, bool Active,
    DateTimeOffset? DeletedAt);

public sealed record RenderJobPage(List<RenderJobBody> Items, string? NextCursor);

/// <summary>Render jobs: a session reaching a status is rendered by the real worker and moved on by the outcome.</summary>
public sealed class RenderJobTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record Setup(long ProfileId, StatusBody Trigger, StatusBody Success, StatusBody Failure, RenderJobBody Job);

    async Task<Setup> SetUpAsync(HttpClient admin, bool active = true)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var trigger = await admin.CreateStatusAsync("session", $"Render proofs {tag}");
        var success = await admin.CreateStatusAsync("session", $"Proofs ready {tag}");
        var failure = await admin.CreateStatusAsync("session", $"Render failed {tag}");
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var response = await admin.PostAsJsonAsync("/api/v1/render-jobs", new
        {
            name = $"Proofs {tag}", profileId = profile, triggerStatusId = trigger.Id, successStatusId = success.Id,
            failureStatusId = failure.Id, active,
        });
        return new Setup(profile, trigger, success, failure, await response.ShouldBeAsync<RenderJobBody>(HttpStatusCode.Created));
    }

    static async Task<List<StatusLogLineBody>> StatusLogAsync(HttpClient caller, long id) =>
        (await (await caller.GetAsync($"/api/v1/sessions/{id}/status-log")).ShouldBeAsync<StatusLogBody>(HttpStatusCode.OK)).Lines;

    /// <summary>Waits for the job's run of the session to finish and the session to reach <paramref name="status"/>.</summary>
    static async Task<(RunBody Run, StatusLogLineBody Line)> WhenMovedAsync(HttpClient admin, Setup setup, long sessionId, StatusBody status)
    {
        var run = await RenderRunKit.EventuallyAsync(async () =>
            (await (await admin.GetAsync($"/api/v1/render-runs?sessionId={sessionId}&renderJobId={setup.Job.Id}"))
                .ShouldBeAsync<RunPage>(HttpStatusCode.OK)).Items.SingleOrDefault(), $"a run of session {sessionId}");
        run = await admin.WhenFinishedAsync(run.Id);
        var line = await RenderRunKit.EventuallyAsync(async () =>
            (await StatusLogAsync(admin, sessionId)).FirstOrDefault(l => l.ToStatusId == status.Id), $"session {sessionId} at {status.Description}");
        return (run, line);
    }

    [Fact]
    public async Task A_session_reaching_the_trigger_status_is_rendered_and_moves_to_the_success_status_saying_so()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg", "Portrait_1.jpg");

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/status-changes", new { statusId = setup.Trigger.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var (run, line) = await WhenMovedAsync(admin, setup, session.Id, setup.Success);
        run.State.ShouldBe("completed");
        run.RenderJobId.ShouldBe(setup.Job.Id);
        run.Profile.Id.ShouldBe(setup.ProfileId);
        (run.Total, run.Done).ShouldBe((2, 2));
        run.Output.ShouldNotBeNull();
        line.Text.ShouldContain($"Render job '{setup.Job.Name}' finished: 2 images rendered.");
        line.By.ShouldBe("system");
        var current = await (await admin.GetAsync($"/api/v1/sessions/{session.Id}")).ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);
        current.Status!.Id.ShouldBe(setup.Success.Id);

        // The status log was read durably: a restarted server reads on from its cursor and starts no second run.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        await using (var scope = restarted.Services.CreateAsyncScope())
            while (await RenderJobDispatcher.DispatchAsync(scope.ServiceProvider, CancellationToken.None)) { }
        (await app.WithDbAsync(db => db.RenderRuns.CountAsync(r => r.RenderJobId == setup.Job.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_run_with_a_failed_image_moves_the_session_to_the_failure_status_with_the_reason()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_2.jpg", "Portrait_2.jpg");
        await RenderRunKit.CorruptOriginalAsync(app, session.Id, imageNumber: 1);

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/status-changes", new { statusId = setup.Trigger.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var (run, line) = await WhenMovedAsync(admin, setup, session.Id, setup.Failure);
        run.State.ShouldBe("completedWithErrors");
        line.Text.ShouldContain($"Render job '{setup.Job.Name}' finished with errors: 1 of 2 images failed: {run.Errors.Single().Message}");
    }

    [Fact]
    public async Task A_session_without_images_moves_to_the_failure_status_because_there_was_nothing_to_render()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin);

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/status-changes", new { statusId = setup.Trigger.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var (run, line) = await WhenMovedAsync(admin, setup, session.Id, setup.Failure);
        run.State.ShouldBe("failed");
        line.Text.ShouldContain($"Render job '{setup.Job.Name}' failed: There were no images to render.");
    }

    [Fact]
    public async Task A_bulk_status_change_of_three_sessions_starts_three_runs_and_moves_each_session_on()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var sessions = new[]
        {
            await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg"),
            await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_3.jpg"),
            await RenderRunKit.SessionWithImagesAsync(app, admin, "Portrait_3.jpg"),
        };

        var bulk = await admin.PostAsJsonAsync("/api/v1/sessions/status-changes", new { ids = sessions.Select(s => s.Id), statusId = setup.Trigger.Id });
        (await bulk.ShouldBeAsync<StudioApi.Tests.Platform.Workflow.BulkBody>(HttpStatusCode.OK)).Changed.ShouldBe(3);

        foreach (var session in sessions)
        {
            var (run, _) = await WhenMovedAsync(admin, setup, session.Id, setup.Success);
            run.Sessions.ShouldHaveSingleItem().Id.ShouldBe(session.Id);
            run.State.ShouldBe("completed");
        }
        var runs = await (await admin.GetAsync($"/api/v1/render-runs?renderJobId={setup.Job.Id}")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);
        runs.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_inactive_job_starts_no_run()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin, active: false);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/status-changes", new { statusId = setup.Trigger.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        // Read the whole status log now, rather than waiting for the background dispatcher.
        await using (var scope = app.Services.CreateAsyncScope())
            while (await RenderJobDispatcher.DispatchAsync(scope.ServiceProvider, CancellationToken.None)) { }

        var runs = await (await admin.GetAsync($"/api/v1/render-runs?sessionId={session.Id}")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);
        runs.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_job_reads_back_updates_with_its_version_and_goes_to_the_recycle_bin_and_back()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var url = $"/api/v1/render-jobs/{setup.Job.Id}";
        var read = await admin.GetAsync(url);
        (await read.ShouldBeAsync<RenderJobBody>(HttpStatusCode.OK)).ShouldBe(setup.Job);

        var body = new
        {
            name = setup.Job.Name + " v2", profileId = setup.ProfileId, triggerStatusId = setup.Trigger.Id,
            successStatusId = setup.Success.Id, failureStatusId = setup.Failure.Id, active = false,
        };
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, body).WithIfMatch("\"7\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var updated = await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, body).WithIfMatch(read.Headers.ETag!.Tag)))
            .ShouldBeAsync<RenderJobBody>(HttpStatusCode.OK);
        (updated.Version, updated.Active, updated.Name).ShouldBe((2, false, body.name));
        var inactive = await (await admin.GetAsync($"/api/v1/render-jobs?active=false&triggerStatusId={setup.Trigger.Id}")).ShouldBeAsync<RenderJobPage>(HttpStatusCode.OK);
        inactive.Items.ShouldHaveSingleItem().Id.ShouldBe(setup.Job.Id);

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<RenderJobBody>(HttpStatusCode.OK)).DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_job_needs_a_live_profile_and_session_statuses_and_must_move_the_session_on()
    {
        var admin = await app.AdminAsync();
        var setup = await SetUpAsync(admin);
        var clientStatus = await admin.CreateStatusAsync("client", $"Client status {Guid.NewGuid():N}"[..30]);
        object Body(long profileId, long trigger, long success, long failure) => new
        {
            name = $"Job {Guid.NewGuid():N}"[..20], profileId, triggerStatusId = trigger, successStatusId = success, failureStatusId = failure,
        };

        var sameStatus = await admin.PostAsJsonAsync("/api/v1/render-jobs", Body(setup.ProfileId, setup.Trigger.Id, setup.Trigger.Id, setup.Failure.Id));
        (await sameStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["successStatusId"]);
        var notSession = await admin.PostAsJsonAsync("/api/v1/render-jobs", Body(setup.ProfileId, setup.Trigger.Id, setup.Success.Id, clientStatus.Id));
        (await notSession.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetRawText().ShouldContain($"no session status {clientStatus.Id}");
        var noProfile = await admin.PostAsJsonAsync("/api/v1/render-jobs", Body(999_999, setup.Trigger.Id, setup.Success.Id, setup.Failure.Id));
        (await noProfile.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetRawText().ShouldContain("no render profile 999999");
        var sameName = await admin.PostAsJsonAsync("/api/v1/render-jobs", new
        {
            name = setup.Job.Name, profileId = setup.ProfileId, triggerStatusId = setup.Trigger.Id, successStatusId = setup.Success.Id,
            failureStatusId = setup.Failure.Id,
        });
        await sameName.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

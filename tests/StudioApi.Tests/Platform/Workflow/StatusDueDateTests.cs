using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>Due dates as a studio in Chicago sees them: business days, its closed dates, its time zone.</summary>
public sealed class StatusDueDateTests(ClockedStudioApi api) : IClassFixture<ClockedStudioApi>
{
    static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>Martin Luther King Jr. Day 2026, a Monday the studio is closed.</summary>
    const string Holiday = "2026-01-19";

    [Fact]
    public async Task A_change_on_a_Friday_evening_in_Chicago_is_dated_Friday_and_its_due_date_skips_the_weekend_and_the_holiday()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", Weekdays, Holiday);
        var retouch = await admin.CreateStatusAsync("client", "Retouch pending (Friday test)", days: 2);
        var client = await admin.CreateClientAsync("Friday");

        // 00:30 UTC on Saturday is 18:30 on Friday in Chicago.
        api.Clock.AdjustTime(new DateTimeOffset(2026, 1, 17, 0, 30, 0, TimeSpan.Zero));
        var change = await (await admin.ChangeClientStatusAsync(client, retouch.Id)).ShouldBeAsync<StatusChangeBody>(HttpStatusCode.Created);

        change.StatusDate.ShouldBe(new DateOnly(2026, 1, 16));
        // Friday counts as the start; Monday the 19th is closed: Tuesday is day 1, Wednesday day 2.
        change.DueDate.ShouldBe(new DateOnly(2026, 1, 21));
        var read = await (await admin.GetAsync($"/api/v1/clients/{client}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        read.Status!.Id.ShouldBe(retouch.Id);
        read.Status.StatusDate.ShouldBe(new DateOnly(2026, 1, 16));
        read.Status.DueDate.ShouldBe(new DateOnly(2026, 1, 21));
        read.Status.IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task A_change_on_a_Saturday_with_no_duration_is_due_on_the_first_working_day_after_the_holiday()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", Weekdays, Holiday);
        var callBack = await admin.CreateStatusAsync("client", "Call back (Saturday test)", days: 0);
        var client = await admin.CreateClientAsync("Saturday");

        api.Clock.AdjustTime(new DateTimeOffset(2026, 1, 17, 16, 0, 0, TimeSpan.Zero)); // Saturday 10:00 in Chicago
        var change = await (await admin.ChangeClientStatusAsync(client, callBack.Id)).ShouldBeAsync<StatusChangeBody>(HttpStatusCode.Created);

        change.StatusDate.ShouldBe(new DateOnly(2026, 1, 17));
        change.DueDate.ShouldBe(new DateOnly(2026, 1, 20));
    }

    [Fact]
    public async Task A_status_without_duration_entered_on_a_working_day_is_due_that_same_day()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", Weekdays, Holiday);
        var today = await admin.CreateStatusAsync("client", "Same day (working day test)", days: 0);
        var client = await admin.CreateClientAsync("Weekday");

        api.Clock.AdjustTime(new DateTimeOffset(2026, 1, 14, 15, 0, 0, TimeSpan.Zero)); // Wednesday 09:00 in Chicago
        var change = await (await admin.ChangeClientStatusAsync(client, today.Id)).ShouldBeAsync<StatusChangeBody>(HttpStatusCode.Created);

        (change.StatusDate, change.DueDate).ShouldBe((new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 14)));
    }

    [Fact]
    public async Task A_client_past_its_due_date_is_overdue_on_the_client_and_in_the_overdue_list_until_it_reaches_the_final_status()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", Weekdays, Holiday);
        var follow = await admin.CreateStatusAsync("client", "Follow up (overdue test)", days: 1);
        var client = await admin.CreateClientAsync("Overdue");
        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero)); // Monday
        (await admin.ChangeClientStatusAsync(client, follow.Id)).StatusCode.ShouldBe(HttpStatusCode.Created); // due Tuesday 3rd

        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 3, 22, 0, 0, TimeSpan.Zero)); // Tuesday evening: due today, not overdue
        (await ClientAsync(admin, client)).Flags.HasOverdueStatus.ShouldBeFalse();

        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 6, 15, 0, 0, TimeSpan.Zero)); // Friday: three days past
        var read = await ClientAsync(admin, client);
        read.Status!.IsOverdue.ShouldBeTrue();
        read.Flags.HasOverdueStatus.ShouldBeTrue();
        var overdue = await (await admin.GetAsync($"/api/v1/workflow/overdue?kind=client&statusId={follow.Id}"))
            .ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);
        var item = overdue.Items.ShouldHaveSingleItem();
        (item.Kind, item.RecordId, item.StatusDescription, item.DueDate, item.DaysOverdue)
            .ShouldBe(("client", client, "Follow up (overdue test)", new DateOnly(2026, 2, 3), 3));
        var listed = await (await admin.GetAsync($"/api/v1/clients?overdue=true&statusId={follow.Id}")).ShouldBeAsync<ClientPage>(HttpStatusCode.OK);
        listed.Items.Select(c => c.Id).ShouldBe([client]);
        var counts = await OverdueCountsAsync(admin);
        var clients = counts.Items.Single(k => k.Kind == "client");
        clients.Statuses.Single(s => s.StatusId == follow.Id).ShouldBe(new OverdueStatusCountBody(follow.Id, "Follow up (overdue test)", 1));
        clients.Count.ShouldBe(clients.Statuses.Sum(s => s.Count));
        counts.Items.Single(k => k.Kind == "invoice").Count.ShouldBe(0);

        var final = (await admin.StatusesAsync("client")).Single(s => s.IsFinal);
        (await admin.ChangeClientStatusAsync(client, final.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);
        api.Clock.AdjustTime(new DateTimeOffset(2026, 3, 30, 15, 0, 0, TimeSpan.Zero));
        (await ClientAsync(admin, client)).Flags.HasOverdueStatus.ShouldBeFalse();
        (await (await admin.GetAsync("/api/v1/workflow/overdue?kind=client")).ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK))
            .Items.Select(i => i.RecordId).ShouldNotContain(client);
        (await OverdueCountsAsync(admin)).Items.Single(k => k.Kind == "client").Statuses.ShouldNotContain(s => s.StatusId == follow.Id);
    }

    [Fact]
    public async Task An_overdue_session_is_counted_from_the_counts_kept_per_due_date_until_it_moves_on_or_goes_to_the_recycle_bin()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", Weekdays, Holiday);
        var photographed = (await admin.StatusesAsync("session")).Single(s => s.Description == "Photographed"); // one business day
        var qualityChecked = (await admin.StatusesAsync("session")).Single(s => s.Description == "Quality Checked");
        var clientId = await admin.CreateClientAsync("Overdue Session");
        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero)); // Monday
        var sessions = new List<long>();
        foreach (var day in new[] { "2026-02-02", "2026-02-03" })
            sessions.Add((await (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId, date = day, startTime = "10:00", endTime = "11:00" }))
                .ShouldBeAsync<StudioApi.Tests.Features.Scheduling.Sessions.IdBody>(HttpStatusCode.Created)).Id);
        (await admin.PostAsJsonAsync("/api/v1/sessions/status-changes", new { ids = sessions, statusId = photographed.Id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        int Overdue(OverdueCountsBody counts, long statusId) =>
            counts.Items.Single(k => k.Kind == "session").Statuses.SingleOrDefault(s => s.StatusId == statusId)?.Count ?? 0;
        var before = Overdue(await OverdueCountsAsync(admin), photographed.Id);

        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 6, 15, 0, 0, TimeSpan.Zero)); // Friday: due Tuesday, three days past
        (Overdue(await OverdueCountsAsync(admin), photographed.Id) - before).ShouldBe(2);

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{sessions[0]}/status-changes", new { statusId = qualityChecked.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (Overdue(await OverdueCountsAsync(admin), photographed.Id) - before).ShouldBe(1, "the session that moved on is due again later");
        var current = await admin.GetAsync($"/api/v1/sessions/{sessions[1]}");
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{sessions[1]}").WithIfMatch(current.Headers.ETag!.Tag)))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (Overdue(await OverdueCountsAsync(admin), photographed.Id) - before).ShouldBe(0, "a session in the recycle bin is not overdue");
    }

    static async Task<OverdueCountsBody> OverdueCountsAsync(HttpClient caller) =>
        await (await caller.GetAsync("/api/v1/workflow/overdue/counts")).ShouldBeAsync<OverdueCountsBody>(HttpStatusCode.OK);

    sealed record OverdueCountsBody(List<OverdueKindCountBody> Items);

    sealed record OverdueKindCountBody(string Kind, int Count, List<OverdueStatusCountBody> Statuses);

    sealed record OverdueStatusCountBody(long StatusId, string Description, int Count);

    static async Task<ClientBody> ClientAsync(HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/clients/{id}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Batches;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Batches;

public sealed class BatchTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    const string Url = "/api/v1/communication-batches";

    /// <summary>A school with <paramref name="students"/> students booked on one picture day; every fifth opted out of e-mail, every seventh without an address.</summary>
    async Task<(long School, List<long> Clients, string Day)> PictureDayAsync(HttpClient admin, int students)
    {
        var school = (await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name = MessagingKit.Unique("Lincoln"), code = $"B{Guid.NewGuid():N}"[..10] }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<long>();
        var clients = new List<long>();
        for (var i = 1; i <= students; i++)
            clients.Add(await admin.NewClientAsync(new
            {
                firstName = $"Kid{i}", lastName = MessagingKit.Unique("Family"), emailOptOut = i % 5 == 0,
                emails = i % 7 == 0 ? null : new[] { new { address = $"family{i}-{school}@example.com", isPrimary = true } },
                student = new { organizationId = school, studentId = $"S{i}" },
            }));
        var types = await (await admin.GetAsync("/api/v1/session-types?q=Picture")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30 + (int)(school % 200)).ToString("yyyy-MM-dd");
        var bulk = await admin.PostAsJsonAsync("/api/v1/sessions/bulk", new
        {
            organizationId = school, date = day, startTime = "08:00", slotMinutes = 5, sessionTypeId = types["items"]![0]!["id"]!.GetValue<long>(),
        });
        bulk.IsSuccessStatusCode.ShouldBeTrue(await bulk.Content.ReadAsStringAsync());
        return (school, clients, day);
    }

    [Fact]
    public async Task A_picture_day_send_is_previewed_then_sent_once_to_every_family_with_the_skipped_ones_and_their_reasons_logged()
    {
        var admin = await api.AdminAsync();
        var (school, clients, day) = await PictureDayAsync(admin, 21);
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Picture day"), "{{ client.firstName }} is photographed on {{ session.dateText }} at {{ session.startTimeText }}.",
            subject: "Picture day at {{ organization.name }}");
        var body = new { templateId = template.Id, channel = "email", filter = new { recordType = "session", organizationId = school, sessionDateFrom = day, sessionDateTo = day } };

        var preview = await (await admin.PostAsJsonAsync($"{Url}/preview", body)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        preview["recordCount"]!.GetValue<int>().ShouldBe(21);
        // Opted out: 5, 10, 15, 20; no address: 7, 14 (21 has no address either).
        preview["willSkip"]!.GetValue<int>().ShouldBe(7);
        preview["skipped"]!.AsArray().Select(s => s!["reason"]!.GetValue<string>()).Distinct().Order().ShouldBe(["emailOptOut", "noEmailAddress"]);
        preview["first"]!.AsArray().Count.ShouldBe(3);
        preview["first"]![0]!["body"]!.GetValue<string>().ShouldContain("is photographed on");
        preview["first"]![0]!["subject"]!.GetValue<string>().ShouldStartWith("Picture day at Lincoln");
        (await admin.CommunicationsAsync($"clientId={clients[0]}")).Items.ShouldBeEmpty("a preview sends and logs nothing");

        var request = HttpAssertions.Json(HttpMethod.Post, Url, body);
        request.Headers.Add("Idempotency-Key", $"picture-day-{school}");
        var created = await admin.SendAsync(request);
        created.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await created.ShouldBeAsync<JsonObject>(HttpStatusCode.Accepted))["id"]!.GetValue<long>();
        created.Headers.Location!.ToString().ShouldBe($"{Url}/{id}");

        var done = await Eventually.ValueAsync(async () =>
        {
            var batch = await (await admin.GetAsync($"{Url}/{id}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
            return batch["state"]!.GetValue<string>() == "done" && batch["sent"]!.GetValue<int>() == 14 ? batch : null;
        }, TimeSpan.FromSeconds(30), () => "The batch never finished sending.");
        (done["recordCount"]!.GetValue<int>(), done["made"]!.GetValue<int>(), done["skipped"]!.GetValue<int>()).ShouldBe((21, 21, 7));

        // A retry of the same send answers the same batch and sends nothing more.
        var again = HttpAssertions.Json(HttpMethod.Post, Url, body);
        again.Headers.Add("Idempotency-Key", $"picture-day-{school}");
        (await (await admin.SendAsync(again)).ShouldBeAsync<JsonObject>(HttpStatusCode.Accepted))["id"]!.GetValue<long>().ShouldBe(id);
        var mail = clients.Select((c, i) => api.Smtp.To($"family{i + 1}-{school}@example.com").Count).ToList();
        mail.Sum().ShouldBe(14);
        mail.ShouldAllBe(count => count <= 1);
        (await admin.CommunicationsAsync($"batchId={id}&limit=200")).Items.Count.ShouldBe(21);
        (await admin.CommunicationsAsync($"clientId={clients[4]}")).Items.Single().SkipReason.ShouldBe("emailOptOut");
    }

    [Fact]
    public async Task A_batch_taken_up_again_after_a_crash_makes_only_the_messages_it_had_not_made()
    {
        var admin = await api.AdminAsync();
        var (school, clients, _) = await PictureDayAsync(admin, 6);
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Forms"), "Dear {{ client.firstName }}, the order forms are attached.", recordType: "client");
        // A batch its server had half done when it died: three of its six messages made, the lease gone with the server.
        // In one transaction: a worker that woke between the batch and its messages would make all six, and then fail on
        // the three made meanwhile.
        var id = await api.Base.WithDbAsync(db => db.InTransactionAsync(async () =>
        {
            var batch = new CommunicationBatch
            {
                TemplateId = template.Id, Channel = CommunicationKind.Email, State = BatchState.Running, RecordCount = 6, Made = 3,
                Filter = new BatchFilter { RecordType = MergeRecordType.Client, OrganizationId = school },
            };
            batch.Work.Attempts = 1;
            db.CommunicationBatches.Add(batch);
            await db.SaveChangesAsync();
            foreach (var client in clients.Take(3))
                db.Communications.Add(new Communication
                {
                    Kind = CommunicationKind.Email, ClientId = client, BatchId = batch.Id, BatchRecordId = client, State = DeliveryState.Sent, Subject = "x", Body = "made before the crash",
                });
            await db.SaveChangesAsync();
            return batch.Id;
        }, CancellationToken.None));
        ((StudioApi.Features.Messaging.Batches.BatchSignal)api.Base.Services.GetService(typeof(BatchSignal))!).Wake();

        JsonObject? last = null;
        await Eventually.ValueAsync(async () =>
        {
            last = await (await admin.GetAsync($"{Url}/{id}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
            return last["state"]!.GetValue<string>() == "done" ? last : null;
        }, TimeSpan.FromSeconds(30), () => $"The batch never finished: {last}; work: {api.Base.WithDbAsync(db => db.CommunicationBatches.FindAsync(id).AsTask()).Result?.Work.LastError}");

        var messages = (await admin.CommunicationsAsync($"batchId={id}&limit=200")).Items;
        messages.Count.ShouldBe(6);
        messages.Select(m => m.ClientId).Order().ShouldBe(clients.Order());
        messages.Count(m => m.Body == "made before the crash").ShouldBe(3);
    }

    [Fact]
    public async Task A_send_that_cannot_work_is_refused_before_anything_is_made()
    {
        var admin = await api.AdminAsync();
        var sessionTemplate = await admin.NewTemplateAsync(MessagingKit.Unique("Needs a session"), "{{ session.dateText }}");
        var html = await admin.NewTemplateAsync(MessagingKit.Unique("Html only"), "<p>x</p>", recordType: "client", kind: "htmlEmail");

        var toClients = await admin.PostAsJsonAsync(Url, new { templateId = sessionTemplate.Id, channel = "email", filter = new { recordType = "client" } });
        (await toClients.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("filter.recordType");
        var htmlByText = await admin.PostAsJsonAsync(Url, new { templateId = html.Id, channel = "sms", filter = new { recordType = "client" } });
        (await htmlByText.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("channel");
        var nobody = await admin.PostAsJsonAsync(Url, new { templateId = html.Id, channel = "email", filter = new { recordType = "client", organizationId = 987654321 } });
        await nobody.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}

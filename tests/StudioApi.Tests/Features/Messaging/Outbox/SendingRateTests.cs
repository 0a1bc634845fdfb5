using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Outbox;

/// <summary>The sending rate, on an app of its own (the rate's bucket is per server).</summary>
public sealed class SendingRateTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    [Fact]
    public async Task E_mails_leave_no_faster_than_the_messages_a_minute_setting()
    {
        await api.ConfigureAsync(s => s.EmailsPerMinute = 2);
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Rate", MessagingKit.Unique("Limited"), email: address);

        for (var i = 1; i <= 3; i++)
            await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = $"Newsletter {i}", body = "x" });

        async Task<int> DeliveredAsync(int count) => (await Eventually.ValueAsync<object>(
            () => Task.FromResult<object?>(api.Smtp.To(address).Count >= count ? true : null), TimeSpan.FromSeconds(20),
            () => $"{count} e-mail(s) never arrived; {api.Smtp.To(address).Count} did.") is true ? api.Smtp.To(address).Count : 0);

        (await DeliveredAsync(1)).ShouldBe(1);
        await Task.Delay(300);
        api.Smtp.To(address).Count.ShouldBe(1, "two a minute: the second waits half a minute");
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        (await DeliveredAsync(2)).ShouldBe(2);
        await Task.Delay(300);
        api.Smtp.To(address).Count.ShouldBe(2);
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        (await DeliveredAsync(3)).ShouldBe(3);
        api.Smtp.To(address).Select(m => m.Subject).ShouldBe(["Newsletter 1", "Newsletter 2", "Newsletter 3"], ignoreOrder: true);
    }
}

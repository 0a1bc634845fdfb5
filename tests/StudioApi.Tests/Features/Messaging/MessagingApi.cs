using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging;

/// <summary>
/// The real app on the fake clock with a real SMTP server (netDumbster) and a local Twilio-shaped server in the test
/// process, the messaging settings pointed at them. The outbox runs as in production; its transport only lets a test
/// cut a send off right after the server took it (a subject containing <see cref="CrashAfterAccept"/>), as a crash would.
/// </summary>
public class MessagingApi : ClockedStudioApi, IAsyncLifetime
{
    public const string CrashAfterAccept = "[crash after accept]";
    public const string Sender = "hello@lakeside.example";
    public const string StudioNumber = "+12175550199";

    public MessagingApi()
    {
        Base.Settings["Background:Outbox:PollSeconds"] = "0.2";
        Base.Settings["Background:Triggers:PollSeconds"] = "0.2";
        Base.Settings["Background:Batches:PollSeconds"] = "0.2";
    }

    public SmtpCatcher Smtp { get; } = new();
    public FakeTwilio Twilio { get; } = new();
    public Pop3Mailbox Bounces { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IEmailTransport>(sp => new CuttingTransport(new SmtpEmailTransport(sp.GetRequiredService<TimeProvider>(), NullLogger<SmtpEmailTransport>.Instance)));

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Twilio.CallbackHandler = () => Base.Server.CreateHandler();
        await ConfigureAsync(s => { });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Smtp.Dispose();
        Bounces.Dispose();
        await Twilio.DisposeAsync();
    }

    /// <summary>The messaging settings pointed at the local servers, then <paramref name="change"/>.</summary>
    public Task ConfigureAsync(Action<MessagingSettings> change) => Base.WithDbAsync(async db =>
    {
        var secrets = Base.Services.GetRequiredService<SecretProtector>();
        var settings = await db.MessagingSettings.OrderBy(s => s.Id).FirstAsync();
        settings.SenderName = "Lakeside Portraits";
        settings.SenderEmail = Sender;
        settings.SmtpHost = "127.0.0.1";
        settings.SmtpPort = Smtp.Port;
        settings.SmtpTlsMode = SmtpTlsMode.None;
        settings.SmsProvider = SmsProvider.Twilio;
        settings.TwilioAccountSid = FakeTwilio.AccountSid;
        settings.TwilioAuthTokenProtected = secrets.Protect(FakeTwilio.AuthToken);
        settings.TwilioFromNumber = StudioNumber;
        settings.TwilioBaseUrl = Twilio.BaseUrl;
        settings.BounceMailboxHost = "127.0.0.1";
        settings.BounceMailboxPort = Bounces.Port;
        settings.BounceMailboxTlsMode = SmtpTlsMode.None;
        settings.BounceMailboxUsername = Pop3Mailbox.User;
        settings.BounceMailboxPasswordProtected = secrets.Protect(Pop3Mailbox.Password);
        settings.EmailsPerMinute = 10_000;
        settings.SmsPerMinute = 10_000;
        change(settings);
        await db.SaveChangesAsync();
    });

    /// <summary>Sends through the real transport, but throws right after a message marked for it was taken by the server.</summary>
    sealed class CuttingTransport(IEmailTransport inner) : IEmailTransport
    {
        public async Task<string> SendAsync(SmtpServer server, MimeMessage message, Action onHandover, CancellationToken ct)
        {
            var answer = await inner.SendAsync(server, message, onHandover, ct);
            if ((message.Subject ?? "").Contains(CrashAfterAccept, StringComparison.Ordinal))
                throw new IOException("Connection reset after the server's answer (simulated crash).");
            return answer;
        }
    }
}

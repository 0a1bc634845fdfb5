using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using StudioApi.Features.Messaging.Settings;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>The mail server a message goes through, from the messaging settings.</summary>
public sealed record SmtpServer(string Host, int Port, SmtpTlsMode Tls, string? Username, string? Password);

/// <summary>Hands e-mails to a mail server. A seam of its own so tests can stand between the outbox and the server.</summary>
public interface IEmailTransport
{
    /// <summary>
    /// Sends <paramref name="message"/> and returns the server's answer. <paramref name="onHandover"/> runs (and must have
    /// recorded that it ran) before the first byte of the message's content goes out: until then the server cannot
    /// have taken the message, so a send that dies before it is safe to repeat.
    /// </summary>
    Task<string> SendAsync(SmtpServer server, MimeMessage message, Action onHandover, CancellationToken ct);
}

/// <summary>
/// SMTP with MailKit. Connections are kept open between messages (a pool per server, an idle connection closed after
/// 30 seconds), so a batch does not pay for a connection, a TLS handshake and a sign-in per message; a pooled
/// connection the server has dropped is replaced once, before any of the message went out.
/// </summary>
public sealed class SmtpEmailTransport(TimeProvider clock, ILogger<SmtpEmailTransport> log) : IEmailTransport, IDisposable
{
    static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);
    const int TimeoutMilliseconds = 30_000;

    readonly ConcurrentDictionary<SmtpServer, ConcurrentBag<(SmtpClient Client, DateTimeOffset Since)>> idle = new();

    public async Task<string> SendAsync(SmtpServer server, MimeMessage message, Action onHandover, CancellationToken ct)
    {
        var handedOver = false;
        var progress = new HandoverProgress(() =>
        {
            if (handedOver)
                return;
            handedOver = true;
            onHandover();
        });
        var client = Take(server);
        var pooled = client is not null;
        try
        {
            client ??= await ConnectAsync(server, ct);
            var answer = await client.SendAsync(FormatOptions.Default, message, ct, progress);
            Return(server, client);
            return answer;
        }
        catch (Exception e) when (pooled && !handedOver && !ct.IsCancellationRequested
                                  && e is IOException or ServiceNotConnectedException or SmtpProtocolException)
        {
            // The kept connection had gone stale: none of the message went out, so one fresh connection may try.
            log.LogDebug(e, "A kept SMTP connection to {Host} had closed; connecting again", server.Host);
            client?.Dispose();
            client = await ConnectAsync(server, ct);
            try
            {
                var answer = await client.SendAsync(FormatOptions.Default, message, ct, progress);
                Return(server, client);
                return answer;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        catch
        {
            client?.Dispose();
            throw;
        }
    }

    /// <summary>How MailKit connects for a TLS mode: the SMTP server's, and the bounce mailbox's (POP3).</summary>
    public static SecureSocketOptions SocketOptionsOf(SmtpTlsMode tls) => tls switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    async Task<SmtpClient> ConnectAsync(SmtpServer server, CancellationToken ct)
    {
        var client = new EnvelopeIdSmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, SocketOptionsOf(server.Tls), ct);
            if (server.Username is { } user)
                await client.AuthenticateAsync(user, server.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    SmtpClient? Take(SmtpServer server)
    {
        if (!idle.TryGetValue(server, out var bag))
            return null;
        while (bag.TryTake(out var kept))
        {
            if (kept.Client.IsConnected && clock.GetUtcNow() - kept.Since < IdleLimit)
                return kept.Client;
            Close(kept.Client);
        }
        return null;
    }

    void Return(SmtpServer server, SmtpClient client)
    {
        if (client.IsConnected)
            idle.GetOrAdd(server, _ => []).Add((client, clock.GetUtcNow()));
        else
            client.Dispose();
    }

    static void Close(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
                client.Disconnect(quit: true);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
        }
        client.Dispose();
    }

    public void Dispose()
    {
        foreach (var bag in idle.Values)
            while (bag.TryTake(out var kept))
                Close(kept.Client);
    }

    /// <summary>
    /// Sends each message with its Message-Id as the DSN envelope id (RFC 3461 ENVID, when the server offers DSN), so a
    /// bounce names it in Original-Envelope-Id even when it returns none of the message's headers.
    /// </summary>
    sealed class EnvelopeIdSmtpClient : SmtpClient
    {
        protected override string? GetEnvelopeId(MimeMessage message) => message.MessageId;
    }

    /// <summary>MailKit reports progress as the message's content is written, before the end of the data: the first report is the handover.</summary>
    sealed class HandoverProgress(Action first) : ITransferProgress
    {
        public void Report(long bytesTransferred, long totalSize) => first();

        public void Report(long bytesTransferred) => first();
    }
}

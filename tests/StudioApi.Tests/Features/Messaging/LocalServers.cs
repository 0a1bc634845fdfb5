using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using netDumbster.smtp;

namespace StudioApi.Tests.Features.Messaging;

/// <summary>A real SMTP server in the test process (netDumbster) on a free port; the tests read what it received.</summary>
public sealed class SmtpCatcher : IDisposable
{
    readonly SimpleSmtpServer server;

    public SmtpCatcher()
    {
        // A port of the server's own (bound to 0), never shared: netDumbster's default reuses addresses, and two catchers
        // of test classes starting at once could then listen on one port and take each other's messages.
        server = Configuration.Configure().WithRandomPort().DoNotReuseAddress().Build();
        Port = server.Configuration.Port;
    }

    public int Port { get; }

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose() => server.Stop();

    /// <summary>
    /// A port nothing listens on: port 1 (tcpmux), which nothing here serves, rather than a port bound and let go, which
    /// another test's server could take meanwhile and so answer for the "down" server.
    /// </summary>
    public static int FreePort() => 1;
}

/// <summary>A text message as the fake Twilio took it, with the StatusCallback URL it was given.</summary>
public sealed record FakeSms(string Sid, string To, string From, string Body, DateTimeOffset Created, string? StatusCallback = null);

/// <summary>A status callback the fake Twilio posted, and how the API answered it.</summary>
public sealed record FakeStatusCallback(string Sid, string Status, HttpStatusCode Answer);

/// <summary>
/// A local HTTP server speaking Twilio's Messages API (REST 2010-04-01: create and list, basic auth with the account
/// SID and auth token, Twilio's JSON and paging shape), so the real Twilio client is tested against something real.
/// Like Twilio, it posts status callbacks to the StatusCallback URL a message was sent with, form-encoded and signed
/// (X-Twilio-Signature), for the numbers given an outcome in <see cref="Outcomes"/>: sent, then the final status.
/// The callbacks reach the app through <see cref="CallbackHandler"/> (the test server's), whatever host the URL names.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-twilio-auth-token";

    readonly WebApplication app;
    readonly ConcurrentQueue<FakeSms> messages = new();
    readonly ConcurrentQueue<FakeStatusCallback> callbacks = new();
    int requests;

    public FakeTwilio()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpContext http, string sid) =>
        {
            Interlocked.Increment(ref requests);
            if (!Authorized(http, sid))
                return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: 401);
            var form = await http.Request.ReadFormAsync();
            string to = form["To"]!, body = form["Body"]!;
            if (FailNumbers.Contains(to))
                return Results.Json(new { code = 21211, message = $"The 'To' number {to} is not a valid phone number.", more_info = "https://www.twilio.com/docs/errors/21211", status = 400 },
                    statusCode: 400);
            var callback = form["StatusCallback"].ToString();
            var sms = new FakeSms($"SM{Guid.NewGuid():N}", to, form["From"]!, body, DateTimeOffset.UtcNow, callback.Length == 0 ? null : callback);
            messages.Enqueue(sms);
            if (sms.StatusCallback is not null && Outcomes.TryGetValue(to, out var outcome))
                // As Twilio does: the callbacks come after the answer to the create, in the order the message went.
                http.Response.OnCompleted(() =>
                {
                    _ = Task.Run(async () =>
                    {
                        await ReportAsync(sms, "sent");
                        await ReportAsync(sms, outcome.Status, outcome.ErrorCode);
                    });
                    return Task.CompletedTask;
                });
            return Results.Json(Resource(sms), statusCode: 201);
        });
        app.MapGet("/2010-04-01/Accounts/{sid}/Messages.json", (HttpContext http, string sid) =>
        {
            if (!Authorized(http, sid))
                return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: 401);
            var to = http.Request.Query["To"].ToString();
            var from = http.Request.Query["From"].ToString();
            var found = messages.Where(m => (to.Length == 0 || m.To == to) && (from.Length == 0 || m.From == from)).Select(Resource).ToArray();
            var uri = $"/2010-04-01/Accounts/{sid}/Messages.json?PageSize=50&Page=0";
            return Results.Json(new JsonObject
            {
                ["first_page_uri"] = uri, ["end"] = Math.Max(0, found.Length - 1), ["previous_page_uri"] = null, ["messages"] = new JsonArray(found),
                ["uri"] = uri, ["page_size"] = 50, ["start"] = 0, ["next_page_uri"] = null, ["page"] = 0,
            });
        });
        app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    /// <summary>Numbers Twilio refuses as invalid (400, code 21211).</summary>
    public HashSet<string> FailNumbers { get; } = [];

    /// <summary>What becomes of messages to a number (delivered; undelivered or failed with an error code), reported by status callbacks.</summary>
    public ConcurrentDictionary<string, (string Status, string? ErrorCode)> Outcomes { get; } = new();

    /// <summary>How callbacks reach the app (the test server's handler); set by the fixture.</summary>
    public Func<HttpMessageHandler>? CallbackHandler { get; set; }

    /// <summary>The status callbacks posted so far, with the app's answers.</summary>
    public IReadOnlyList<FakeStatusCallback> Callbacks => callbacks.ToList();

    public IReadOnlyList<FakeSms> Messages => messages.ToList();

    /// <summary>
    /// Posts a status callback for <paramref name="sms"/> to its StatusCallback URL as Twilio does: Twilio's form
    /// fields, signed with <paramref name="signingToken"/> (the account's auth token unless a test forges one, null for
    /// no signature); <paramref name="tamper"/> changes the form after signing, and <paramref name="postTo"/> another
    /// URL than the signed one, as a man in the middle would.
    /// </summary>
    public async Task<HttpResponseMessage> ReportAsync(FakeSms sms, string status, string? errorCode = null, string? signingToken = AuthToken,
        Action<Dictionary<string, string>>? tamper = null, string? postTo = null)
    {
        var url = sms.StatusCallback ?? throw new InvalidOperationException($"{sms.Sid} was sent without a StatusCallback.");
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid, ["ApiVersion"] = "2010-04-01", ["From"] = sms.From, ["To"] = sms.To,
            ["MessageSid"] = sms.Sid, ["SmsSid"] = sms.Sid, ["MessageStatus"] = status, ["SmsStatus"] = status,
        };
        if (errorCode is not null)
            fields["ErrorCode"] = errorCode;
        var signature = signingToken is null ? null : Sign(signingToken, url, fields);
        tamper?.Invoke(fields);
        using var http = new HttpClient(CallbackHandler?.Invoke() ?? throw new InvalidOperationException("No CallbackHandler to reach the app."));
        using var request = new HttpRequestMessage(HttpMethod.Post, postTo ?? url) { Content = new FormUrlEncodedContent(fields) };
        if (signature is not null)
            request.Headers.Add("X-Twilio-Signature", signature);
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        var response = await http.SendAsync(request);
        callbacks.Enqueue(new FakeStatusCallback(sms.Sid, status, response.StatusCode));
        return response;
    }

    /// <summary>
    /// Twilio's request signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security), written out here rather
    /// than taken from the Twilio package the app verifies with: HMAC-SHA1 keyed with the auth token over the full URL
    /// followed by each POST field's name and value, sorted by name, base64.
    /// </summary>
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        return Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Requests that tried to send (refused ones too).</summary>
    public int SendRequests => requests;

    /// <summary>A message Twilio has as if an earlier attempt had got it through.</summary>
    public FakeSms Seed(string to, string from, string body)
    {
        var sms = new FakeSms($"SM{Guid.NewGuid():N}", to, from, body, DateTimeOffset.UtcNow.AddMinutes(-1));
        messages.Enqueue(sms);
        return sms;
    }

    static bool Authorized(HttpContext http, string sid)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return sid == AccountSid && http.Request.Headers.Authorization.ToString() == expected;
    }

    static JsonNode Resource(FakeSms sms)
    {
        var date = sms.Created.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["account_sid"] = AccountSid, ["api_version"] = "2010-04-01", ["body"] = sms.Body, ["date_created"] = date, ["date_sent"] = null,
            ["date_updated"] = date, ["direction"] = "outbound-api", ["error_code"] = null, ["error_message"] = null, ["from"] = sms.From,
            ["messaging_service_sid"] = null, ["num_media"] = "0", ["num_segments"] = "1", ["price"] = null, ["price_unit"] = "USD",
            ["sid"] = sms.Sid, ["status"] = "queued", ["to"] = sms.To,
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sms.Sid}.json",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>
/// A POP3 server (RFC 1939) in the test process on a free port, holding one maildrop: USER/PASS, STAT, LIST, UIDL,
/// RETR, DELE, RSET, NOOP, CAPA and QUIT, with deletions applied only at QUIT (the UPDATE state), as real servers do.
/// Written here because no POP3 server is on the package feeds (wildduck, on npm, needs MongoDB); MailKit's Pop3Client
/// in the app talks to it as to any server.
/// </summary>
public sealed class Pop3Mailbox : IDisposable
{
    public const string User = "bounces@lakeside.example";
    public const string Password = "pop3-test-password";

    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly object gate = new();
    readonly List<(string Uid, byte[] Content)> maildrop = [];
    int sessions;

    public Pop3Mailbox()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Sessions that signed in and ended with QUIT.</summary>
    public int CompletedSessions => Volatile.Read(ref sessions);

    /// <summary>Drops a message into the mailbox, as mail arriving; returns its unique id.</summary>
    public string Deliver(string rawMessage)
    {
        lock (gate)
        {
            var uid = $"uid-{Guid.NewGuid():N}";
            maildrop.Add((uid, Encoding.UTF8.GetBytes(rawMessage.ReplaceLineEndings("\r\n"))));
            return uid;
        }
    }

    /// <summary>The unique ids of the messages in the mailbox now.</summary>
    public IReadOnlyList<string> Uids
    {
        get
        {
            lock (gate)
                return maildrop.Select(m => m.Uid).ToList();
        }
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using (client)
                    await ServeAsync(client.GetStream());
            });
        }
    }

    async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("+OK POP3 test server ready");
        string? user = null;
        var signedIn = false;
        // The maildrop as it was at sign-in (RFC 1939: messages are numbered for the session), and what is marked deleted.
        List<(string Uid, byte[] Content)> drop = [];
        var deleted = new HashSet<int>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 2);
            var command = parts[0].ToUpperInvariant();
            var argument = parts.Length > 1 ? parts[1] : "";
            bool Number(out int n) => int.TryParse(argument, out n) && n >= 1 && n <= drop.Count && !deleted.Contains(n);
            switch (command)
            {
                case "CAPA":
                    await writer.WriteAsync("+OK capabilities\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n");
                    break;
                case "USER":
                    user = argument;
                    await writer.WriteLineAsync("+OK");
                    break;
                case "PASS" when user == User && argument == Password:
                    signedIn = true;
                    lock (gate)
                        drop = maildrop.ToList();
                    await writer.WriteLineAsync($"+OK {drop.Count} messages");
                    break;
                case "PASS":
                    await writer.WriteLineAsync("-ERR [AUTH] invalid user or password");
                    break;
                case "QUIT":
                    if (signedIn)
                    {
                        lock (gate)
                            maildrop.RemoveAll(m => deleted.Select(n => drop[n - 1].Uid).Contains(m.Uid));
                        Interlocked.Increment(ref sessions);
                    }
                    await writer.WriteLineAsync("+OK bye");
                    return;
                case "NOOP" when signedIn:
                    await writer.WriteLineAsync("+OK");
                    break;
                case "STAT" when signedIn:
                    var live = Enumerable.Range(1, drop.Count).Where(n => !deleted.Contains(n)).ToList();
                    await writer.WriteLineAsync($"+OK {live.Count} {live.Sum(n => drop[n - 1].Content.Length)}");
                    break;
                case "LIST" or "UIDL" when signedIn && argument.Length > 0:
                    if (Number(out var one))
                        await writer.WriteLineAsync($"+OK {one} {(command == "LIST" ? drop[one - 1].Content.Length.ToString(CultureInfo.InvariantCulture) : drop[one - 1].Uid)}");
                    else
                        await writer.WriteLineAsync("-ERR no such message");
                    break;
                case "LIST" or "UIDL" when signedIn:
                    var listing = new StringBuilder("+OK\r\n");
                    for (var n = 1; n <= drop.Count; n++)
                        if (!deleted.Contains(n))
                            listing.Append(n).Append(' ').Append(command == "LIST" ? drop[n - 1].Content.Length.ToString(CultureInfo.InvariantCulture) : drop[n - 1].Uid).Append("\r\n");
                    await writer.WriteAsync(listing.Append(".\r\n").ToString());
                    break;
                case "RETR" when signedIn:
                    if (!Number(out var wanted))
                    {
                        await writer.WriteLineAsync("-ERR no such message");
                        break;
                    }
                    var content = Encoding.UTF8.GetString(drop[wanted - 1].Content);
                    var stuffed = string.Join("\r\n", content.Split("\r\n").Select(l => l.StartsWith('.') ? "." + l : l));
                    await writer.WriteAsync($"+OK {drop[wanted - 1].Content.Length} octets\r\n{stuffed}{(stuffed.EndsWith("\r\n", StringComparison.Ordinal) ? "" : "\r\n")}.\r\n");
                    break;
                case "DELE" when signedIn:
                    if (Number(out var doomed))
                    {
                        deleted.Add(doomed);
                        await writer.WriteLineAsync($"+OK message {doomed} deleted");
                    }
                    else
                        await writer.WriteLineAsync("-ERR no such message");
                    break;
                case "RSET" when signedIn:
                    deleted.Clear();
                    await writer.WriteLineAsync("+OK");
                    break;
                default:
                    await writer.WriteLineAsync(signedIn ? "-ERR unknown command" : "-ERR sign in first");
                    break;
            }
        }
        // The connection dropped without QUIT: RFC 1939 §6, nothing is deleted.
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}

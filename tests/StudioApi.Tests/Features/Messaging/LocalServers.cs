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
        Port = FreePort();
        server = SimpleSmtpServer.Start(Port);
    }

    public int Port { get; }

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose() => server.Stop();

    /// <summary>A port nothing listens on now (bound and let go).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A text message as the fake Twilio took it.</summary>
public sealed record FakeSms(string Sid, string To, string From, string Body, DateTimeOffset Created);

/// <summary>
/// A local HTTP server speaking Twilio's Messages API (REST 2010-04-01: create and list, basic auth with the account
/// SID and auth token, Twilio's JSON and paging shape), so the real Twilio client is tested against something real.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-twilio-auth-token";

    readonly WebApplication app;
    readonly ConcurrentQueue<FakeSms> messages = new();
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
            var sms = new FakeSms($"SM{Guid.NewGuid():N}", to, form["From"]!, body, DateTimeOffset.UtcNow);
            messages.Enqueue(sms);
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

    public IReadOnlyList<FakeSms> Messages => messages.ToList();

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

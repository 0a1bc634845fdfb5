using System.Net;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>An SMS provider account, from the messaging settings.</summary>
public sealed record SmsAccount(string AccountSid, string AuthToken, string From, string BaseUrl);

/// <summary>Carries text messages; Twilio today (<see cref="TwilioSmsSender"/>), another provider is another implementation.</summary>
public interface ISmsSender
{
    /// <summary>
    /// Sends and returns the provider's id for the message; <paramref name="onHandover"/> runs (recorded) before the
    /// request goes out. The provider reports what became of it (delivered, undelivered) to <paramref name="statusCallback"/>, if given.
    /// </summary>
    Task<string> SendAsync(SmsAccount account, string to, string body, string? statusCallback, Action onHandover, CancellationToken ct);

    /// <summary>
    /// The provider's id of a message with this body sent to <paramref name="to"/> since <paramref name="since"/>, or
    /// null: how a retry learns whether an attempt that died after handing the message over had got it through.
    /// </summary>
    Task<string?> FindSentAsync(SmsAccount account, string to, string body, DateTime since, CancellationToken ct);
}

/// <summary>A refusal that will not go away by trying again (a bad number, a closed account, missing settings).</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Twilio's Messages API (REST, 2010-04-01) through Twilio's own client, whose HTTP calls are pointed at the account's
/// base URL (api.twilio.com, a regional edge, or a local server in tests). A refusal of the request (4xx but 429) is
/// permanent; throttling, server errors and the network are retried.
/// </summary>
public sealed class TwilioSmsSender : ISmsSender
{
    static readonly SocketsHttpHandler Sockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    const string TwilioApi = "https://api.twilio.com";

    public async Task<string> SendAsync(SmsAccount account, string to, string body, string? statusCallback, Action onHandover, CancellationToken ct)
    {
        var client = Client(account);
        onHandover();
        try
        {
            var message = await MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to))
            {
                From = new PhoneNumber(account.From), Body = body, StatusCallback = statusCallback is null ? null : new Uri(statusCallback),
            }, client);
            if (message.Status == MessageResource.StatusEnum.Failed || message.Status == MessageResource.StatusEnum.Undelivered)
                throw new PermanentDeliveryException($"Twilio refused the message: {message.ErrorCode} {message.ErrorMessage}".Trim());
            return message.Sid;
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500 && e.Status != (int)HttpStatusCode.TooManyRequests)
        {
            throw new PermanentDeliveryException($"Twilio refused the message ({e.Status}, code {e.Code}): {e.Message}", e);
        }
    }

    public async Task<string?> FindSentAsync(SmsAccount account, string to, string body, DateTime since, CancellationToken ct)
    {
        var messages = await MessageResource.ReadAsync(new ReadMessageOptions
        {
            To = new PhoneNumber(to),
            From = new PhoneNumber(account.From),
            DateSentAfter = since.AddMinutes(-5),
            PageSize = 50,
            Limit = 200,
        }, Client(account));
        return messages.FirstOrDefault(m => m.Body == body && (m.DateCreated is null || m.DateCreated >= since.AddMinutes(-5)))?.Sid;
    }

    static TwilioRestClient Client(SmsAccount account)
    {
        var http = new HttpClient(new BaseAddressRewriter(account.BaseUrl) { InnerHandler = Sockets }, disposeHandler: false)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new TwilioRestClient(account.AccountSid, account.AuthToken, httpClient: new Twilio.Http.SystemNetHttpClient(http));
    }

    /// <summary>Sends Twilio's requests for api.twilio.com to the account's base URL instead.</summary>
    sealed class BaseAddressRewriter(string baseUrl) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            if (!string.Equals(baseUrl, TwilioApi, StringComparison.OrdinalIgnoreCase) && url.StartsWith(TwilioApi, StringComparison.OrdinalIgnoreCase))
                request.RequestUri = new Uri(baseUrl.TrimEnd('/') + url[TwilioApi.Length..]);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Phone numbers as SMS providers want them: E.164 (+12175550100).</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// A number written with a leading + keeps its country code; ten digits are taken as a North American number (+1);
    /// eleven starting with 1 likewise; anything else gets a + in front of its digits.
    /// </summary>
    public static string ToE164(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (number.TrimStart().StartsWith('+'))
            return "+" + digits;
        return digits.Length switch
        {
            10 => "+1" + digits,
            11 when digits[0] == '1' => "+" + digits,
            _ => "+" + digits,
        };
    }
}

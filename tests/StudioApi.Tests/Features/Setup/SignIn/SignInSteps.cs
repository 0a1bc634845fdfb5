using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.SignIn;

public sealed record TokenBody(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

/// <summary>Signing in and out over HTTP, keeping the tokens (the factory's helpers keep only a signed-in client).</summary>
public static class SignInSteps
{
    public static Task<HttpResponseMessage> PostSignInAsync(this StudioApiFactory app, string username, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password });

    public static async Task<TokenBody> SignInAsync(this StudioApiFactory app, string username, string password = StudioApiFactory.UserPassword) =>
        await (await app.PostSignInAsync(username, password)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostRefreshAsync(this StudioApiFactory app, string refreshToken) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public static HttpClient ClientWith(this StudioApiFactory app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static string NewUsername(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}

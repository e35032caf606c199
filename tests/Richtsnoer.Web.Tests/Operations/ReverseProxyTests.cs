using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Operations;

/// <summary>Behind a TLS-terminating proxy: forwarded headers only from the configured proxy.</summary>
[Collection("sqlite")]
public sealed class ReverseProxyTests(SqliteFixture fixture)
{
    private async Task<HttpResponseMessage> GetLoginAsync(string? knownProxies, string remoteIp, bool forwardedHttps)
    {
        await using var app = fixture.App.WithWebHostBuilder(b =>
        {
            if (knownProxies is not null)
            {
                b.UseSetting("Richtsnoer:ReverseProxy:KnownProxies", knownProxies);
            }

            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new TestRemoteAddress(IPAddress.Parse(remoteIp))));
        });
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://richtsnoer.example.nl/account/login");
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Cookies(HttpResponseMessage r) =>
        string.Join("\n", r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToLowerInvariant();

    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_makes_cookies_secure_and_sends_hsts_for_a_year()
    {
        var response = await GetLoginAsync("127.0.0.1", "127.0.0.1", forwardedHttps: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("richtsnoer.af=", Cookies(response));
        Assert.Contains("; secure", Cookies(response));
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_or_without_configuration_are_ignored()
    {
        foreach (var (proxies, remote) in new[] { ("127.0.0.1", "10.1.2.3"), ((string?)null, "127.0.0.1") })
        {
            var response = await GetLoginAsync(proxies, remote, forwardedHttps: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("richtsnoer.af=", Cookies(response));
            Assert.DoesNotContain("; secure", Cookies(response));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task With_https_redirect_configured_plain_http_is_sent_to_https_but_not_what_the_proxy_forwarded_as_https()
    {
        await using var app = fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:ReverseProxy:KnownProxies", "127.0.0.1");
            b.UseSetting("Richtsnoer:ReverseProxy:HttpsRedirect", "true");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new TestRemoteAddress(IPAddress.Loopback)));
        });
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var plain = await client.GetAsync("http://richtsnoer.example.nl/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal("https://richtsnoer.example.nl/account/login", plain.Headers.Location!.ToString());

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "http://richtsnoer.example.nl/account/login");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(forwarded, TestContext.Current.CancellationToken)).StatusCode);
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Behind a proxy that terminates TLS: <c>Richtsnoer:ReverseProxy:KnownProxies</c> (IP addresses)
/// and <c>KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8), comma-separated. Only requests from those
/// addresses may set X-Forwarded-For and X-Forwarded-Proto; the app then sees the client's address
/// and https, so cookies are Secure and HSTS is sent. Without either setting the headers are ignored.
/// <c>HttpsRedirect</c> (with <c>HttpsPort</c>, default 443) sends plain-http requests to https.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Richtsnoer:ReverseProxy");
        var proxies = Split(section["KnownProxies"]).Select(p => IPAddress.TryParse(p, out var ip)
            ? ip
            : throw new InvalidOperationException($"Richtsnoer:ReverseProxy:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Split(section["KnownNetworks"]).Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net
            : throw new InvalidOperationException($"Richtsnoer:ReverseProxy:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8.")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
            {
                o.KnownProxies.Add(p);
            }

            foreach (var n in networks)
            {
                o.KnownIPNetworks.Add(n);
            }
        });
        var redirect = section.GetValue<bool>("HttpsRedirect");
        services.AddSingleton(new ReverseProxySettings(proxies.Count + networks.Count > 0, redirect));
        if (redirect)
        {
            services.AddHttpsRedirection(o =>
            {
                o.HttpsPort = section.GetValue<int?>("HttpsPort") ?? 443;
                o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
        }

        // Sent only on https responses outside Development (Program.cs), and never for localhost.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Applies X-Forwarded-* from the configured proxies, then (when configured) redirects http to https.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<ReverseProxySettings>();
        if (settings.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return settings.HttpsRedirect ? app.UseHttpsRedirection() : app;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record ReverseProxySettings(bool Enabled, bool HttpsRedirect);

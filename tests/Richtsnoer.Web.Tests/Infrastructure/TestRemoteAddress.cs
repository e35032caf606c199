using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no socket, so requests have no client address. This gives each request
/// one: the <c>X-Test-Ip</c> header when present, else the default.
/// </summary>
public sealed class TestRemoteAddress(IPAddress fallback) : IStartupFilter
{
    public const string Header = "X-Test-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var ip) && IPAddress.TryParse(ip, out var parsed) ? parsed : fallback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

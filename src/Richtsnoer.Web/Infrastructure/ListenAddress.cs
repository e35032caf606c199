namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Where the app listens. An explicit choice always wins: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> or a <c>Kestrel:Endpoints</c> section. Only
/// without one does it listen on http://localhost:5080. (launchSettings.json names no address,
/// because <c>dotnet run</c> would let it override the environment.)
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultListenAddress(this WebApplicationBuilder builder)
    {
        var c = builder.Configuration;
        var chosen = !string.IsNullOrWhiteSpace(c["urls"])
            || !string.IsNullOrWhiteSpace(c["http_ports"])
            || !string.IsNullOrWhiteSpace(c["https_ports"])
            || c.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!chosen)
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}

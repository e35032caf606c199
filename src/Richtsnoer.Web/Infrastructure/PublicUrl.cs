namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// The address people use to reach the app, for links in e-mail: <c>Richtsnoer:PublicUrl</c>
/// (for example https://richtsnoer.example.nl) or, when it is not set, the address of the request.
/// Set it in production: a link in an e-mail should not depend on the Host header of the request
/// that caused it.
/// </summary>
public static class PublicUrl
{
    public static string Link(HttpContext context, string path)
    {
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()["Richtsnoer:PublicUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return baseUrl + path;
    }
}

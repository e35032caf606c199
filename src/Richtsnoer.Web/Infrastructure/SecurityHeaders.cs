namespace Richtsnoer.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from this site (no inline script), no framing, no MIME sniffing.
    /// Whatever a user typed can therefore never run as script, even if it slipped through encoding.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";
                return Task.CompletedTask;
            });
            await next();
        });
}

using Microsoft.AspNetCore.Http.Features;
using Richtsnoer.Core;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Bounds on what one request may carry: 2 MB of body, 256 KB per form field, 1,000 fields.
/// The largest real form (an own clause in two languages, a 50,000-character post check) is far
/// below. A request over a limit gets 413 or 400 with the friendly page, and a warning in the log,
/// instead of an unhandled exception.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;
    public const int MaxFieldLength = 256 * 1024;
    public const int MaxFields = 1000;

    /// <summary>The one form that carries a file: recording a works council decision with its letter (PDF, at most 5 MB).</summary>
    public const long MaxUploadBodyBytes = 6 * 1024 * 1024;

    private static readonly System.Text.RegularExpressions.Regex UploadPath = new(
        "^/o/[0-9a-fA-F-]{36}/versions/[0-9a-fA-F-]{36}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool IsUpload(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
        && UploadPath.IsMatch(context.Request.Path.Value ?? string.Empty) && context.Request.Query["handler"] == "move";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, WebApplicationBuilder builder)
    {
        // Kestrel allows the upload size; the middleware below holds every other request to MaxBodyBytes.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = MaxFieldLength;
            o.ValueCountLimit = MaxFields;
            o.KeyLengthLimit = 1024;
            o.MultipartBodyLengthLimit = MaxBodyBytes;
        });
        return services;
    }

    public static IApplicationBuilder UseOversizedRequestHandling(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Every request gets 2 MB, except the decision form with its letter (on Kestrel and on the test server alike).
            var upload = IsUpload(context);
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = upload ? MaxUploadBodyBytes : MaxBodyBytes;
            }

            if (upload)
            {
                context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
                {
                    ValueLengthLimit = MaxFieldLength,
                    ValueCountLimit = MaxFields,
                    KeyLengthLimit = 1024,
                    MultipartBodyLengthLimit = MaxUploadBodyBytes,
                }));
            }

            try
            {
                // Read a posted form here, within the limits, so an oversized one is refused as such
                // (413) before anything else (antiforgery would call it an expired form).
                if (context.Request.HasFormContentType && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }

                await next();
            }
            catch (Exception e) when (!context.Response.HasStarted && Oversized(e) is { } status)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Richtsnoer.RequestLimits")
                    .LogWarning("Refused an oversized request to {Method} {Path} ({Status}): {Reason}", context.Request.Method, context.Request.Path, status, e.Message);
                context.Response.Clear();
                await PlainErrorPage.WriteAsync(
                    context,
                    status,
                    status == StatusCodes.Status413PayloadTooLarge ? ErrorTexts.TooLargeTitle : ErrorTexts.BadRequestTitle,
                    status == StatusCodes.Status413PayloadTooLarge
                        ? ErrorTexts.TooLarge
                        : new("Het verzoek kon niet worden gelezen. Ga terug, laad de pagina opnieuw en probeer het nog eens.", "The request could not be read. Go back, reload the page and try again."),
                    CancellationToken.None);
            }
        });

    private static int? Oversized(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => StatusCodes.Status413PayloadTooLarge,
        BadHttpRequestException b => b.StatusCode,
        InvalidDataException when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        _ => e.InnerException is { } inner ? Oversized(inner) : null,
    };
}

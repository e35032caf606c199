using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Richtsnoer.Web.Features.Api;

public sealed record ApiEndpoint(string Method, string Route, string? Summary);

/// <summary>
/// A readable reference of the JSON API, built from the app's own endpoints (the same source as
/// the OpenAPI document at /openapi/v1.json), in the site's style and within its strict CSP.
/// </summary>
public sealed class ReferenceModel(EndpointDataSource endpoints) : PageModel
{
    public IReadOnlyList<ApiEndpoint> Endpoints { get; private set; } = [];

    public void OnGet() => Endpoints = endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
            new ApiEndpoint(m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary)))
        .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method == "GET" ? 0 : 1)
        .ToList();
}

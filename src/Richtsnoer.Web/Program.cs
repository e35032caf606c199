using Richtsnoer.Web.Features.Api;
using Richtsnoer.Web.Features.Tools;
using Richtsnoer.Web.Infrastructure;

// Richtsnoer web app: accounts, organisations, the guided interview with live preview,
// adapting clauses and downloads. Services are registered in AddRichtsnoerServices.
var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultListenAddress();
builder.AddRichtsnoerServices();

var app = builder.Build();
await app.MigrateDatabaseAsync();

app.UseReverseProxySupport();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

// Pages get a friendly page for every error status; the API gets ProblemDetails JSON.
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
app.UseOversizedRequestHandling();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapRazorPages();
app.MapPostCheckApi();
app.MapAdoptionApi();
app.MapRolloutApi();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapRichtsnoerHealth("/health");

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

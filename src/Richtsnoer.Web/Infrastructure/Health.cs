using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Richtsnoer.Storage;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>Healthy when the database answers and its schema is migrated.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version");
            return HealthCheckResult.Healthy($"{database.Provider}, schema version {version}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} is not reachable", e);
        }
    }
}

public static class HealthEndpoint
{
    public static IEndpointConventionBuilder MapRichtsnoerHealth(this IEndpointRouteBuilder app, string path) =>
        app.MapHealthChecks(path, new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        });
}

using Richtsnoer.Storage;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Reads <c>Richtsnoer:Database:Provider</c> (sqlite or postgres) and
/// <c>Richtsnoer:Database:ConnectionString</c>; environment variables use a double underscore
/// (<c>Richtsnoer__Database__Provider</c>). Without a connection string SQLite uses
/// <c>{Richtsnoer:DataDirectory}/richtsnoer.db</c>, by default <c>data/</c> under the content root.
/// </summary>
public static class DatabaseSettings
{
    public static DatabaseOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Richtsnoer:Database");
        var provider = (section["Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"Richtsnoer:Database:Provider '{other}' is not supported; use sqlite or postgres."),
        };

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Richtsnoer:Database:ConnectionString is required when the provider is postgres.");
            }

            var dataDirectory = Path.GetFullPath(configuration["Richtsnoer:DataDirectory"] ?? "data", environment.ContentRootPath);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "richtsnoer.db")}";
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, SqliteSynchronous = section["SqliteSynchronous"] ?? "Normal" };
    }
}

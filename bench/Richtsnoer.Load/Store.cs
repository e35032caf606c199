using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Richtsnoer.Load;

/// <summary>
/// The load program's own look into the app's database: the personal links in the outbox (the
/// stand-in for people opening their mail) and the checks afterwards. Every run has a fresh
/// database with one organisation and one version, so nothing here needs to filter by them.
/// </summary>
public sealed class Store(bool postgres, string connectionString)
{
    public bool Postgres => postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (!postgres)
        {
            await connection.ExecuteAsync("PRAGMA busy_timeout = 5000;");
        }

        return connection;
    }

    /// <summary>Address and plain-text body of every queued message with this template, oldest first.</summary>
    public async Task<List<(string To, string Text)>> MailsAsync(string template, string? to = null, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string, string)>(
            "SELECT to_address, text_body FROM email_outbox WHERE template = @template AND (@to IS NULL OR to_address = @to) ORDER BY created_at, id",
            new { template, to });
        return rows.ToList();
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Acknowledgements per e-mail address (the staff_email of the record).</summary>
    public async Task<Dictionary<string, long>> AcknowledgementsPerPersonAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Email, long Count)>(
            "SELECT staff_email, COUNT(*) FROM acknowledgements GROUP BY staff_email");
        return rows.ToDictionary(r => r.Email, r => r.Count, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Acknowledgement rows per staff member (by id), for "none twice".</summary>
    public async Task<long> MaxPerStaffMemberAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(n) FROM (SELECT staff_member_id, COUNT(*) AS n FROM acknowledgements GROUP BY staff_member_id, version_id) t") ?? 0;
    }
}

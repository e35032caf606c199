using System.Data.Common;
using System.Text.Json;
using Dapper;
using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Storage.Adoption;

/// <summary>Who did something: the account (null for the system) and its address at the time.</summary>
public sealed record Actor(Guid? Id, string Name)
{
    public static readonly Actor System = new(null, "Richtsnoer");
}

/// <summary>
/// The append-only audit trail, a hash chain per organisation (<see cref="AuditChain"/>). Entries
/// are only ever inserted, in the transaction of the change they record; nothing here updates or
/// deletes one, and the database's triggers refuse it. The organisation's row lock (or SQLite's
/// write lock) serialises appends, and the primary key (organisation, sequence) refuses a second
/// entry with the same number, so the chain never forks.
/// </summary>
public sealed class AuditStore(Database database, TimeProvider time)
{
    private const string Columns =
        "sequence AS Sequence, organisation_id AS OrganisationId, at AS At, actor_id AS ActorId, actor AS Actor, kind AS Kind, version_id AS VersionId, data AS Data, previous_hash AS PreviousHash, hash AS Hash";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The time of a new entry, to the microsecond (what PostgreSQL keeps), so the hash survives a round trip.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Appends one entry inside the caller's write transaction; <paramref name="data"/> is serialised to JSON.</summary>
    public async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction tx, Guid organisationId, Actor actor, string kind, Guid? versionId, object data, DateTimeOffset? at = null)
    {
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(
            "SELECT sequence, hash FROM audit_events WHERE organisation_id = @organisationId ORDER BY sequence DESC LIMIT 1",
            new { organisationId },
            tx);
        var sequence = (last?.Sequence ?? 0) + 1;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var when = at ?? Now();
        var text = JsonSerializer.Serialize(data, Json);
        var hash = AuditChain.Hash(sequence, organisationId, when, actor.Id, actor.Name, kind, versionId, text, previous);
        await connection.ExecuteAsync(
            """
            INSERT INTO audit_events (organisation_id, sequence, at, actor_id, actor, kind, version_id, data, previous_hash, hash)
            VALUES (@organisationId, @sequence, @when, @actorId, @actorName, @kind, @versionId, @text, @previous, @hash)
            """,
            new { organisationId, sequence, when, actorId = actor.Id, actorName = actor.Name, kind, versionId, text, previous, hash },
            tx);
        return new AuditEntry(sequence, organisationId, when, actor.Id, actor.Name, kind, versionId, text, previous, hash);
    }

    /// <summary>Appends one entry in a transaction of its own.</summary>
    public async Task<AuditEntry> AppendAsync(Guid organisationId, Actor actor, string kind, Guid? versionId, object data, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var entry = await AppendAsync(connection, tx, organisationId, actor, kind, versionId, data);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>The organisation's entries in order (oldest first), optionally only those of one version.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Guid organisationId, Guid? versionId = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ListAsync(connection, null, organisationId, versionId);
    }

    internal static async Task<IReadOnlyList<AuditEntry>> ListAsync(DbConnection connection, DbTransaction? tx, Guid organisationId, Guid? versionId)
    {
        var sql = $"SELECT {Columns} FROM audit_events WHERE organisation_id = @organisationId"
            + (versionId is null ? string.Empty : " AND version_id = @versionId")
            + " ORDER BY sequence";
        return (await connection.QueryAsync<AuditEntry>(sql, new { organisationId, versionId }, tx)).ToList();
    }

    /// <summary>Every organisation that has an audit trail (also those deleted in the app).</summary>
    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var fromEvents = await connection.QueryAsync<Guid>("SELECT DISTINCT organisation_id FROM audit_events");
        var fromVersions = await connection.QueryAsync<Guid>("SELECT DISTINCT organisation_id FROM protocol_versions");
        return fromEvents.Union(fromVersions).Order().ToList();
    }
}

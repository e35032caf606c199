using System.Text.Json;
using Dapper;
using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Storage.Adoption;

/// <summary>A version as listed: its number, label, fingerprint and where it stands now.</summary>
public sealed record VersionSummary(
    Guid Id,
    Guid OrganisationId,
    int Number,
    string Label,
    bool Substantive,
    string Sha256,
    DateTimeOffset CreatedAt,
    string CreatedByEmail)
{
    public VersionState State { get; init; }

    public ConsentRequirement Requirement { get; init; } = new(false, false, false);

    /// <summary>True once the version was submitted to the works council: from then on its members may read it.</summary>
    public bool SubmittedToWorksCouncil { get; init; }

    /// <summary>When it was published (the last time it entered <see cref="VersionState.Published"/>).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>A version with its frozen snapshot and its history in the audit trail.</summary>
public sealed record ProtocolVersion(VersionSummary Summary, string SnapshotJson, IReadOnlyList<AuditEntry> History)
{
    public VersionSnapshot Snapshot { get; } = Parsed(Summary.Sha256, SnapshotJson);

    /// <summary>
    /// Parsed snapshots by fingerprint and length: a version never changes, so a parse can be
    /// reused (every staff member reading the version in force would otherwise parse ~100 KB of
    /// JSON per page). At most 32 are kept; the cache holds facts, not state.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), VersionSnapshot> Cache = new();

    private static VersionSnapshot Parsed(string sha256, string json)
    {
        if (Cache.TryGetValue((sha256, json.Length), out var hit))
        {
            return hit;
        }

        var parsed = VersionSnapshot.FromJson(json);
        if (Cache.Count >= 32)
        {
            Cache.Clear();
        }

        Cache[(sha256, json.Length)] = parsed;
        return parsed;
    }

    public ConsentRequirement Requirement => Snapshot.Requirement;
}

public enum CreateOutcome
{
    Created,

    /// <summary>The text is word for word that of the newest version: nothing to version.</summary>
    Unchanged,

    /// <summary>Someone created a version after the label was proposed; propose again.</summary>
    Conflict,
}

/// <summary>The facts of a decision of the works council, as recorded by the owner.</summary>
public sealed record DecisionRecord(DateOnly Date, string? Conditions, string? Note, EvidenceUpload? Letter);

/// <summary>An uploaded file that becomes evidence (already checked for type and size).</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Versions of a protocol: inserted once and never changed (the database refuses UPDATE and
/// DELETE). Where a version stands is not a column but the result of its state events in the
/// audit trail, each move checked by <see cref="VersionStateMachine"/> inside the write
/// transaction, so two people moving the same version at once cannot both succeed.
/// </summary>
public sealed class VersionStore(Database database, AuditStore audit)
{
    private const string SummaryColumns =
        "id AS Id, organisation_id AS OrganisationId, number AS Number, label AS Label, substantive AS Substantive, sha256 AS Sha256, created_at AS CreatedAt, created_by_email AS CreatedByEmail";

    /// <summary>The audit kinds of state moves.</summary>
    public static string Kind(VersionMove move) => move switch
    {
        VersionMove.Submit => "version.submitted",
        VersionMove.RecordConsent => "version.consented",
        VersionMove.RecordConsentWithConditions => "version.consented_with_conditions",
        VersionMove.RecordRefusal => "version.refused",
        VersionMove.RecordSubstituteConsent => "version.substitute_consent",
        VersionMove.Withdraw => "version.withdrawn",
        VersionMove.Publish => "version.published",
        VersionMove.Supersede => "version.superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    private static readonly Dictionary<string, VersionMove> Moves = Enum.GetValues<VersionMove>().ToDictionary(Kind);

    public static bool IsMove(string kind, out VersionMove move) => Moves.TryGetValue(kind, out move);

    /// <summary>The newest version of the organisation, or null.</summary>
    public async Task<VersionSummary?> LatestAsync(Guid organisationId, CancellationToken ct = default) =>
        (await ListAsync(organisationId, ct)).LastOrDefault();

    /// <summary>Every version, oldest first, each with its current state.</summary>
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(Guid organisationId, CancellationToken ct = default)
    {
        // Hot path (every staff page asks which version is in force): the snapshots (~100 KB each)
        // are read only for versions whose frozen consent requirement is not known yet, and of the
        // audit trail only the state moves, not the whole history with its data.
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<VersionRow>(
            $"SELECT {SummaryColumns} FROM protocol_versions WHERE organisation_id = @organisationId ORDER BY number", new { organisationId })).ToList();
        var known = new Dictionary<string, ConsentRequirement>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (Requirements.TryGetValue(r.Sha256, out var requirement))
            {
                known[r.Sha256] = requirement;
            }
        }

        if (known.Count < rows.Select(r => r.Sha256).Distinct().Count())
        {
            var snapshots = await connection.QueryAsync<(string Sha256, string Snapshot)>(
                "SELECT sha256, snapshot FROM protocol_versions WHERE organisation_id = @organisationId", new { organisationId });
            foreach (var (sha, snapshot) in snapshots)
            {
                known[sha] = VersionSnapshot.RequirementOf(snapshot);
                Remember(sha, known[sha]);
            }
        }

        var events = await MovesAsync(connection, null, organisationId);
        return rows.Select(r => WithState(r.ToSummary(), known[r.Sha256], events.Where(e => e.VersionId == r.Id))).ToList();
    }

    /// <summary>
    /// Consent requirements by version fingerprint. A version never changes, so neither does its
    /// requirement: this is a cache of immutable facts (not state), the same on every instance;
    /// bounded so that it cannot grow without end.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConsentRequirement> Requirements = new(StringComparer.Ordinal);

    private static void Remember(string sha256, ConsentRequirement requirement)
    {
        if (Requirements.Count > 50_000)
        {
            Requirements.Clear();
        }

        Requirements[sha256] = requirement;
    }

    private static readonly string[] MoveKinds = Enum.GetValues<VersionMove>().Select(Kind).ToArray();

    /// <summary>The organisation's state moves in order (the only audit entries a version's state follows from).</summary>
    private static async Task<IReadOnlyList<AuditEntry>> MovesAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, Guid organisationId)
    {
        var kinds = string.Join(", ", MoveKinds.Select(k => "'" + k + "'"));
        return (await connection.QueryAsync<AuditEntry>(
            $"SELECT sequence AS Sequence, organisation_id AS OrganisationId, at AS At, actor_id AS ActorId, actor AS Actor, kind AS Kind, version_id AS VersionId, data AS Data, previous_hash AS PreviousHash, hash AS Hash FROM audit_events WHERE organisation_id = @organisationId AND kind IN ({kinds}) ORDER BY sequence",
            new { organisationId },
            tx)).ToList();
    }

    public async Task<ProtocolVersion?> GetAsync(Guid organisationId, Guid versionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(
            $"SELECT {SummaryColumns}, snapshot AS Snapshot FROM protocol_versions WHERE organisation_id = @organisationId AND id = @versionId", new { organisationId, versionId });
        if (row is null)
        {
            return null;
        }

        var history = await AuditStore.ListAsync(connection, null, organisationId, versionId);
        return new ProtocolVersion(WithState(row.ToSummary(), row.Snapshot, history), row.Snapshot, history);
    }

    /// <summary>
    /// Stores a new version from <paramref name="snapshot"/>, built by the caller for the label it
    /// was proposed (outside any transaction: assembly is CPU work). Refused as
    /// <see cref="CreateOutcome.Unchanged"/> when the text equals the newest version's, and as
    /// <see cref="CreateOutcome.Conflict"/> when the newest version is no longer <paramref name="after"/>.
    /// </summary>
    public async Task<(CreateOutcome Outcome, Guid? VersionId)> CreateAsync(
        Guid organisationId, Actor actor, Guid? after, VersionSnapshot snapshot, bool substantive, CancellationToken ct = default)
    {
        var json = snapshot.ToJson();
        var sha = VersionSnapshot.Hash(json);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var latest = await connection.QuerySingleOrDefaultAsync<(Guid Id, int Number, string Snapshot)?>(
            "SELECT id, number, snapshot FROM protocol_versions WHERE organisation_id = @organisationId ORDER BY number DESC LIMIT 1", new { organisationId }, tx);
        if (latest?.Id != after)
        {
            await tx.RollbackAsync(ct);
            return (CreateOutcome.Conflict, null);
        }

        if (latest is { } l && VersionSnapshot.FromJson(l.Snapshot).SameText(snapshot))
        {
            await tx.RollbackAsync(ct);
            return (CreateOutcome.Unchanged, null);
        }

        var id = Guid.NewGuid();
        var at = audit.Now();
        await connection.ExecuteAsync(
            """
            INSERT INTO protocol_versions (id, organisation_id, number, label, substantive, snapshot, sha256, created_at, created_by, created_by_email)
            VALUES (@id, @organisationId, @number, @label, @substantive, @json, @sha, @at, @actorId, @actorName)
            """,
            new { id, organisationId, number = (latest?.Number ?? 0) + 1, label = snapshot.Label, substantive, json, sha, at, actorId = actor.Id, actorName = actor.Name },
            tx);
        await audit.AppendAsync(connection, tx, organisationId, actor, "version.created", id, new { label = snapshot.Label, sha256 = sha, substantive, contentVersion = snapshot.ContentVersion }, at);
        await tx.CommitAsync(ct);
        return (CreateOutcome.Created, id);
    }

    /// <summary>
    /// Moves the version one step, checked by the state machine against its state as stored now.
    /// Publishing supersedes the version in force; publishing text whose hash equals the version
    /// in force is refused (<see cref="UnchangedPublicationException"/>).
    /// </summary>
    public async Task<VersionState> MoveAsync(Guid organisationId, Guid versionId, VersionMove move, Actor actor, object? details = null, EvidenceUpload? file = null, CancellationToken ct = default)
    {
        if (move == VersionMove.Supersede)
        {
            throw new ArgumentException("A version is superseded by publishing another one.", nameof(move));
        }

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var rows = (await connection.QueryAsync<VersionRow>(
            $"SELECT {SummaryColumns}, snapshot AS Snapshot FROM protocol_versions WHERE organisation_id = @organisationId ORDER BY number", new { organisationId }, tx)).ToList();
        var row = rows.SingleOrDefault(r => r.Id == versionId) ?? throw new KeyNotFoundException($"No version {versionId}.");
        var events = await AuditStore.ListAsync(connection, tx, organisationId, null);
        var current = WithState(row.ToSummary(), row.Snapshot, events.Where(e => e.VersionId == versionId));
        var next = VersionStateMachine.Next(current.State, move, current.Requirement);

        var data = new Dictionary<string, object?> { ["from"] = current.State.ToString(), ["to"] = next.ToString(), ["details"] = details };
        if (file is not null)
        {
            var fileId = Guid.NewGuid();
            var fileSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content));
            await connection.ExecuteAsync(
                """
                INSERT INTO evidence_files (id, organisation_id, version_id, file_name, content_type, content, sha256, uploaded_at)
                VALUES (@fileId, @organisationId, @versionId, @name, @type, @content, @fileSha, @at)
                """,
                new { fileId, organisationId, versionId, name = file.FileName, type = file.ContentType, content = file.Content, fileSha, at = audit.Now() },
                tx);
            data["file"] = new { id = fileId, name = file.FileName, sha256 = fileSha, bytes = file.Content.Length };
        }

        if (move == VersionMove.Publish)
        {
            var inForce = rows.Where(r => r.Id != versionId)
                .Select(r => WithState(r.ToSummary(), r.Snapshot, events.Where(e => e.VersionId == r.Id)))
                .Where(s => s.State == VersionState.Published)
                .ToList();
            if (inForce.Any(s => rows.Single(r => r.Id == s.Id) is var other && VersionSnapshot.FromJson(other.Snapshot).SameText(VersionSnapshot.FromJson(row.Snapshot))))
            {
                await tx.RollbackAsync(ct);
                throw new UnchangedPublicationException();
            }

            var history = events.Where(e => e.VersionId == versionId).Select(e => IsMove(e.Kind, out var m) ? m : (VersionMove?)null).OfType<VersionMove>();
            data["basis"] = VersionStateMachine.Basis(history, current.Requirement).ToString();
            data["sha256"] = row.Sha256;
            foreach (var old in inForce)
            {
                await audit.AppendAsync(connection, tx, organisationId, actor, Kind(VersionMove.Supersede), old.Id,
                    new Dictionary<string, object?> { ["from"] = nameof(VersionState.Published), ["to"] = nameof(VersionState.Superseded), ["details"] = new { by = row.Label } });
            }
        }

        await audit.AppendAsync(connection, tx, organisationId, actor, Kind(move), versionId, data);
        await tx.CommitAsync(ct);
        return next;
    }

    /// <summary>A comment on one clause of a version (or on the whole version when <paramref name="clauseId"/> is null).</summary>
    public async Task CommentAsync(Guid organisationId, Guid versionId, Actor actor, string? clauseId, string text, CancellationToken ct = default) =>
        await audit.AppendAsync(organisationId, actor, "comment.added", versionId, new { clause = clauseId, text }, ct);

    /// <summary>An uploaded evidence file of the organisation, or null.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)?> FileAsync(Guid organisationId, Guid fileId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<(string, string, byte[])?>(
            "SELECT file_name, content_type, content FROM evidence_files WHERE organisation_id = @organisationId AND id = @fileId", new { organisationId, fileId });
    }

    /// <summary>The requirement a version was made under: from its own frozen answers, not today's draft.</summary>
    private static VersionSummary WithState(VersionSummary summary, string snapshotJson, IEnumerable<AuditEntry> events)
    {
        var requirement = VersionSnapshot.RequirementOf(snapshotJson);
        Remember(summary.Sha256, requirement);
        return WithState(summary, requirement, events);
    }

    private static VersionSummary WithState(VersionSummary summary, ConsentRequirement requirement, IEnumerable<AuditEntry> events)
    {
        var state = VersionState.Draft;
        DateTimeOffset? published = null;
        var submitted = false;
        foreach (var e in events)
        {
            if (IsMove(e.Kind, out var move))
            {
                state = VersionStateMachine.Next(state, move, requirement);
                submitted |= move == VersionMove.Submit;
                if (state == VersionState.Published)
                {
                    published = e.At;
                }
            }
        }

        return summary with { State = state, PublishedAt = published, Requirement = requirement, SubmittedToWorksCouncil = submitted };
    }

    private sealed class VersionRow
    {
        public Guid Id { get; init; }

        public Guid OrganisationId { get; init; }

        public int Number { get; init; }

        public string Label { get; init; } = string.Empty;

        public bool Substantive { get; init; }

        public string Sha256 { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }

        public string CreatedByEmail { get; init; } = string.Empty;

        public string Snapshot { get; init; } = string.Empty;

        public VersionSummary ToSummary() => new(Id, OrganisationId, Number, Label, Substantive, Sha256, CreatedAt, CreatedByEmail);
    }
}

/// <summary>The text is the one already in force: publishing it again would change nothing.</summary>
public sealed class UnchangedPublicationException() : InvalidOperationException("The text of this version is already in force.");

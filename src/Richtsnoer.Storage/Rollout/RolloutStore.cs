using System.Data.Common;
using Dapper;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Staff;

namespace Richtsnoer.Storage.Rollout;

/// <summary>One message to send: to whom, about which version, which number, with which link.</summary>
public sealed record RolloutMail(string OrganisationName, StaffMember Member, VersionSummary Version, Need Need, int Number, string Token, string BaseUrl);

/// <summary>What happened to one person for one version, for the owner's overview.</summary>
public sealed record PersonStatus(
    StaffMember Member,
    Need Need,
    int Messages,
    DateTimeOffset? FirstSentAt,
    DateTimeOffset? LastSentAt,
    bool MailFailed,
    DateTimeOffset? OpenedAt,
    AcknowledgementRecord? Acknowledgement);

public enum AcknowledgeOutcome
{
    Recorded,

    /// <summary>This person had already acknowledged (this or a covering version): nothing new stored.</summary>
    AlreadyDone,

    /// <summary>The version is no longer the one in force (a newer one was published meanwhile).</summary>
    NotInForce,

    /// <summary>What the page asked to acknowledge (whole text or changes since a version) is no longer what is asked.</summary>
    Stale,
}

/// <summary>
/// The roll-out of published versions to the staff list: invitations and reminders through the
/// outbox, first opens, and the acknowledgements themselves (append-only evidence with a seal
/// each, anchored in batches by a Merkle root in the audit trail: decision 024).
/// </summary>
public sealed class RolloutStore(Database database, AuditStore audit, VersionStore versions, StaffSessionStore links, OutboxStore outbox, TimeProvider time)
{
    private const string AckColumns =
        """
        id AS Id, organisation_id AS OrganisationId, version_id AS VersionId, version_label AS VersionLabel, version_sha256 AS VersionSha256, language AS Language,
        staff_member_id AS StaffMemberId, staff_name AS StaffName, staff_email AS StaffEmail, scope AS Scope, since_label AS SinceLabel, statement AS Statement,
        statement_sha256 AS StatementSha256, method AS Method, link_id AS LinkId, sent_at AS SentAt, opened_at AS OpenedAt, acknowledged_at AS AcknowledgedAt,
        user_agent AS UserAgent, ip_address AS IpAddress, seal AS Seal
        """;

    /// <summary>PostgreSQL: a shared lock on the organisation row, which publishing (and the audit trail) lock exclusively.</summary>
    private string ForShare => database.Provider == DatabaseProvider.Postgres ? " FOR SHARE" : string.Empty;

    /// <summary>Messages are queued in transactions of this many people, so acknowledgements never wait long behind a big roll-out.</summary>
    private const int Batch = 200;

    /// <summary>Starts rolling out a published version (idempotent); links in its messages point to <paramref name="baseUrl"/>.</summary>
    public async Task StartAsync(Guid organisationId, Guid versionId, string baseUrl, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO rollouts (version_id, organisation_id, base_url, started_at) VALUES (@versionId, @organisationId, @baseUrl, @now)
            ON CONFLICT (version_id) DO NOTHING
            """,
            new { versionId, organisationId, baseUrl = baseUrl.TrimEnd('/'), now = time.GetUtcNow() });
    }

    /// <summary>The version in force of the organisation, or null.</summary>
    public async Task<VersionSummary?> InForceAsync(Guid organisationId, CancellationToken ct = default) =>
        (await versions.ListAsync(organisationId, ct)).LastOrDefault(v => v.State == VersionState.Published);

    /// <summary>
    /// Queues every message that is due now for the organisation's version in force: an invitation
    /// to each active person who has none yet and has not acknowledged, and the next reminder of
    /// <paramref name="schedule"/> to whoever still has not. The unique key (version, person,
    /// number) makes a second instance doing the same at once queue nothing twice. Returns the
    /// number of messages queued.
    /// </summary>
    public async Task<int> SendDueAsync(Guid organisationId, ReminderSchedule schedule, Func<RolloutMail, OutgoingEmail> compose, CancellationToken ct = default)
    {
        var all = await versions.ListAsync(organisationId, ct);
        var inForce = all.LastOrDefault(v => v.State == VersionState.Published);
        if (inForce is null)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(ct);
        var baseUrl = await connection.QuerySingleOrDefaultAsync<string>("SELECT base_url FROM rollouts WHERE version_id = @id", new { id = inForce.Id });
        if (baseUrl is null)
        {
            return 0;
        }

        var organisationName = await connection.QuerySingleAsync<string>("SELECT name FROM organisations WHERE id = @organisationId", new { organisationId });
        var labels = all.ToDictionary(v => v.Id, v => new RolloutVersion(v.Id, v.Label));
        var statuses = await StatusAsync(connection, organisationId, inForce, labels);
        var now = time.GetUtcNow();
        var due = new List<(PersonStatus Status, int Number)>();
        foreach (var s in statuses.Where(s => s.Member.Active && !s.Need.Done))
        {
            if (s.Messages == 0)
            {
                due.Add((s, 0));
            }
            else if (schedule.Due(s.FirstSentAt!.Value, s.Messages - 1, now) is { } number)
            {
                due.Add((s, number));
            }
        }

        var queued = 0;
        foreach (var chunk in due.Chunk(Batch))
        {
            await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
            await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{ForShare}", new { organisationId }, tx);
            if (!await StillInForceAsync(connection, tx, organisationId, inForce.Id))
            {
                await tx.RollbackAsync(ct);
                return queued;
            }

            foreach (var (s, number) in chunk)
            {
                // Checked again inside the transaction: acknowledged meanwhile, or the version superseded?
                var stillOpen = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM acknowledgements WHERE staff_member_id = @staff AND version_id = @version", new { staff = s.Member.Id, version = inForce.Id }, tx) == 0;
                if (!stillOpen)
                {
                    continue;
                }

                var (linkId, token) = await links.CreateLinkAsync(connection, tx, organisationId, s.Member.Id, number == 0 ? LinkPurpose.Invitation : LinkPurpose.Reminder, inForce.Id);
                var messageId = Guid.NewGuid();
                var inserted = await connection.ExecuteAsync(
                    """
                    INSERT INTO rollout_messages (id, organisation_id, version_id, staff_member_id, number, link_id, outbox_id, queued_at)
                    VALUES (@messageId, @organisationId, @version, @staff, @number, @linkId, @messageId, @now)
                    ON CONFLICT (version_id, staff_member_id, number) DO NOTHING
                    """,
                    new { messageId, organisationId, version = inForce.Id, staff = s.Member.Id, number, linkId, now },
                    tx);
                if (inserted == 0)
                {
                    continue;
                }

                var outboxId = await outbox.EnqueueAsync(connection, tx, compose(new RolloutMail(organisationName, s.Member, inForce, s.Need, number, token, baseUrl)));
                await connection.ExecuteAsync("UPDATE rollout_messages SET outbox_id = @outboxId WHERE id = @messageId", new { outboxId, messageId }, tx);
                queued++;
            }

            await tx.CommitAsync(ct);
        }

        return queued;
    }

    /// <summary>The organisations with a roll-out, for the background service.</summary>
    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Guid>("SELECT DISTINCT organisation_id FROM rollouts")).ToList();
    }

    /// <summary>Notes the first time a person opened a version (later opens change nothing).</summary>
    public async Task RecordOpenAsync(Guid organisationId, Guid versionId, Guid staffMemberId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);

        // Usually known already (signing in with the version's own link notes it): a read, no write.
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rollout_opens WHERE version_id = @versionId AND staff_member_id = @staffMemberId", new { versionId, staffMemberId }) > 0)
        {
            return;
        }

        await InsertOpenAsync(connection, null, organisationId, versionId, staffMemberId, time.GetUtcNow());
    }

    /// <summary>Notes a first open (a later one changes nothing), in the caller's transaction if any.</summary>
    internal static Task InsertOpenAsync(DbConnection connection, DbTransaction? tx, Guid organisationId, Guid versionId, Guid staffMemberId, DateTimeOffset at) =>
        connection.ExecuteAsync(
            """
            INSERT INTO rollout_opens (version_id, staff_member_id, organisation_id, opened_at) VALUES (@versionId, @staffMemberId, @organisationId, @at)
            ON CONFLICT (version_id, staff_member_id) DO NOTHING
            """,
            new { versionId, staffMemberId, organisationId, at = AcknowledgementRecord.Microseconds(at) },
            tx);

    /// <summary>What this person still has to do for the version in force.</summary>
    public async Task<(VersionSummary? InForce, Need Need)> NeedAsync(Guid organisationId, Guid staffMemberId, CancellationToken ct = default)
    {
        var all = await versions.ListAsync(organisationId, ct);
        var inForce = all.LastOrDefault(v => v.State == VersionState.Published);
        if (inForce is null)
        {
            return (null, Need.ReadAll);
        }

        await using var connection = await database.OpenAsync(ct);
        var acknowledged = await connection.QueryAsync<(Guid VersionId, string Label)>(
            "SELECT version_id, version_label FROM acknowledgements WHERE organisation_id = @organisationId AND staff_member_id = @staffMemberId", new { organisationId, staffMemberId });
        return (inForce, Coverage.For(new RolloutVersion(inForce.Id, inForce.Label), acknowledged.Select(a => new RolloutVersion(a.VersionId, a.Label))));
    }

    /// <summary>
    /// Stores an acknowledgement of <paramref name="versionId"/> by the signed-in person. The
    /// version is checked in the same transaction (a shared lock on the organisation row, which
    /// publishing locks exclusively), so an acknowledgement during a republication is never
    /// attributed to the wrong version; the unique key (version, person) keeps it single.
    /// </summary>
    public async Task<(AcknowledgeOutcome Outcome, AcknowledgementRecord? Record)> AcknowledgeAsync(
        StaffSession session, Guid versionId, AcknowledgementScope scope, string? sinceLabel, Core.Language language, string statement, string? userAgent, string? ip, CancellationToken ct = default)
    {
        var organisationId = session.OrganisationId;
        var member = session.Member;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var recordIp = await connection.QuerySingleOrDefaultAsync<bool>(
            $"SELECT record_staff_ip FROM organisations WHERE id = @organisationId{ForShare}", new { organisationId }, tx);
        var version = await connection.QuerySingleOrDefaultAsync<(Guid Id, string Label, string Sha256)?>(
            "SELECT id, label, sha256 FROM protocol_versions WHERE id = @versionId AND organisation_id = @organisationId", new { versionId, organisationId }, tx);
        if (version is not { } v || !await StillInForceAsync(connection, tx, organisationId, versionId))
        {
            return (AcknowledgeOutcome.NotInForce, null);
        }

        var acknowledged = (await connection.QueryAsync<(Guid VersionId, string Label)>(
            "SELECT version_id, version_label FROM acknowledgements WHERE organisation_id = @organisationId AND staff_member_id = @staff", new { organisationId, staff = member.Id }, tx)).ToList();
        var need = Coverage.For(new RolloutVersion(v.Id, v.Label), acknowledged.Select(a => new RolloutVersion(a.VersionId, a.Label)));
        if (need.Done)
        {
            var existing = await connection.QuerySingleOrDefaultAsync<AckRow>(
                $"SELECT {AckColumns} FROM acknowledgements WHERE staff_member_id = @staff AND version_id = @version", new { staff = member.Id, version = need.CoveredBy!.Id }, tx);
            return (AcknowledgeOutcome.AlreadyDone, existing?.ToRecord());
        }

        if (need.Scope != scope || need.Since?.Label != sinceLabel)
        {
            return (AcknowledgeOutcome.Stale, null);
        }

        var sentAt = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "SELECT MIN(queued_at) FROM rollout_messages WHERE version_id = @versionId AND staff_member_id = @staff", new { versionId, staff = member.Id }, tx);
        var openedAt = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "SELECT opened_at FROM rollout_opens WHERE version_id = @versionId AND staff_member_id = @staff", new { versionId, staff = member.Id }, tx);
        var record = AcknowledgementRecord.Sealed(new AcknowledgementRecord
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            VersionId = v.Id,
            VersionLabel = v.Label,
            VersionSha256 = v.Sha256,
            Language = Core.LanguageExtensions.Code(language),
            StaffMemberId = member.Id,
            StaffName = member.Name,
            StaffEmail = member.Email,
            Scope = scope,
            SinceLabel = sinceLabel,
            Statement = statement,
            StatementSha256 = string.Empty,
            Method = "email-link",
            LinkId = session.LinkId,
            SentAt = sentAt is { } s ? AcknowledgementRecord.Microseconds(s) : null,
            OpenedAt = openedAt is { } o ? AcknowledgementRecord.Microseconds(o) : null,
            AcknowledgedAt = AcknowledgementRecord.Microseconds(time.GetUtcNow()),
            UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
            IpAddress = recordIp ? ip : null,
            Seal = string.Empty,
        });
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO acknowledgements (id, organisation_id, version_id, version_label, version_sha256, language, staff_member_id, staff_name, staff_email, scope, since_label,
                    statement, statement_sha256, method, link_id, sent_at, opened_at, acknowledged_at, user_agent, ip_address, recipe, seal)
                VALUES (@Id, @OrganisationId, @VersionId, @VersionLabel, @VersionSha256, @Language, @StaffMemberId, @StaffName, @StaffEmail, @scope, @SinceLabel,
                    @Statement, @StatementSha256, @Method, @LinkId, @SentAt, @OpenedAt, @AcknowledgedAt, @UserAgent, @IpAddress, @recipe, @Seal)
                """,
                new
                {
                    record.Id, record.OrganisationId, record.VersionId, record.VersionLabel, record.VersionSha256, record.Language, record.StaffMemberId, record.StaffName,
                    record.StaffEmail, scope = AcknowledgementRecord.ScopeName(record.Scope), record.SinceLabel, record.Statement, record.StatementSha256, record.Method,
                    record.LinkId, record.SentAt, record.OpenedAt, record.AcknowledgedAt, record.UserAgent, record.IpAddress, recipe = AcknowledgementRecord.Recipe, record.Seal,
                },
                tx);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            return (AcknowledgeOutcome.AlreadyDone, await FindAsync(member.Id, versionId, ct));
        }

        return (AcknowledgeOutcome.Recorded, record);
    }

    public async Task<AcknowledgementRecord?> FindAsync(Guid staffMemberId, Guid versionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AckRow>(
            $"SELECT {AckColumns} FROM acknowledgements WHERE staff_member_id = @staffMemberId AND version_id = @versionId", new { staffMemberId, versionId });
        return row?.ToRecord();
    }

    /// <summary>One acknowledgement of the organisation by id, or null.</summary>
    public async Task<AcknowledgementRecord?> GetAsync(Guid organisationId, Guid acknowledgementId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AckRow>(
            $"SELECT {AckColumns} FROM acknowledgements WHERE organisation_id = @organisationId AND id = @acknowledgementId", new { organisationId, acknowledgementId });
        return row?.ToRecord();
    }

    /// <summary>The person's acknowledgements, newest first.</summary>
    public async Task<IReadOnlyList<AcknowledgementRecord>> OfPersonAsync(Guid organisationId, Guid staffMemberId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<AckRow>(
            $"SELECT {AckColumns} FROM acknowledgements WHERE organisation_id = @organisationId AND staff_member_id = @staffMemberId ORDER BY acknowledged_at DESC", new { organisationId, staffMemberId });
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Every acknowledgement of one version, in the order they were made.</summary>
    public async Task<IReadOnlyList<AcknowledgementRecord>> OfVersionAsync(Guid organisationId, Guid versionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await OfVersionAsync(connection, null, organisationId, versionId);
    }

    private static async Task<IReadOnlyList<AcknowledgementRecord>> OfVersionAsync(DbConnection connection, DbTransaction? tx, Guid organisationId, Guid versionId)
    {
        var rows = await connection.QueryAsync<AckRow>(
            $"SELECT {AckColumns} FROM acknowledgements WHERE organisation_id = @organisationId AND version_id = @versionId ORDER BY acknowledged_at, id", new { organisationId, versionId }, tx);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// Anchors every acknowledgement of the organisation that is in no anchor yet: per version one
    /// batch, its Merkle root written to the audit trail (<c>acknowledgements.anchored</c>) in the
    /// same transaction as the batch's membership. Returns the number of records anchored.
    /// </summary>
    public async Task<int> AnchorAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var loose = (await connection.QueryAsync<(Guid Id, Guid VersionId, string Seal)>(
            """
            SELECT a.id, a.version_id, a.seal FROM acknowledgements a
            WHERE a.organisation_id = @organisationId AND NOT EXISTS (SELECT 1 FROM acknowledgement_anchors x WHERE x.acknowledgement_id = a.id)
            ORDER BY a.acknowledged_at, a.id
            """,
            new { organisationId },
            tx)).ToList();
        foreach (var batch in loose.GroupBy(l => l.VersionId))
        {
            var anchorId = Guid.NewGuid();
            var items = batch.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO acknowledgement_anchors (anchor_id, position, organisation_id, version_id, acknowledgement_id) VALUES (@anchorId, @i, @organisationId, @version, @id)",
                    new { anchorId, i, organisationId, version = batch.Key, id = items[i].Id },
                    tx);
            }

            var root = MerkleTree.Root(items.Select(x => x.Seal).ToList());
            await audit.AppendAsync(connection, tx, organisationId, Actor.System, "acknowledgements.anchored", batch.Key,
                new Dictionary<string, object> { ["anchor"] = anchorId.ToString("D"), ["count"] = items.Count, ["root"] = root });
        }

        await tx.CommitAsync(ct);
        return loose.Count;
    }

    /// <summary>The anchors of one version with their members in order and their audit entries.</summary>
    public async Task<IReadOnlyList<Anchor>> AnchorsAsync(Guid organisationId, Guid versionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = (await connection.QueryAsync<(Guid AnchorId, long Position, Guid AckId, string Seal)>(
            """
            SELECT x.anchor_id, x.position, x.acknowledgement_id, a.seal FROM acknowledgement_anchors x JOIN acknowledgements a ON a.id = x.acknowledgement_id
            WHERE x.organisation_id = @organisationId AND x.version_id = @versionId ORDER BY x.anchor_id, x.position
            """,
            new { organisationId, versionId })).ToList();
        var entries = (await AuditStore.ListAsync(connection, null, organisationId, versionId)).Where(e => e.Kind == "acknowledgements.anchored").ToList();
        var result = new List<Anchor>();
        foreach (var entry in entries)
        {
            var data = System.Text.Json.JsonDocument.Parse(entry.Data).RootElement;
            var id = Guid.Parse(data.GetProperty("anchor").GetString()!);
            var members = items.Where(i => i.AnchorId == id).OrderBy(i => i.Position).ToList();
            result.Add(new Anchor(id, members.Select(m => m.AckId).ToList(), data.GetProperty("root").GetString()!, entry));
        }

        return result;
    }

    /// <summary>Per active or inactive person of the list: where they stand for <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<PersonStatus>> StatusAsync(Guid organisationId, VersionSummary version, CancellationToken ct = default)
    {
        var labels = (await versions.ListAsync(organisationId, ct)).ToDictionary(v => v.Id, v => new RolloutVersion(v.Id, v.Label));
        await using var connection = await database.OpenAsync(ct);
        return await StatusAsync(connection, organisationId, version, labels);
    }

    private static async Task<IReadOnlyList<PersonStatus>> StatusAsync(DbConnection connection, Guid organisationId, VersionSummary version, IReadOnlyDictionary<Guid, RolloutVersion> labels)
    {
        var members = (await connection.QueryAsync<StaffStore.Row>($"SELECT {StaffStore.Columns} FROM staff_members WHERE organisation_id = @organisationId", new { organisationId }))
            .Select(r => r.ToMember()).ToList();
        var messages = (await connection.QueryAsync<(Guid Staff, DateTimeOffset QueuedAt, string? Status)>(
            """
            SELECT m.staff_member_id, m.queued_at, o.status FROM rollout_messages m LEFT JOIN email_outbox o ON o.id = m.outbox_id
            WHERE m.organisation_id = @organisationId AND m.version_id = @versionId
            """,
            new { organisationId, versionId = version.Id })).ToLookup(m => m.Staff);
        var opens = (await connection.QueryAsync<(Guid Staff, DateTimeOffset At)>(
            "SELECT staff_member_id, opened_at FROM rollout_opens WHERE version_id = @versionId", new { versionId = version.Id })).ToDictionary(o => o.Staff, o => o.At);
        var acks = (await connection.QueryAsync<AckRow>($"SELECT {AckColumns} FROM acknowledgements WHERE organisation_id = @organisationId", new { organisationId }))
            .Select(r => r.ToRecord()).ToLookup(r => r.StaffMemberId);
        var inForce = new RolloutVersion(version.Id, version.Label);
        return members.Select(m =>
        {
            var own = acks[m.Id].ToList();
            var need = Coverage.For(inForce, own.Where(a => labels.ContainsKey(a.VersionId)).Select(a => new RolloutVersion(a.VersionId, a.VersionLabel)));
            var sent = messages[m.Id].ToList();
            var ack = need.Done ? own.FirstOrDefault(a => a.VersionId == need.CoveredBy!.Id) : null;
            return new PersonStatus(
                m,
                need,
                sent.Count,
                sent.Count == 0 ? null : sent.Min(x => x.QueuedAt),
                sent.Count == 0 ? null : sent.Max(x => x.QueuedAt),
                sent.Any(x => x.Status == OutboxStore.StatusName(OutboxStatus.Failed)),
                opens.TryGetValue(m.Id, out var at) ? at : null,
                ack);
        }).ToList();
    }

    public async Task<bool> RecordsIpAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<bool>("SELECT record_staff_ip FROM organisations WHERE id = @organisationId", new { organisationId });
    }

    /// <summary>Switches recording of staff IP addresses on or off; the audit trail notes who did it.</summary>
    public async Task SetRecordsIpAsync(Guid organisationId, bool on, Actor actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync("UPDATE organisations SET record_staff_ip = @on WHERE id = @organisationId", new { on, organisationId }, tx);
        await audit.AppendAsync(connection, tx, organisationId, actor, "rollout.ip_recording", null, new { on });
        await tx.CommitAsync(ct);
    }

    /// <summary>True when <paramref name="versionId"/> is published and not superseded, read inside <paramref name="tx"/>.</summary>
    private static async Task<bool> StillInForceAsync(DbConnection connection, DbTransaction tx, Guid organisationId, Guid versionId)
    {
        var kinds = await connection.QueryAsync<string>(
            "SELECT kind FROM audit_events WHERE organisation_id = @organisationId AND version_id = @versionId AND kind IN ('version.published', 'version.superseded', 'version.withdrawn') ORDER BY sequence",
            new { organisationId, versionId },
            tx);
        return kinds.LastOrDefault() == "version.published";
    }

    private sealed class AckRow
    {
        public Guid Id { get; init; }

        public Guid OrganisationId { get; init; }

        public Guid VersionId { get; init; }

        public string VersionLabel { get; init; } = string.Empty;

        public string VersionSha256 { get; init; } = string.Empty;

        public string Language { get; init; } = string.Empty;

        public Guid StaffMemberId { get; init; }

        public string StaffName { get; init; } = string.Empty;

        public string StaffEmail { get; init; } = string.Empty;

        public string Scope { get; init; } = string.Empty;

        public string? SinceLabel { get; init; }

        public string Statement { get; init; } = string.Empty;

        public string StatementSha256 { get; init; } = string.Empty;

        public string Method { get; init; } = string.Empty;

        public Guid? LinkId { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public DateTimeOffset? OpenedAt { get; init; }

        public DateTimeOffset AcknowledgedAt { get; init; }

        public string? UserAgent { get; init; }

        public string? IpAddress { get; init; }

        public string Seal { get; init; } = string.Empty;

        public AcknowledgementRecord ToRecord() => new()
        {
            Id = Id, OrganisationId = OrganisationId, VersionId = VersionId, VersionLabel = VersionLabel, VersionSha256 = VersionSha256, Language = Language,
            StaffMemberId = StaffMemberId, StaffName = StaffName, StaffEmail = StaffEmail, Scope = AcknowledgementRecord.ParseScope(Scope), SinceLabel = SinceLabel,
            Statement = Statement, StatementSha256 = StatementSha256, Method = Method, LinkId = LinkId, SentAt = SentAt, OpenedAt = OpenedAt,
            AcknowledgedAt = AcknowledgedAt, UserAgent = UserAgent, IpAddress = IpAddress, Seal = Seal,
        };
    }
}

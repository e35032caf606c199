using Dapper;

namespace Richtsnoer.Storage.Protocols;

/// <summary>The part of the draft a form edits changed after the form was loaded; nothing was saved.</summary>
public sealed class ConcurrentChangeException(ProtocolDraft current)
    : Exception("The draft was changed by someone else after the form was loaded.")
{
    /// <summary>The draft as it is stored now.</summary>
    public ProtocolDraft Current { get; } = current;
}

/// <summary>
/// The organisation's draft. Every save that changes something also appends a <c>draft.changed</c>
/// entry to the audit trail in the same transaction: which answers, adapted clauses, own clauses
/// and alternatives changed (their ids, not their text).
/// </summary>
public sealed class ProtocolStore(Database database, AnswersCodec codec, Adoption.AuditStore audit)
{
    private const string Select =
        "SELECT organisation_id AS OrganisationId, answers AS Answers, status AS Status, current_step AS CurrentStep, revision AS Revision, updated_at AS UpdatedAt FROM protocols WHERE organisation_id = @organisationId";

    public async Task<ProtocolDraft?> GetAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select, new { organisationId });
        return row is null ? null : ToDraft(row);
    }

    /// <summary>
    /// Reads the draft, applies the change and writes it back only if nobody saved in between, so
    /// two people (or two instances) saving different steps never undo each other.
    /// </summary>
    public Task<ProtocolDraft> UpdateAsync(Guid organisationId, Guid userId, Action<ProtocolDraft> change, CancellationToken ct = default) =>
        UpdateAsync(organisationId, userId, null, change, ct);

    /// <summary>
    /// As <see cref="UpdateAsync(Guid, Guid, Action{ProtocolDraft}, CancellationToken)"/>, but first asks
    /// <paramref name="unchanged"/> whether the part the form edits is still as it was when the form
    /// was loaded; when not, nothing is written and <see cref="ConcurrentChangeException"/> carries the
    /// stored draft (optimistic concurrency: a stale save never overwrites someone else's change).
    /// </summary>
    /// <remarks>
    /// Reading, parsing the YAML, the change, the check and serialising all happen outside any
    /// transaction (decision 026). The write is one <c>UPDATE ... WHERE revision = @expected</c>
    /// with the audit entry in the same short transaction; when another save came in between (no
    /// row updated), the draft is read again and <paramref name="unchanged"/> and
    /// <paramref name="change"/> run again on it, so nothing is lost and a stale form is still refused.
    /// </remarks>
    public async Task<ProtocolDraft> UpdateAsync(Guid organisationId, Guid userId, Func<ProtocolDraft, bool>? unchanged, Action<ProtocolDraft> change, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        string? email = null;
        for (var attempt = 1; ; attempt++)
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(Select, new { organisationId })
                ?? throw new KeyNotFoundException($"No protocol for organisation {organisationId}.");
            var draft = ToDraft(row);
            if (unchanged is not null && !unchanged(draft))
            {
                throw new ConcurrentChangeException(draft);
            }

            var before = draft.Answers;
            change(draft);
            var answers = codec.Write(draft.Answers);
            var changes = Changes(before, draft.Answers);
            if (changes is not null)
            {
                email ??= await connection.ExecuteScalarAsync<string?>("SELECT email FROM users WHERE id = @userId", new { userId }) ?? userId.ToString();
                changes["revision"] = row.Revision + 1;
            }

            var at = DateTimeOffset.UtcNow;
            await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
            var written = await connection.ExecuteAsync(
                """
                UPDATE protocols SET answers = @answers, status = @status, current_step = @step, revision = @next, updated_at = @at, updated_by = @userId
                WHERE organisation_id = @organisationId AND revision = @expected
                """,
                new { organisationId, answers, status = ProtocolDraft.StatusName(draft.Status), step = draft.CurrentStep, next = row.Revision + 1, expected = row.Revision, at, userId },
                tx);
            if (written == 0)
            {
                // Someone saved after we read: start again from what is stored now.
                await tx.RollbackAsync(ct);
                if (attempt >= MaxAttempts)
                {
                    throw new ConcurrentChangeException(await GetAsync(organisationId, ct) ?? draft);
                }

                continue;
            }

            if (changes is not null)
            {
                await audit.AppendAsync(connection, tx, organisationId, new Adoption.Actor(userId, email!), "draft.changed", null, changes);
            }

            await tx.CommitAsync(ct);
            return new ProtocolDraft(organisationId, draft.Answers, draft.Status, draft.CurrentStep, row.Revision + 1, at);
        }
    }

    /// <summary>Saves that lose the race this often in a row give up with a conflict (nothing written).</summary>
    private const int MaxAttempts = 20;

    /// <summary>The ids of what changed between two answer sets, or null when nothing did.</summary>
    public static Dictionary<string, object>? Changes(Core.Answers.AnswerSet before, Core.Answers.AnswerSet after)
    {
        var result = new Dictionary<string, object>();
        var answers = before.Values.Keys.Union(after.Values.Keys)
            .Where(k => !Equals(before.Get(k), after.Get(k)))
            .Order(StringComparer.Ordinal).ToList();
        Add("answers", answers);
        var a = before.Customisations;
        var b = after.Customisations;
        Add("adapted", a.Adapted.Select(x => x.ClauseId).Union(b.Adapted.Select(x => x.ClauseId))
            .Where(id => !Equals(a.Adapted.FirstOrDefault(x => x.ClauseId == id), b.Adapted.FirstOrDefault(x => x.ClauseId == id))).ToList());
        Add("own", a.Custom.Select(x => x.Id).Union(b.Custom.Select(x => x.Id))
            .Where(id => !Same(a.Custom.FirstOrDefault(x => x.Id == id), b.Custom.FirstOrDefault(x => x.Id == id))).ToList());
        Add("alternatives", a.Alternatives.Keys.Union(b.Alternatives.Keys)
            .Where(k => a.Alternatives.GetValueOrDefault(k) != b.Alternatives.GetValueOrDefault(k)).ToList());
        return result.Count == 0 ? null : result;

        void Add(string key, List<string> ids)
        {
            if (ids.Count > 0)
            {
                result[key] = ids;
            }
        }

        static bool Same(Core.Answers.CustomClause? x, Core.Answers.CustomClause? y) =>
            x is null ? y is null : y is not null && x.SectionId == y.SectionId && x.Topics.SequenceEqual(y.Topics) && Equals(x.Nl, y.Nl) && Equals(x.En, y.En);
    }

    private ProtocolDraft ToDraft(Row row) =>
        new(row.OrganisationId, codec.Read(row.Answers, row.OrganisationId), row.Status, row.CurrentStep, row.Revision, row.UpdatedAt);

    private sealed class Row
    {
        public Guid OrganisationId { get; init; }

        public string Answers { get; init; } = string.Empty;

        public ProtocolStatus Status { get; init; }

        public string? CurrentStep { get; init; }

        public int Revision { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}

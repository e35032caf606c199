using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Storage.Adoption;

/// <summary>One thing wrong with the evidence, named precisely enough to find the row.</summary>
public sealed record EvidenceProblem(Guid OrganisationId, string What, string Reason)
{
    public override string ToString() => $"organisation {OrganisationId}: {What} {Reason}";
}

/// <summary>What a verification found, per organisation: entries, versions and files checked, and the first problem of each kind.</summary>
public sealed record EvidenceReport(int Organisations, int Entries, int Versions, int Files, IReadOnlyList<EvidenceProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Checks the evidence as docs/evidence.md describes: each organisation's audit chain; each
/// version's stored text against its SHA-256 and against the hash its <c>version.created</c>
/// entry recorded (so changing a text and its hash column together is still found); each
/// evidence file against the hash its entry recorded. Reads only.
/// </summary>
public sealed class EvidenceVerifier(Database database, AuditStore audit)
{
    public async Task<EvidenceReport> VerifyAsync(Guid? organisationId = null, CancellationToken ct = default)
    {
        var organisations = organisationId is { } one ? [one] : await audit.OrganisationsAsync(ct);
        var problems = new List<EvidenceProblem>();
        int entries = 0, versions = 0, files = 0;
        await using var connection = await database.OpenAsync(ct);
        foreach (var org in organisations)
        {
            var chain = await AuditStore.ListAsync(connection, null, org, null);
            entries += chain.Count;
            if (AuditChain.Verify(chain) is { } broken)
            {
                problems.Add(new EvidenceProblem(org, $"audit entry {broken.Sequence}", broken.Reason));
            }

            var recorded = chain.Where(e => e.Kind == "version.created" && e.VersionId is not null)
                .GroupBy(e => e.VersionId!.Value)
                .ToDictionary(g => g.Key, g => Property(g.First().Data, "sha256"));
            var rows = await connection.QueryAsync<(Guid Id, string Label, string Snapshot, string Sha256)>(
                "SELECT id, label, snapshot, sha256 FROM protocol_versions WHERE organisation_id = @org ORDER BY number", new { org });
            foreach (var v in rows)
            {
                versions++;
                var actual = VersionSnapshot.Hash(v.Snapshot);
                if (actual != v.Sha256)
                {
                    problems.Add(new EvidenceProblem(org, $"version {v.Label} ({v.Id})", $"its text does not match its SHA-256 (stored {v.Sha256}, computed {actual})"));
                }
                else if (!recorded.TryGetValue(v.Id, out var logged))
                {
                    problems.Add(new EvidenceProblem(org, $"version {v.Label} ({v.Id})", "has no version.created entry in the audit trail"));
                }
                else if (logged != actual)
                {
                    problems.Add(new EvidenceProblem(org, $"version {v.Label} ({v.Id})", $"its text is not the one the audit trail recorded (recorded {logged}, computed {actual})"));
                }
            }

            var fileHashes = chain.Select(e => FileOf(e.Data)).OfType<(Guid Id, string Sha)>().ToDictionary(f => f.Id, f => f.Sha);
            var stored = await connection.QueryAsync<(Guid Id, string Name, byte[] Content, string Sha256)>(
                "SELECT id, file_name, content, sha256 FROM evidence_files WHERE organisation_id = @org", new { org });
            foreach (var f in stored)
            {
                files++;
                var actual = Convert.ToHexStringLower(SHA256.HashData(f.Content));
                if (!fileHashes.TryGetValue(f.Id, out var logged) || logged != actual || f.Sha256 != actual)
                {
                    problems.Add(new EvidenceProblem(org, $"file {f.Name} ({f.Id})", "is not the file the audit trail recorded"));
                }
            }
        }

        return new EvidenceReport(organisations.Count, entries, versions, files, problems);
    }

    private static string? Property(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var p) ? p.GetString() : null;
    }

    private static (Guid, string)? FileOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.Object
            ? (f.GetProperty("id").GetGuid(), f.GetProperty("sha256").GetString() ?? string.Empty)
            : null;
    }
}

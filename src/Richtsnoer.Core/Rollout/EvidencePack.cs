using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Core.Rollout;

/// <summary>A batch of acknowledgements fixed by a Merkle root in the audit trail.</summary>
public sealed record Anchor(Guid Id, IReadOnlyList<Guid> Acknowledgements, string Root, AuditEntry Entry);

/// <summary>What a pack is made of: the version, its printed text, its acknowledgements and their anchors.</summary>
public sealed record EvidencePackInput(
    Guid OrganisationId,
    string OrganisationName,
    Guid VersionId,
    string VersionLabel,
    string SnapshotJson,
    byte[] ProtocolPdf,
    IReadOnlyList<AcknowledgementRecord> Records,
    IReadOnlyList<Anchor> Anchors,
    DateTimeOffset CreatedAt);

/// <summary>The outcome of checking a pack: null when everything adds up, else the first thing that does not.</summary>
public sealed record PackCheck(string? Problem, int Files, int Records, int Anchors)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// The evidence pack of one version (format <c>richtsnoer-evidence-pack-1</c>, docs/evidence.md):
/// a ZIP with the version's PDF, its frozen snapshot, every acknowledgement as CSV and JSON, the
/// anchors that fix them in the audit trail, and a manifest with the SHA-256 of each file.
/// <see cref="Verify"/> recomputes every hash and seal offline and names the first one that fails.
/// </summary>
public static class EvidencePack
{
    public const string Format = "richtsnoer-evidence-pack-1";

    public const string Manifest = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private static readonly string[] CsvColumns =
        [.. new AcknowledgementRecord
        {
            Id = Guid.Empty, OrganisationId = Guid.Empty, VersionId = Guid.Empty, VersionLabel = "", VersionSha256 = "", Language = "", StaffMemberId = Guid.Empty,
            StaffName = "", StaffEmail = "", Scope = AcknowledgementScope.Full, Statement = "", StatementSha256 = "", Method = "", AcknowledgedAt = default, Seal = "",
        }.Fields().Select(f => f.Name), "statement", "seal"];

    public static string PdfName(string label) => $"protocol-{label}.pdf";

    public static byte[] Build(EvidencePackInput input)
    {
        var files = new List<(string Name, byte[] Bytes)>
        {
            (PdfName(input.VersionLabel), input.ProtocolPdf),
            ("version.json", Encoding.UTF8.GetBytes(input.SnapshotJson)),
            ("acknowledgements.csv", Encoding.UTF8.GetBytes(Csv(input.Records))),
            ("acknowledgements.json", Encoding.UTF8.GetBytes(RecordsJson(input.Records))),
            ("anchors.json", Encoding.UTF8.GetBytes(AnchorsJson(input.Anchors))),
        };
        var manifest = ManifestText(input.OrganisationId, input.OrganisationName, input.VersionId, input.VersionLabel, input.CreatedAt, files.Select(f => (f.Name, Sha(f.Bytes), (long)f.Bytes.Length)).ToList());

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files.Prepend((Manifest, Encoding.UTF8.GetBytes(manifest))))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = input.CreatedAt;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The manifest's exact text; verification rebuilds it from what it read and compares byte for byte.</summary>
    public static string ManifestText(Guid organisationId, string organisationName, Guid versionId, string label, DateTimeOffset createdAt, IReadOnlyList<(string Name, string Sha256, long Bytes)> files)
    {
        var node = new JsonObject
        {
            ["format"] = Format,
            ["organisation"] = organisationId.ToString("D"),
            ["organisation_name"] = organisationName,
            ["version"] = versionId.ToString("D"),
            ["version_label"] = label,
            ["created_at"] = AcknowledgementRecord.Time(createdAt),
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["sha256"] = f.Sha256, ["bytes"] = f.Bytes }).ToArray()),
        };
        return node.ToJsonString(Json) + "\n";
    }

    public static string Csv(IReadOnlyList<AcknowledgementRecord> records)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var r in records)
        {
            var values = r.Fields().Select(f => f.Value).Append(r.Statement).Append(r.Seal);
            text.Append(string.Join(',', values.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    public static string RecordsJson(IReadOnlyList<AcknowledgementRecord> records)
    {
        var array = new JsonArray();
        foreach (var r in records)
        {
            var o = new JsonObject();
            foreach (var (name, value) in r.Fields())
            {
                o[name] = value;
            }

            o["statement"] = r.Statement;
            o["seal"] = r.Seal;
            array.Add(o);
        }

        return array.ToJsonString(Json) + "\n";
    }

    private static string AnchorsJson(IReadOnlyList<Anchor> anchors)
    {
        var array = new JsonArray();
        foreach (var a in anchors)
        {
            var e = a.Entry;
            array.Add(new JsonObject
            {
                ["id"] = a.Id.ToString("D"),
                ["root"] = a.Root,
                ["acknowledgements"] = new JsonArray(a.Acknowledgements.Select(id => (JsonNode)JsonValue.Create(id.ToString("D"))).ToArray()),
                ["audit_entry"] = new JsonObject
                {
                    ["sequence"] = e.Sequence,
                    ["organisation"] = e.OrganisationId.ToString("D"),
                    ["at"] = AcknowledgementRecord.Time(e.At),
                    ["actor_id"] = e.ActorId?.ToString("D"),
                    ["actor"] = e.Actor,
                    ["kind"] = e.Kind,
                    ["version"] = e.VersionId?.ToString("D"),
                    ["data"] = e.Data,
                    ["previous_hash"] = e.PreviousHash,
                    ["hash"] = e.Hash,
                },
            });
        }

        return array.ToJsonString(Json) + "\n";
    }

    /// <summary>Checks a pack: manifest, every file's hash, the snapshot's hash, every record's seal (JSON and CSV), every anchor.</summary>
    public static PackCheck Verify(Stream pack)
    {
        Dictionary<string, byte[]> files;
        try
        {
            using var zip = new ZipArchive(pack, ZipArchiveMode.Read, leaveOpen: true);
            files = [];
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                if (!files.TryAdd(entry.FullName, m.ToArray()))
                {
                    return Fail($"the pack holds {entry.FullName} twice");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return Fail($"not a readable ZIP file ({e.Message})");
        }

        if (!files.TryGetValue(Manifest, out var manifestBytes))
        {
            return Fail("manifest.json is missing");
        }

        JsonNode manifest;
        List<(string Name, string Sha256, long Bytes)> listed;
        try
        {
            manifest = JsonNode.Parse(manifestBytes) ?? throw new JsonException("empty");
            listed = manifest["files"]!.AsArray().Select(f => (f!["name"]!.GetValue<string>(), f["sha256"]!.GetValue<string>(), f["bytes"]!.GetValue<long>())).ToList();
            var rebuilt = ManifestText(
                Guid.Parse(manifest["organisation"]!.GetValue<string>()),
                manifest["organisation_name"]!.GetValue<string>(),
                Guid.Parse(manifest["version"]!.GetValue<string>()),
                manifest["version_label"]!.GetValue<string>(),
                DateTimeOffset.Parse(manifest["created_at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                listed);
            if (manifest["format"]?.GetValue<string>() != Format)
            {
                return Fail("manifest.json is not of format " + Format);
            }

            if (!Encoding.UTF8.GetBytes(rebuilt).AsSpan().SequenceEqual(manifestBytes))
            {
                return Fail("manifest.json is not in its exact form (changed bytes)");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return Fail($"manifest.json cannot be read ({e.Message})");
        }

        foreach (var (name, sha, bytes) in listed)
        {
            if (!files.TryGetValue(name, out var content))
            {
                return Fail($"{name} is listed in the manifest but missing");
            }

            if (content.LongLength != bytes || Sha(content) != sha)
            {
                return Fail($"{name}: SHA-256 {Sha(content)} differs from the manifest's {sha}");
            }
        }

        if (files.Keys.FirstOrDefault(n => n != Manifest && listed.All(l => l.Name != n)) is { } extra)
        {
            return Fail($"{extra} is in the pack but not in the manifest");
        }

        var label = manifest["version_label"]!.GetValue<string>();
        var versionId = manifest["version"]!.GetValue<string>();
        var organisation = manifest["organisation"]!.GetValue<string>();
        foreach (var required in new[] { "version.json", "acknowledgements.json", "acknowledgements.csv", "anchors.json", PdfName(label) })
        {
            if (!files.ContainsKey(required))
            {
                return Fail($"{required} is missing");
            }
        }

        var versionSha = Sha(files["version.json"]);
        List<AcknowledgementRecord> records;
        try
        {
            records = JsonNode.Parse(files["acknowledgements.json"])!.AsArray().Select(n => FromFields(n!.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty))).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return Fail($"acknowledgements.json cannot be read ({e.Message})");
        }

        var seen = new HashSet<Guid>();
        foreach (var r in records)
        {
            if (r.Problem() is { } problem)
            {
                return Fail($"acknowledgements.json, acknowledgement {r.Id}: the {problem} does not match its fields");
            }

            if (r.VersionSha256 != versionSha || r.VersionId.ToString("D") != versionId || r.VersionLabel != label || r.OrganisationId.ToString("D") != organisation)
            {
                return Fail($"acknowledgements.json, acknowledgement {r.Id}: belongs to another version or text than version.json");
            }

            if (!seen.Add(r.Id))
            {
                return Fail($"acknowledgements.json, acknowledgement {r.Id} appears twice");
            }
        }

        if (records.GroupBy(r => r.StaffMemberId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Fail($"acknowledgements.json: staff member {twice.Key} acknowledged this version twice");
        }

        var csvProblem = CheckCsv(Encoding.UTF8.GetString(files["acknowledgements.csv"]), records);
        if (csvProblem is not null)
        {
            return Fail("acknowledgements.csv: " + csvProblem);
        }

        var anchorProblem = CheckAnchors(files["anchors.json"], records, out var anchorCount);
        if (anchorProblem is not null)
        {
            return Fail("anchors.json: " + anchorProblem);
        }

        return new PackCheck(null, files.Count, records.Count, anchorCount);
    }

    private static string? CheckCsv(string text, List<AcknowledgementRecord> records)
    {
        var rows = ParseCsv(text);
        if (rows.Count == 0 || !rows[0].SequenceEqual(CsvColumns))
        {
            return "the header is not the documented one";
        }

        if (rows.Count - 1 != records.Count)
        {
            return $"{rows.Count - 1} rows for {records.Count} acknowledgements";
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Count != CsvColumns.Length)
            {
                return $"line {i + 1} has {rows[i].Count} fields instead of {CsvColumns.Length}";
            }

            var record = FromFields(CsvColumns.Zip(rows[i]).ToDictionary(p => p.First, p => p.Second));
            if (record.Problem() is { } problem)
            {
                return $"line {i + 1} (acknowledgement {record.Id}): the {problem} does not match its fields";
            }

            if (record != records[i - 1])
            {
                return $"line {i + 1} differs from acknowledgements.json";
            }
        }

        return null;
    }

    private static string? CheckAnchors(byte[] json, List<AcknowledgementRecord> records, out int count)
    {
        count = 0;
        var byId = records.ToDictionary(r => r.Id);
        var anchored = new HashSet<Guid>();
        try
        {
            foreach (var node in JsonNode.Parse(json)!.AsArray())
            {
                count++;
                var id = node!["id"]!.GetValue<string>();
                var root = node["root"]!.GetValue<string>();
                var members = node["acknowledgements"]!.AsArray().Select(m => Guid.Parse(m!.GetValue<string>())).ToList();
                foreach (var m in members)
                {
                    if (!byId.ContainsKey(m))
                    {
                        return $"anchor {id} names acknowledgement {m}, which is not in the pack (removed?)";
                    }

                    if (!anchored.Add(m))
                    {
                        return $"acknowledgement {m} is in two anchors";
                    }
                }

                var computed = MerkleTree.Root(members.Select(m => byId[m].Seal).ToList());
                if (computed != root)
                {
                    return $"anchor {id}: the Merkle root of its acknowledgements is {computed}, not {root}";
                }

                var e = node["audit_entry"]!;
                var entry = new AuditEntry(
                    e["sequence"]!.GetValue<long>(),
                    Guid.Parse(e["organisation"]!.GetValue<string>()),
                    DateTimeOffset.Parse(e["at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                    e["actor_id"]?.GetValue<string>() is { } actor ? Guid.Parse(actor) : null,
                    e["actor"]!.GetValue<string>(),
                    e["kind"]!.GetValue<string>(),
                    e["version"]?.GetValue<string>() is { } v ? Guid.Parse(v) : null,
                    e["data"]!.GetValue<string>(),
                    e["previous_hash"]!.GetValue<string>(),
                    e["hash"]!.GetValue<string>());
                if (AuditChain.Hash(entry.Sequence, entry.OrganisationId, entry.At, entry.ActorId, entry.Actor, entry.Kind, entry.VersionId, entry.Data, entry.PreviousHash) != entry.Hash)
                {
                    return $"anchor {id}: its audit entry {entry.Sequence} does not match its hash";
                }

                var data = JsonNode.Parse(entry.Data)!;
                if (entry.Kind != "acknowledgements.anchored" || data["anchor"]?.GetValue<string>() != id || data["root"]?.GetValue<string>() != root || data["count"]?.GetValue<int>() != members.Count)
                {
                    return $"anchor {id}: its audit entry {entry.Sequence} records another anchor, root or count";
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return $"cannot be read ({e.Message})";
        }

        var loose = records.FirstOrDefault(r => !anchored.Contains(r.Id));
        return loose is null ? null : $"acknowledgement {loose.Id} is in no anchor";
    }

    /// <summary>A record from its exported fields (names as in <see cref="AcknowledgementRecord.Fields"/>, plus statement and seal).</summary>
    public static AcknowledgementRecord FromFields(IReadOnlyDictionary<string, string> f)
    {
        if (f["recipe"] != AcknowledgementRecord.Recipe)
        {
            throw new FormatException($"unknown recipe '{f["recipe"]}'");
        }

        static DateTimeOffset? When(string s) => s.Length == 0 ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        static string? Text(string s) => s.Length == 0 ? null : s;
        return new AcknowledgementRecord
        {
            Id = Guid.Parse(f["id"]),
            OrganisationId = Guid.Parse(f["organisation"]),
            VersionId = Guid.Parse(f["version"]),
            VersionLabel = f["version_label"],
            VersionSha256 = f["version_sha256"],
            Language = f["language"],
            StaffMemberId = Guid.Parse(f["staff_member"]),
            StaffName = f["staff_name"],
            StaffEmail = f["staff_email"],
            Scope = AcknowledgementRecord.ParseScope(f["scope"]),
            SinceLabel = Text(f["since_label"]),
            StatementSha256 = f["statement_sha256"],
            Method = f["method"],
            LinkId = f["link"].Length == 0 ? null : Guid.Parse(f["link"]),
            SentAt = When(f["sent_at"]),
            OpenedAt = When(f["opened_at"]),
            AcknowledgedAt = When(f["acknowledged_at"]) ?? throw new FormatException("acknowledged_at is empty"),
            UserAgent = Text(f["user_agent"]),
            IpAddress = Text(f["ip"]),
            Statement = f["statement"],
            Seal = f["seal"],
        };
    }

    private static PackCheck Fail(string problem) => new(problem, 0, 0, 0);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>RFC 4180 as written by <see cref="Csv"/>: CRLF rows, quoted fields with doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Richtsnoer.Core.Rollout;

namespace Richtsnoer.Core.Tests.Rollout;

/// <summary>The evidence pack verifies when intact and names what broke when anything in it changed.</summary>
public sealed class EvidencePackTests
{
    private static Dictionary<string, byte[]> Files(byte[] pack)
    {
        using var zip = new ZipArchive(new MemoryStream(pack), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    /// <summary>A pack with these files, the manifest left as given (so only a byte changed) or rebuilt (so the tampering is consistent).</summary>
    private static byte[] Zip(Dictionary<string, byte[]> files, bool rebuildManifest)
    {
        if (rebuildManifest)
        {
            var manifest = JsonNode.Parse(files[EvidencePack.Manifest])!;
            var listed = manifest["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
            files[EvidencePack.Manifest] = Encoding.UTF8.GetBytes(EvidencePack.ManifestText(
                Guid.Parse(manifest["organisation"]!.GetValue<string>()), manifest["organisation_name"]!.GetValue<string>(), Guid.Parse(manifest["version"]!.GetValue<string>()),
                manifest["version_label"]!.GetValue<string>(), DateTimeOffset.Parse(manifest["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                listed.Select(n => (n, Convert.ToHexStringLower(SHA256.HashData(files[n])), (long)files[n].Length)).ToList()));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static PackCheck Verify(byte[] pack) => EvidencePack.Verify(new MemoryStream(pack));

    [Fact]
    public void An_intact_pack_verifies_with_every_record_and_anchor()
    {
        var check = Verify(PackSamples.Pack());
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(3, check.Records);
        Assert.Equal(1, check.Anchors);
        Assert.Equal(6, check.Files);
    }

    [Fact]
    public void A_changed_byte_anywhere_in_any_file_is_caught()
    {
        var files = Files(PackSamples.Pack());
        var caught = 0;
        foreach (var name in files.Keys)
        {
            var length = files[name].Length;
            foreach (var at in new[] { 0, length / 3, length / 2, length - 2, length - 1 }.Distinct())
            {
                var copy = files.ToDictionary(f => f.Key, f => (byte[])f.Value.Clone());
                copy[name][at] ^= 0x01;
                var check = Verify(Zip(copy, rebuildManifest: false));
                Assert.False(check.Intact, $"a changed byte at {at} of {name} went unnoticed");
                caught++;
            }
        }

        Assert.True(caught >= 25);
    }

    [Fact]
    public void A_changed_field_in_any_record_is_caught_even_with_a_consistent_manifest()
    {
        var original = Files(PackSamples.Pack());
        var json = JsonNode.Parse(original["acknowledgements.json"])!.AsArray();
        var names = json[0]!.AsObject().Select(p => p.Key).ToList();
        foreach (var name in names.Where(n => n != "seal"))
        {
            var files = original.ToDictionary(f => f.Key, f => f.Value);
            var records = JsonNode.Parse(files["acknowledgements.json"])!.AsArray();
            var value = records[1]![name]!.GetValue<string>();
            records[1]![name] = name.EndsWith("_at", StringComparison.Ordinal) && value.Length > 0 ? value.Replace(":15.", ":16.", StringComparison.Ordinal) : value + "x";
            files["acknowledgements.json"] = Encoding.UTF8.GetBytes(records.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            var check = Verify(Zip(files, rebuildManifest: true));
            Assert.False(check.Intact, $"a changed {name} went unnoticed");
            Assert.Contains("acknowledgements.json", check.Problem);
        }

        // The same in the CSV: a row whose field changed no longer matches its seal.
        var csv = Encoding.UTF8.GetString(original["acknowledgements.csv"]);
        var tampered = original.ToDictionary(f => f.Key, f => f.Value);
        tampered["acknowledgements.csv"] = Encoding.UTF8.GetBytes(csv.Replace("medewerker2@voorbeeld.nl", "iemand@voorbeeld.nl", StringComparison.Ordinal));
        var csvCheck = Verify(Zip(tampered, rebuildManifest: true));
        Assert.False(csvCheck.Intact);
        Assert.StartsWith("acknowledgements.csv: line 3", csvCheck.Problem);
    }

    [Fact]
    public void A_record_taken_out_or_resealed_is_caught_by_the_anchor()
    {
        // Resealed: a changed field with a recomputed seal passes the seal check, not the Merkle root.
        var r = PackSamples.Record(2);
        var forged = AcknowledgementRecord.Sealed(r with { AcknowledgedAt = r.AcknowledgedAt.AddDays(-30), Seal = string.Empty });
        var records = new[] { PackSamples.Record(1), forged, PackSamples.Record(3) };
        var anchoredWithOriginal = PackSamples.Pack(records, _ => [PackSamples.Record(1), r, PackSamples.Record(3)]);
        var check = Verify(anchoredWithOriginal);
        Assert.False(check.Intact);
        Assert.Contains("Merkle root", check.Problem);

        // Taken out: the anchor names a record the pack no longer has.
        var files = Files(PackSamples.Pack());
        var json = JsonNode.Parse(files["acknowledgements.json"])!.AsArray();
        json.RemoveAt(1);
        files["acknowledgements.json"] = Encoding.UTF8.GetBytes(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        var lines = Encoding.UTF8.GetString(files["acknowledgements.csv"]).Split("\r\n").ToList();
        lines.RemoveAt(2);
        files["acknowledgements.csv"] = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        var removed = Verify(Zip(files, rebuildManifest: true));
        Assert.False(removed.Intact);
        Assert.Contains("anchors.json", removed.Problem);
    }

    [Fact]
    public void Broken_or_foreign_files_get_a_clear_answer()
    {
        Assert.StartsWith("not a readable ZIP file", Verify(Encoding.ASCII.GetBytes("dit is geen zip")).Problem);
        var files = Files(PackSamples.Pack());
        files.Remove(EvidencePack.Manifest);
        Assert.Equal("manifest.json is missing", Verify(Zip(files, rebuildManifest: false)).Problem);
        var extra = Files(PackSamples.Pack());
        extra["extra.txt"] = [1, 2, 3];
        Assert.Equal("extra.txt is in the pack but not in the manifest", Verify(Zip(extra, rebuildManifest: false)).Problem);
    }
}

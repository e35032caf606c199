using System.IO.Compression;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Rollout;

namespace Richtsnoer.Cli.Tests;

/// <summary><c>richtsnoer evidence verify</c> on a pack made by the same code the web app uses.</summary>
public sealed class EvidenceCommandTests
{
    private static string Pack(string dir)
    {
        var org = Guid.NewGuid();
        var version = Guid.NewGuid();
        const string snapshot = "{\"label\":\"1.0\"}";
        var at = AcknowledgementRecord.Microseconds(DateTimeOffset.UtcNow);
        var record = AcknowledgementRecord.Sealed(new AcknowledgementRecord
        {
            Id = Guid.NewGuid(), OrganisationId = org, VersionId = version, VersionLabel = "1.0", VersionSha256 = VersionSnapshot.Hash(snapshot), Language = "nl",
            StaffMemberId = Guid.NewGuid(), StaffName = "Mira de Wit", StaffEmail = "mira@voorbeeld.nl", Scope = AcknowledgementScope.Full,
            Statement = "Ik heb versie 1.0 gelezen en begrepen.", StatementSha256 = "", Method = "email-link", AcknowledgedAt = at, Seal = "",
        });
        var anchor = Guid.NewGuid();
        var root = MerkleTree.Root([record.Seal]);
        var data = $"{{\"anchor\":\"{anchor:D}\",\"count\":1,\"root\":\"{root}\"}}";
        var hash = AuditChain.Hash(1, org, at, null, "Richtsnoer", "acknowledgements.anchored", version, data, AuditChain.Genesis);
        var bytes = EvidencePack.Build(new EvidencePackInput(org, "Drukkerij", version, "1.0", snapshot, "%PDF-1.7\n%%EOF\n"u8.ToArray(), [record],
            [new Anchor(anchor, [record.Id], root, new AuditEntry(1, org, at, null, "Richtsnoer", "acknowledgements.anchored", version, data, AuditChain.Genesis, hash))], at));
        var file = Path.Combine(dir, "bewijspakket-1.0.zip");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    [Fact]
    public void An_intact_pack_passes_and_a_changed_byte_names_the_file()
    {
        var dir = CliRunner.TempDir();
        var pack = Pack(dir);
        var ok = CliRunner.Run("evidence", "verify", pack);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("1 acknowledgements, 1 anchors checked: intact", ok.Out);

        using (var zip = ZipFile.Open(pack, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("protocol-1.0.pdf")!;
            byte[] content;
            using (var s = entry.Open())
            using (var m = new MemoryStream())
            {
                s.CopyTo(m);
                content = m.ToArray();
            }

            content[3] ^= 1;
            entry.Delete();
            using var w = zip.CreateEntry("protocol-1.0.pdf").Open();
            w.Write(content);
        }

        var broken = CliRunner.Run("evidence", "verify", pack);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("BROKEN protocol-1.0.pdf: SHA-256", broken.Out);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var r = CliRunner.Run("evidence", "verify", Path.Combine(CliRunner.TempDir(), "bestaat-niet.zip"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("niet gevonden", r.Error);
    }
}

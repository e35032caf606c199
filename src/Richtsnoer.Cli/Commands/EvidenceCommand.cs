using System.CommandLine;
using Richtsnoer.Core.Rollout;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>evidence verify PACK.zip</c>: checks a version's evidence pack offline (docs/evidence.md):
/// the manifest and every file's SHA-256, the version's fingerprint, every acknowledgement's
/// statement hash and seal (in the JSON and in the CSV), and every anchor's Merkle root and audit
/// entry. Names the first thing that does not match. Exit 0: intact; 1: broken or unreadable.
/// </summary>
public static class EvidenceCommand
{
    public static Command Create()
    {
        var pack = new Argument<FileInfo>("pack") { Description = "Het bewijspakket (ZIP) / the evidence pack (ZIP)" };
        var verify = new Command("verify", "Controleer een bewijspakket: bestanden, zegels en verankering / verify an evidence pack: files, seals and anchoring") { pack };
        verify.SetAction(parse =>
        {
            var file = parse.GetValue(pack)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden / file not found: {file.FullName}");
                return Cli.UsageError;
            }

            PackCheck check;
            using (var stream = file.OpenRead())
            {
                check = EvidencePack.Verify(stream);
            }

            if (!check.Intact)
            {
                Console.WriteLine("BROKEN " + check.Problem);
                return Cli.InvalidInput;
            }

            Console.WriteLine($"{check.Files} files, {check.Records} acknowledgements, {check.Anchors} anchors checked: intact");
            return Cli.Ok;
        });

        return new Command("evidence", "Het bewijs van kennisname / the evidence of acknowledgement") { verify };
    }
}

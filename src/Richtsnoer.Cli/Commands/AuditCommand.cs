using System.CommandLine;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Adoption;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>audit verify</c>: checks the evidence in a Richtsnoer database (the audit chain of every
/// organisation, every version's text against its fingerprint, every uploaded letter) and names
/// the first broken entry, version or file. Reads only; SQLite is opened read-only.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "sqlite of postgres; standaard Richtsnoer__Database__Provider of sqlite / sqlite or postgres; default Richtsnoer__Database__Provider or sqlite",
        };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var database = new Option<string>("--database")
        {
            Description = "Het SQLite-bestand of de verbindingsreeks; standaard Richtsnoer__Database__ConnectionString / the SQLite file or connection string; default Richtsnoer__Database__ConnectionString",
        };
        var organisation = new Option<Guid?>("--organisation") { Description = "Alleen deze organisatie / only this organisation" };

        var verify = new Command("verify", "Controleer het bewijs: logboek, versies en brieven / verify the evidence: audit trail, versions and letters")
        {
            provider, database, organisation,
        };
        verify.SetAction(parse =>
        {
            var kind = parse.GetValue(provider) ?? Environment.GetEnvironmentVariable("Richtsnoer__Database__Provider") ?? "sqlite";
            var target = parse.GetValue(database) ?? Environment.GetEnvironmentVariable("Richtsnoer__Database__ConnectionString");
            if (string.IsNullOrWhiteSpace(target))
            {
                Console.Error.WriteLine("Geef de database met --database (of Richtsnoer__Database__ConnectionString). / Give the database with --database (or Richtsnoer__Database__ConnectionString).");
                return Cli.UsageError;
            }

            var options = new DatabaseOptions { Provider = kind == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite };
            if (options.Provider == DatabaseProvider.Sqlite && !target.Contains('='))
            {
                if (!File.Exists(target))
                {
                    Console.Error.WriteLine($"Bestand niet gevonden / file not found: {target}");
                    return Cli.UsageError;
                }

                target = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = target, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString();
            }

            options.ConnectionString = target;
            var db = new Database(options);
            EvidenceReport report;
            try
            {
                report = new EvidenceVerifier(db, new AuditStore(db, TimeProvider.System)).VerifyAsync(parse.GetValue(organisation)).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                Console.Error.WriteLine($"De database kon niet worden gelezen / the database could not be read: {e.Message}");
                return Cli.InvalidInput;
            }

            foreach (var p in report.Problems)
            {
                Console.WriteLine("BROKEN " + p);
            }

            Console.WriteLine($"{report.Organisations} organisation(s), {report.Entries} audit entries, {report.Versions} versions, {report.Files} files checked: "
                + (report.Intact ? "intact" : $"{report.Problems.Count} problem(s)"));
            return report.Intact ? Cli.Ok : Cli.InvalidInput;
        });

        return new Command("audit", "Het bewijs van vaststelling en uitrol / the evidence of adoption and roll-out") { verify };
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Load;

// Roll-out burst: N staff acknowledge one version through HTTP, against the Release web app as a
// child process on 127.0.0.1, with a fresh database (SQLite or PostgreSQL). Bounded: a fixed number
// of workers, at most 200 attempts per person, and a global timeout after which everything stops.
// See docs/benchmarks.md, "Roll-out burst: 10,000 acknowledgements".
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

using var global = new CancellationTokenSource(options.Timeout);
var deadline = DateTimeOffset.UtcNow + options.Timeout;
var repo = Options.RepoRoot();
var dll = options.App ?? new[]
{
    Path.Combine(repo, "artifacts", "bin", "Richtsnoer.Web", "release", "Richtsnoer.Web.dll"),
    Path.Combine(repo, "src", "Richtsnoer.Web", "bin", "Release", "net10.0", "Richtsnoer.Web.dll"),
}.FirstOrDefault(File.Exists);
if (dll is null)
{
    Console.Error.WriteLine("Build the web app first: dotnet build -c Release src/Richtsnoer.Web");
    return 2;
}

var work = Directory.CreateTempSubdirectory("richtsnoer-load-").FullName;
var log = Path.Combine(work, "server.log");
var environment = new Dictionary<string, string>
{
    // Reminders and anchoring run on their default schedule (every 60 s), as in production.
    ["Richtsnoer__DataDirectory"] = Path.Combine(work, "data"),
    // All 10,000 "employees" come from 127.0.0.1: the per-IP bucket of the account forms (which
    // also covers asking for a new staff link) would otherwise refuse the ones who need a new
    // link after a kill. Per-account and per-user limits stay as they are.
    ["Richtsnoer__RateLimits__AccountPerMinute"] = "100000",
};
if (options.Interview)
{
    // Each simulated owner checks a post after every step, more often than the 30 a minute a
    // person is allowed; the limiter is not what is measured here.
    environment["Richtsnoer__RateLimits__PostCheckPerMinute"] = "100000";
    environment["Richtsnoer__RateLimits__ApiPerMinute"] = "100000";
}
else
{
    // The burst figures in docs/benchmarks.md were measured with the workstation GC.
    environment["DOTNET_gcServer"] = "0";
}

foreach (var (k, v) in options.Env)
{
    environment[k] = v;
}

switch (options.Gc)
{
    case "workstation": environment["DOTNET_gcServer"] = "0"; break;
    case "server": environment["DOTNET_gcServer"] = "1"; break;
    case "datas": environment["DOTNET_gcServer"] = "1"; environment["DOTNET_GCDynamicAdaptationMode"] = "1"; break;
    case "server-nodatas": environment["DOTNET_gcServer"] = "1"; environment["DOTNET_GCDynamicAdaptationMode"] = "0"; break;
}
string? pgDatabase = null;
Store store;
if (options.Postgres)
{
    pgDatabase = $"richtsnoer_load_{Guid.NewGuid():N}"[..30];
    await using (var admin = new NpgsqlConnection(options.PostgresAdmin))
    {
        await admin.OpenAsync(global.Token);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
        await create.ExecuteNonQueryAsync(global.Token);
    }

    var connectionString = new NpgsqlConnectionStringBuilder(options.PostgresAdmin) { Database = pgDatabase }.ConnectionString;
    environment["Richtsnoer__Database__Provider"] = "postgres";
    environment["Richtsnoer__Database__ConnectionString"] = connectionString;
    store = new Store(true, connectionString);
}
else
{
    store = new Store(false, $"Data Source={Path.Combine(work, "data", "richtsnoer.db")};Pooling=False");
}

var result = new Dictionary<string, object?>
{
    ["database"] = options.Postgres ? "postgres" : "sqlite",
    ["mode"] = options.Mode,
    ["workers"] = options.Workers,
    ["staff"] = options.Staff,
    ["started"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
};
var server = new Server(dll, Server.FreePort(), environment, log);
var exit = 1;
// Whatever happens (the global timeout included), the child process does not outlive this program.
using var stop = global.Token.Register(() => server.Kill());
AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
Console.CancelKeyPress += (_, _) => server.Kill();
try
{
    Say($"work folder {work}; app {dll}; port {server.Port}; {(options.Postgres ? "PostgreSQL database " + pgDatabase : "SQLite")}");
    var startup = await server.StartAsync(TimeSpan.FromSeconds(60), global.Token);
    Say($"server up in {startup.TotalSeconds:F1} s");
    if (options.Interview)
    {
        exit = await InterviewRun.RunAsync(options, server, store, result, deadline, global.Token, Say);
        return exit;
    }

    // Setup over HTTP, as the owner would do it.
    var setup = Stopwatch.StartNew();
    using var owner = new Owner(server.BaseAddress);
    await owner.RegisterAsync();
    var org = await owner.CreateOrganisationAsync("Load Test BV");
    await owner.CompleteInterviewAsync(org);
    var t = Stopwatch.StartNew();
    var added = await owner.ImportStaffAsync(org, Owner.Csv(options.Staff));
    result["import_seconds"] = Math.Round(t.Elapsed.TotalSeconds, 2);
    Say($"imported {added} staff in {t.Elapsed.TotalSeconds:F1} s");
    if (added != options.Staff)
    {
        throw new InvalidOperationException($"import added {added}, expected {options.Staff}");
    }

    var version = await owner.CreateVersionAsync(org);
    t.Restart();
    await owner.PublishAsync(org, version);
    result["publish_seconds"] = Math.Round(t.Elapsed.TotalSeconds, 2);
    Say($"published version 1.0 ({version}) in {t.Elapsed.TotalSeconds:F1} s (this queues the invitations)");

    // The employees open their mail: one personal link each, from the outbox.
    var mails = await store.MailsAsync("rollout-invitation", ct: global.Token);
    var people = mails.Select((m, i) => new Person(i, m.To, Burst.TokenIn(m.Text) ?? throw new InvalidOperationException("no link in " + m.Text))).ToList();
    if (people.Count != options.Staff || people.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Staff)
    {
        throw new InvalidOperationException($"{people.Count} invitations in the outbox, expected one each for {options.Staff}");
    }

    result["setup_seconds"] = Math.Round(setup.Elapsed.TotalSeconds, 1);
    Say($"setup done in {setup.Elapsed.TotalSeconds:F1} s; {people.Count} links; burst with {options.Workers} workers");

    // The burst, with kill -9 at the chosen numbers of recorded acknowledgements in durability mode.
    var burst = new Burst(server, org, store, options.Workers, deadline);
    var kills = new List<Dictionary<string, object>>();
    var cpuServer0 = server.ProcessorTime();
    var cpuSelf0 = Process.GetCurrentProcess().TotalProcessorTime;
    var machine0 = Cpu.Read();
    var clock = Stopwatch.StartNew();
    var running = burst.RunAsync(people, global.Token);
    var serverCpuBeforeKills = TimeSpan.Zero;
    if (options.Durability)
    {
        foreach (var at in options.KillAt)
        {
            while (Volatile.Read(ref burst.RecordedCount) < at && !running.IsCompleted)
            {
                await Task.Delay(5, global.Token);
            }

            if (running.IsCompleted)
            {
                break;
            }

            var recordedAtKill = Volatile.Read(ref burst.RecordedCount);
            serverCpuBeforeKills += server.ProcessorTime();
            var killedAt = clock.Elapsed;
            server.Kill();
            Say($"kill -9 at {killedAt.TotalSeconds:F2} s with {recordedAtKill} recorded");
            var up = await server.StartAsync(TimeSpan.FromSeconds(60), global.Token);
            Say($"restarted, answering again after {up.TotalSeconds:F2} s");
            kills.Add(new() { ["at_seconds"] = Math.Round(killedAt.TotalSeconds, 2), ["recorded_before"] = recordedAtKill, ["down_seconds"] = Math.Round(up.TotalSeconds, 2) });
        }
    }

    var total = await running;
    var machine1 = Cpu.Read();
    var cpuServer = serverCpuBeforeKills + server.ProcessorTime() - cpuServer0;
    var cpuSelf = Process.GetCurrentProcess().TotalProcessorTime - cpuSelf0;

    var recorded = people.Where(p => p.Recorded).ToList();
    var foundDone = people.Count(p => p.FoundDone);
    var failed = people.Where(p => p.Failed || (!p.Recorded && !p.FoundDone)).ToList();
    result["total_seconds"] = Math.Round(total.TotalSeconds, 2);
    result["acks_per_second"] = Math.Round(people.Count / total.TotalSeconds, 1);
    result["recorded_302_done"] = recorded.Count;
    result["found_done_after_lost_answer"] = foundDone;
    result["failed_people"] = failed.Count;
    result["transport_errors"] = burst.TransportErrors;
    result["people_with_retries"] = people.Count(p => p.Retries > 0);
    result["unexpected_status"] = burst.UnexpectedStatus;
    result["status_counts"] = burst.StatusCounts.ToDictionary();
    result["new_links"] = people.Sum(p => p.NewLinks);
    result["ack_post_ms"] = Percentiles(burst.AckPost);
    result["flow_ms"] = Percentiles(burst.Flow);
    result["signin_get_ms"] = Percentiles(burst.SignInGet);
    result["signin_post_ms"] = Percentiles(burst.SignInPost);
    result["read_get_ms"] = Percentiles(burst.ReadGet);
    result["cpu_seconds_server"] = Math.Round(cpuServer.TotalSeconds, 1);
    result["cpu_seconds_load_program"] = Math.Round(cpuSelf.TotalSeconds, 1);
    result["machine_busy_percent"] = Math.Round(Cpu.BusyPercent(machine0, machine1), 0);
    result["kills"] = kills;
    Say($"burst: {people.Count} people in {total.TotalSeconds:F2} s ({people.Count / total.TotalSeconds:F0}/s); recorded (302 done) {recorded.Count}, found done {foundDone}, failed {failed.Count}; transport errors {burst.TransportErrors}, unexpected {burst.UnexpectedStatus}");
    foreach (var f in failed.Take(5))
    {
        Say($"  failed: {f.Email}: {f.LastError}");
    }

    // Durability: every 302-to-done is in the database, nobody twice, all N present; the pack verifies.
    var perPerson = await store.AcknowledgementsPerPersonAsync(global.Token);
    var missing = recorded.Where(p => !perPerson.ContainsKey(p.Email)).Select(p => p.Email).ToList();
    var twice = perPerson.Where(kv => kv.Value > 1).Select(kv => kv.Key).ToList();
    var maxPerMember = await store.MaxPerStaffMemberAsync(global.Token);
    var rows = await store.ScalarAsync("SELECT COUNT(*) FROM acknowledgements", global.Token);
    result["db_rows"] = rows;
    result["db_recorded_missing"] = missing.Count;
    result["db_people_twice"] = twice.Count;
    result["db_max_rows_per_staff_member"] = maxPerMember;
    Say($"database: {rows} acknowledgements; of the {recorded.Count} answered 302-to-done {missing.Count} missing; {twice.Count} people twice (max {maxPerMember} per staff member)");

    t.Restart();
    var (packStatus, pack) = await owner.DownloadAsync($"/o/{org}/rollout?handler=pack&versionId={version}");
    var packSeconds = t.Elapsed.TotalSeconds;
    // Kept with --keep, for `richtsnoer evidence verify` by hand.
    await File.WriteAllBytesAsync(Path.Combine(work, "evidence-pack.zip"), pack, global.Token);
    var check = packStatus == System.Net.HttpStatusCode.OK ? EvidencePack.Verify(new MemoryStream(pack)) : new PackCheck($"HTTP {(int)packStatus}", 0, 0, 0);
    result["pack_seconds"] = Math.Round(packSeconds, 2);
    result["pack_bytes"] = pack.Length;
    result["pack_intact"] = check.Intact;
    result["pack_problem"] = check.Problem;
    result["pack_records"] = check.Records;
    result["pack_anchors"] = check.Anchors;
    Say($"evidence pack: {pack.Length:N0} bytes in {packSeconds:F1} s; Verify: {(check.Intact ? "intact" : "BROKEN: " + check.Problem)}, {check.Records} records, {check.Anchors} anchors");

    var ok = failed.Count == 0 && missing.Count == 0 && twice.Count == 0 && maxPerMember <= 1 && rows == options.Staff && check.Intact && check.Records == options.Staff;
    result["ok"] = ok;
    exit = ok ? 0 : 1;
    Say(ok ? "OK" : "NOT OK");
}
catch (Exception e) when (e is not OperationCanceledException || global.IsCancellationRequested)
{
    result["error"] = e.Message;
    Console.Error.WriteLine(global.IsCancellationRequested ? $"global timeout of {options.Timeout} reached; stopped" : e.ToString());
    exit = global.IsCancellationRequested ? 3 : 1;
}
finally
{
    server.Dispose();
    result["server_log"] = log;
    var json = JsonSerializer.Serialize(result);
    Console.WriteLine("RESULT " + json);
    if (options.Results is { } file)
    {
        File.AppendAllText(file, json + Environment.NewLine);
    }

    if (pgDatabase is not null && !options.Keep)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    if (!options.Keep && exit == 0)
    {
        Directory.Delete(work, recursive: true);
    }
}

return exit;

static void Say(string text) => Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss.fff}] {text}");

static Dictionary<string, double> Percentiles(Series s) => new()
{
    ["n"] = s.Count,
    ["p50"] = Math.Round(s.Percentile(50), 1),
    ["p95"] = Math.Round(s.Percentile(95), 1),
    ["p99"] = Math.Round(s.Percentile(99), 1),
    ["max"] = Math.Round(s.Max, 1),
};

/// <summary>The command line: --db sqlite|postgres, --mode burst|durability, --workers, --staff, --kill-at, --timeout-minutes, --results, --keep.</summary>
internal sealed record Options(bool Postgres, bool Durability, int Workers, int Staff, int[] KillAt, TimeSpan Timeout, string PostgresAdmin, string? App, string? Results, bool Keep)
{
    /// <summary>burst, durability, interview or interview-durability.</summary>
    public string Mode { get; init; } = "burst";

    public bool Interview => Mode.StartsWith("interview", StringComparison.Ordinal);

    /// <summary>Interview: simulated owners, seconds of the loop, mean think time between requests (ms), seconds at which to kill -9.</summary>
    public int Users { get; init; } = 50;

    public int Seconds { get; init; } = 60;

    public int ThinkMs { get; init; } = 500;

    public int Warmup { get; init; } = 20;

    /// <summary>Extra environment for the server (--env NAME=VALUE, repeatable), e.g. a GC setting to compare.</summary>
    public List<KeyValuePair<string, string>> Env { get; init; } = [];

    public double[] KillAfter { get; init; } = [];

    /// <summary>app (as the web app is built), workstation, server, datas, server-nodatas.</summary>
    public string Gc { get; init; } = "app";

    public const string Usage =
        """
        usage: dotnet run -c Release --project bench/Richtsnoer.Load -- [--db sqlite|postgres] [--mode burst|durability|interview|interview-durability]
               [--workers 64] [--staff 10000] [--kill-at 2500,6000] [--timeout-minutes 10]
               [--users 50] [--seconds 60] [--warmup 20] [--think-ms 500] [--kill-after 20,40] [--gc app|workstation|server|datas|server-nodatas] [--env NAME=VALUE]
               [--postgres "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres"] [--app path/Richtsnoer.Web.dll]
               [--results results.jsonl] [--keep]
        """;

    public static Options? Parse(string[] args)
    {
        var o = new Options(false, false, 64, 10_000, [2_500, 6_000], TimeSpan.FromMinutes(10), "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres", null, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db": o = o with { Postgres = Next() switch { "postgres" => true, "sqlite" => false, var x => throw new ArgumentException("--db " + x) } }; break;
                case "--mode":
                    var mode = Next();
                    o = mode switch
                    {
                        "durability" => o with { Durability = true, Mode = mode },
                        "burst" or "interview" or "interview-durability" => o with { Durability = false, Mode = mode },
                        _ => throw new ArgumentException("--mode " + mode),
                    };
                    break;
                case "--users": o = o with { Users = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 500) }; break;
                case "--seconds": o = o with { Seconds = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 5, 600) }; break;
                case "--env":
                    var pair = Next().Split('=', 2);
                    o.Env.Add(new(pair[0], pair.Length > 1 ? pair[1] : string.Empty));
                    break;
                case "--warmup": o = o with { Warmup = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 0, 300) }; break;
                case "--think-ms": o = o with { ThinkMs = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 0, 10_000) }; break;
                case "--kill-after": o = o with { KillAfter = Next().Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray() }; break;
                case "--gc": o = o with { Gc = Next() is var gc && gc is "app" or "workstation" or "server" or "datas" or "server-nodatas" ? gc : throw new ArgumentException("--gc " + gc) }; break;
                case "--workers": o = o with { Workers = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 256) }; break;
                case "--staff": o = o with { Staff = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 10_000) }; break;
                case "--kill-at": o = o with { KillAt = Next().Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() }; break;
                case "--timeout-minutes": o = o with { Timeout = TimeSpan.FromMinutes(Math.Clamp(double.Parse(Next(), CultureInfo.InvariantCulture), 0.5, 30)) }; break;
                case "--postgres": o = o with { PostgresAdmin = Next() }; break;
                case "--app": o = o with { App = Path.GetFullPath(Next()) }; break;
                case "--results": o = o with { Results = Path.GetFullPath(Next()) }; break;
                case "--keep": o = o with { Keep = true }; break;
                default: return null;
            }
        }

        var host = new NpgsqlConnectionStringBuilder(o.PostgresAdmin).Host;
        if (o.Postgres && host is not ("127.0.0.1" or "localhost" or "::1"))
        {
            throw new ArgumentException("the load program only talks to this machine (127.0.0.1)");
        }

        return o;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Machine-wide CPU from /proc/stat: how busy both cores were during the burst.</summary>
internal static class Cpu
{
    public static (long Busy, long Total) Read()
    {
        try
        {
            var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = parts[3] + parts[4];
            var total = parts.Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    public static double BusyPercent((long Busy, long Total) a, (long Busy, long Total) b) =>
        b.Total == a.Total ? double.NaN : 100.0 * (b.Busy - a.Busy) / (b.Total - a.Total);
}

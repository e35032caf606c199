using System.Diagnostics;
using System.Globalization;

namespace Richtsnoer.Load;

/// <summary>
/// The interview scenario (issue 16): N owners sign up, create an organisation and go through the
/// interview, then for a fixed time loop over the steps (GET, live preview, save), a PDF download
/// and a post check. Reported per request type: p50/p95/p99/max, errors, throughput; the server's
/// CPU (cores busy) and resident memory (peak, and every 10 s to see whether it levels off). In
/// mode interview-durability the server is killed (SIGKILL) at the given seconds and started again
/// on the same database; every save that was answered 302 must be stored afterwards.
/// </summary>
internal static class InterviewRun
{
    public static async Task<int> RunAsync(Options options, Server server, Store store, Dictionary<string, object?> result, DateTimeOffset deadline, CancellationToken ct, Action<string> say)
    {
        result["users"] = options.Users;
        result["seconds"] = options.Seconds;
        result["think_ms"] = options.ThinkMs;
        result["gc"] = options.Gc;
        result["load_average_before"] = LoadAverage();

        // Setup: eight owners at a time (the password hash is deliberately slow).
        var setup = Stopwatch.StartNew();
        var users = new InterviewUser[options.Users];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    users[i] = await InterviewLoad.SetUpAsync(server.BaseAddress, i);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        result["setup_seconds"] = Math.Round(setup.Elapsed.TotalSeconds, 1);
        var (rssAfterSetup, _) = server.Memory();
        result["rss_mb_after_setup"] = Math.Round(rssAfterSetup);
        say($"setup: {options.Users} owners registered, organisations created, interviews done in {setup.Elapsed.TotalSeconds:F1} s; server RSS {rssAfterSetup:F0} MB");

        var durability = options.Mode == "interview-durability";
        var kills = durability ? (options.KillAfter.Length > 0 ? options.KillAfter : [options.Seconds / 3.0, options.Seconds * 2 / 3.0]) : [];
        var load = new InterviewLoad(options.ThinkMs, deadline);
        var end = DateTimeOffset.UtcNow.AddSeconds(options.Warmup + options.Seconds);
        var running = load.RunAsync(users, end, ct);

        // Warm-up: the same loop, not counted (the JIT's tier-up of a fresh process, the pools).
        if (options.Warmup > 0)
        {
            say($"warm-up {options.Warmup} s");
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(options.Warmup), ct));
        }

        result["warmup_seconds"] = options.Warmup;
        load.Measuring = true;
        var cpuServer0 = server.ProcessorTime();
        var cpuSelf0 = Process.GetCurrentProcess().TotalProcessorTime;
        var machine0 = Cpu.Read();
        var clock = Stopwatch.StartNew();
        var (rssAtStart, _) = server.Memory();
        result["rss_mb_after_warmup"] = Math.Round(rssAtStart);

        // Memory every second (peak) and every 10 s (the curve); kills at their moments.
        var peakRss = 0.0;
        var curve = new List<double>();
        var killLog = new List<Dictionary<string, object>>();
        var serverCpuBeforeKills = TimeSpan.Zero;
        var nextKill = 0;
        var killProblems = 0;
        var nextSample = 10.0;
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(1000, ct));
            var (rss, _) = server.Memory();
            peakRss = Math.Max(peakRss, rss);
            if (clock.Elapsed.TotalSeconds >= nextSample)
            {
                curve.Add(Math.Round(rss));
                nextSample += 10;
            }

            if (nextKill < kills.Length && clock.Elapsed.TotalSeconds >= kills[nextKill] && !running.IsCompleted)
            {
                var savesBefore = Interlocked.Read(ref load.Saves);
                serverCpuBeforeKills += server.ProcessorTime();
                var at = clock.Elapsed;
                server.Kill();
                say($"kill -9 at {at.TotalSeconds:F1} s with {savesBefore} saves answered 302");

                // While the server is down nothing can overwrite: every save answered 302 so far
                // must be in the database now, not only its successor after the restart.
                var snapshot = users.Select(u => (u, (IReadOnlyDictionary<string, int>)u.Acknowledged.ToDictionary())).ToList();
                var lost = await InterviewLoad.VerifyAsync(store, snapshot, ct);
                killProblems += lost.Count;
                say($"  while down: {snapshot.Sum(x => x.Item2.Count)} acknowledged texts checked in the database, {lost.Count} missing");
                foreach (var p in lost.Take(5))
                {
                    say("    " + p);
                }
                var up = await server.StartAsync(TimeSpan.FromSeconds(60), ct);
                say($"restarted, answering again after {up.TotalSeconds:F2} s");
                killLog.Add(new() { ["at_seconds"] = Math.Round(at.TotalSeconds, 1), ["saves_before"] = savesBefore, ["down_seconds"] = Math.Round(up.TotalSeconds, 2), ["missing_while_down"] = killProblems });
                nextKill++;
            }
        }

        await running;
        var wall = clock.Elapsed;
        var machine1 = Cpu.Read();
        var cpuServer = serverCpuBeforeKills + server.ProcessorTime() - cpuServer0;
        var cpuSelf = Process.GetCurrentProcess().TotalProcessorTime - cpuSelf0;
        var (_, hwm) = server.Memory();

        var requests = load.Latency.Values.Sum(s => s.Count);
        result["load_average_after"] = LoadAverage();
        result["loop_seconds"] = Math.Round(wall.TotalSeconds, 1);
        result["requests"] = requests;
        result["requests_per_second"] = Math.Round(requests / wall.TotalSeconds, 1);
        result["saves_answered_302"] = load.Saves;
        result["errors"] = load.Errors.ToDictionary();
        result["transport_errors"] = load.TransportErrors;
        result["status_counts"] = load.StatusCounts.ToDictionary();
        foreach (var (kind, series) in load.Latency)
        {
            result[kind.Replace(' ', '_').ToLowerInvariant() + "_ms"] = new Dictionary<string, double>
            {
                ["n"] = series.Count,
                ["per_s"] = Math.Round(series.Count / wall.TotalSeconds, 1),
                ["p50"] = Math.Round(series.Percentile(50), 1),
                ["p95"] = Math.Round(series.Percentile(95), 1),
                ["p99"] = Math.Round(series.Percentile(99), 1),
                ["max"] = Math.Round(series.Max, 1),
            };
        }

        result["cpu_seconds_server"] = Math.Round(cpuServer.TotalSeconds, 1);
        result["server_cores_busy"] = Math.Round(cpuServer.TotalSeconds / wall.TotalSeconds, 2);
        result["cpu_seconds_load_program"] = Math.Round(cpuSelf.TotalSeconds, 1);
        result["machine_busy_percent"] = Math.Round(Cpu.BusyPercent(machine0, machine1), 0);
        result["rss_mb_peak_during_loop"] = Math.Round(peakRss);
        result["rss_mb_high_water_mark"] = Math.Round(hwm);
        result["rss_mb_every_10s"] = curve;
        result["kills"] = killLog;

        say($"{requests} requests in {wall.TotalSeconds:F1} s ({requests / wall.TotalSeconds:F0}/s); server {cpuServer.TotalSeconds / wall.TotalSeconds:F2} cores busy; machine {Cpu.BusyPercent(machine0, machine1):F0} % busy; load program {cpuSelf.TotalSeconds:F1} s CPU; load average {LoadAverage()}");
        say($"{"request",-16} {"n",6} {"/s",6} {"p50",8} {"p95",8} {"p99",8} {"max",8}  errors");
        foreach (var (kind, s) in load.Latency)
        {
            say($"{kind,-16} {s.Count,6} {s.Count / wall.TotalSeconds,6:F1} {s.Percentile(50),8:F1} {s.Percentile(95),8:F1} {s.Percentile(99),8:F1} {s.Max,8:F1}  {load.Errors.GetValueOrDefault(kind)}");
        }

        say($"server RSS: peak during the loop {peakRss:F0} MB, high-water mark {hwm:F0} MB; every 10 s: {string.Join(", ", curve)}");
        if (load.StatusCounts.Count > 0)
        {
            say("unexpected: " + string.Join(", ", load.StatusCounts.Select(kv => $"{kv.Key}: {kv.Value}")));
        }

        // Every save answered 302 is in the database (checked in every mode; the point of the kill run).
        var problems = await InterviewLoad.VerifyAsync(store, users, ct);
        var acknowledged = users.Sum(u => u.Acknowledged.Count);
        result["verified_fields"] = acknowledged;
        result["verify_problems"] = problems.Count;
        say($"verify: {acknowledged} acknowledged texts checked against the database, {problems.Count} problems");
        foreach (var p in problems.Take(10))
        {
            say("  " + p);
        }

        foreach (var u in users)
        {
            u.Owner.Dispose();
        }

        var errors = load.Errors.Values.Sum() + (durability ? 0 : load.TransportErrors);
        result["missing_while_down"] = killProblems;
        var ok = problems.Count == 0 && killProblems == 0 && errors == 0 && (!durability || killLog.Count == kills.Length);
        result["ok"] = ok;
        say(ok ? "OK" : "NOT OK");
        return ok ? 0 : 1;
    }

    /// <summary>The 1, 5 and 15 minute load averages of the machine (from /proc/loadavg).</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Richtsnoer.Load;

/// <summary>
/// The Release web app as a child process on 127.0.0.1 and a free port. Its output goes straight to
/// a log file (through the shell's redirection, so this program spends no CPU on it). Kill sends
/// SIGKILL; Start again reuses the same port and database.
/// </summary>
public sealed class Server(string dll, int port, IReadOnlyDictionary<string, string> environment, string logFile) : IDisposable
{
    private Process? process;

    public int Port => port;

    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    public int Starts { get; private set; }

    /// <summary>The server's process id while it runs (0 when not).</summary>
    public int Pid => process is { HasExited: false } p ? p.Id : 0;

    /// <summary>Extra environment for the next start only (e.g. a GC setting to compare).</summary>
    public Dictionary<string, string> Extra { get; } = [];

    /// <summary>Resident set now and its peak (VmRSS, VmHWM from /proc) in MB; zeros when not running.</summary>
    public (double Rss, double Peak) Memory()
    {
        try
        {
            var pid = Pid;
            if (pid == 0)
            {
                return (0, 0);
            }

            double rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line) / 1024.0;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kb(line) / 1024.0;
                }
            }

            return (rss, peak);
        }
        catch (IOException)
        {
            return (0, 0);
        }

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app and waits until /health answers 200 (at most <paramref name="timeout"/>); returns the time it took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        Starts++;
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
        };
        // exec: the shell becomes dotnet, so the process id is the server's and SIGKILL hits it.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec dotnet '{dll}' >> '{logFile}' 2>&1");
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (k, v) in environment.Concat(Extra))
        {
            info.Environment[k] = v;
        }

        process?.Dispose();
        File.AppendAllText(logFile, $"===== start {Starts} at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        process = Process.Start(info) ?? throw new InvalidOperationException("could not start the web app");
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with {process.ExitCode}; see {logFile}");
            }

            try
            {
                using var response = await probe.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"the web app did not answer /health within {timeout}; see {logFile}");
    }

    /// <summary>kill -9: no shutdown, no flush, open transactions simply end.</summary>
    public void Kill()
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: false);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Disposed already, or never started.
        }
    }

    /// <summary>Total processor time of the server process so far (for a rough CPU split).</summary>
    public TimeSpan ProcessorTime()
    {
        try
        {
            return process is { HasExited: false } ? process.TotalProcessorTime : TimeSpan.Zero;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        process = null;
    }
}

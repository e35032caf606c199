using System.Diagnostics;

namespace Richtsnoer.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real command-line tool (richtsnoer.dll beside the tests) as a user would.</summary>
public static class CliRunner
{
    public static string RepoRoot { get; } = Path.GetFullPath(typeof(CliRunner).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!);

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", "answers", name + ".yaml");

    public static IEnumerable<string> Examples =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "examples", "answers"), "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();

    public static CliResult RunWithInput(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "richtsnoer.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("richtsnoer " + string.Join(' ', args));
        }

        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "richtsnoer-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

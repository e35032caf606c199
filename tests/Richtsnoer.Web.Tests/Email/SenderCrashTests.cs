using System.Diagnostics;
using System.Globalization;
using Richtsnoer.Core;
using Richtsnoer.Storage.Email;
using Richtsnoer.Web.Tests.Infrastructure;
using SmtpServer.Protocol;

namespace Richtsnoer.Web.Tests.Email;

/// <summary>
/// A real web instance (its own process) drains the outbox and is killed (SIGKILL) in the middle
/// of a batch; a second sender takes over once the dead one's lease has run out.
/// </summary>
public sealed class SenderCrashTests
{
    private const int Messages = 200;
    private const int KillAt = 50;

    [Fact]
    public async Task A_sender_killed_mid_batch_loses_nothing_and_repeats_at_most_the_one_message_it_had_not_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db.Postgres);
        var store = new OutboxStore(scratch.Database, TimeProvider.System);
        for (var i = 0; i < Messages; i++)
        {
            await store.EnqueueAsync(new OutgoingEmail("member-invited", Language.Nl, $"medewerker{i:D3}@example.test", null, new("Onderwerp", "Tekst", "<p>Tekst</p>")), ct);
        }

        await using var smtp = await TestSmtpServer.StartAsync();
        Process? instance = null;
        var arrivals = 0;
        smtp.Answer = _ =>
        {
            if (Interlocked.Increment(ref arrivals) != KillAt)
            {
                return null;
            }

            // The instance dies while its message is on the wire: the server never answers 250.
            instance!.Kill(entireProcessTree: true);
            return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "connection lost");
        };

        instance = StartInstance(scratch.Database.ConnectionString, smtp.Port);
        try
        {
            var exited = await Task.Run(() => instance.WaitForExit(TimeSpan.FromSeconds(60)), ct);
            Assert.True(exited, "the instance was not killed: " + (exited ? "" : await ReadAllAsync(instance)));
        }
        finally
        {
            if (!instance.HasExited)
            {
                instance.Kill(entireProcessTree: true);
            }
        }

        var acceptedBeforeKill = smtp.Accepted.Count;
        Assert.Equal(KillAt - 1, acceptedBeforeKill);
        var counts = await store.CountsAsync(ct);
        Assert.Equal(Messages, counts.Values.Sum());
        Assert.True(counts.GetValueOrDefault(OutboxStatus.Sent) <= acceptedBeforeKill);
        Assert.True(counts.GetValueOrDefault(OutboxStatus.Sending) is > 0 and <= 10, "the dead instance still holds its claimed batch");

        // Another sender picks up everything once the dead instance's lease (3 s) has passed.
        await Task.Delay(TimeSpan.FromSeconds(3.5), ct);
        var options = new Richtsnoer.Email.EmailOptions
        {
            Smtp = new Richtsnoer.Email.SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None },
        };
        var sender = new Richtsnoer.Email.OutboxSender(store, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Richtsnoer.Email.OutboxSender>.Instance);
        await sender.SendDueAsync(ct);

        var ids = smtp.Accepted.Select(m => m.MessageId).ToList();
        Assert.Equal(Messages, ids.Distinct().Count());
        var duplicates = ids.Count - ids.Distinct().Count();
        Assert.True(duplicates <= 1, $"{duplicates} messages were accepted twice");
        Assert.Equal(Messages, (await store.CountsAsync(ct))[OutboxStatus.Sent]);
        TestContext.Current.SendDiagnosticMessage($"sender killed at message {KillAt} of {Messages}: {acceptedBeforeKill} accepted before, all {Messages} delivered after the takeover, {duplicates} accepted twice");
    }

    private static Process StartInstance(string connectionString, int smtpPort)
    {
        var configuration = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Richtsnoer.Web", configuration, "Richtsnoer.Web.dll"));
        Assert.True(File.Exists(dll), "the web app is not built at " + dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        env["Richtsnoer__Database__Provider"] = "postgres";
        env["Richtsnoer__Database__ConnectionString"] = connectionString;
        env["Richtsnoer__Email__Smtp__Host"] = "127.0.0.1";
        env["Richtsnoer__Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        env["Richtsnoer__Email__Smtp__Security"] = "None";
        env["Richtsnoer__Email__Lease"] = "00:00:03";
        env["Richtsnoer__Email__Smtp__TimeoutSeconds"] = "1";
        env["Richtsnoer__Email__BatchSize"] = "10";
        env["Richtsnoer__Email__PollInterval"] = "00:00:00.200";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Output.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Output = new();

    private static async Task<string> ReadAllAsync(Process process)
    {
        string errors;
        try
        {
            errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            errors = "(no error output)";
        }

        return errors + "\n" + string.Join("\n", Output.TakeLast(15));
    }
}

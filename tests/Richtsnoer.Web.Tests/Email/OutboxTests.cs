using Dapper;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Richtsnoer.Core;
using Richtsnoer.Core.Email;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Web.Tests.Infrastructure;
using SmtpServer.Protocol;

namespace Richtsnoer.Web.Tests.Email;

/// <summary>The outbox and its sender against a real SMTP server, on SQLite and on PostgreSQL.</summary>
public abstract class OutboxTests(Db db)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected Db Db { get; } = db;

    protected static EmailOptions Options(int port, int maxAttempts = 8) => new()
    {
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 },
        From = "richtsnoer@bakkerij.test",
        MaxAttempts = maxAttempts,
    };

    /// <summary>A clock at <see cref="Start"/> and the outbox on the scratch database that reads it.</summary>
    protected static (ManualTime Time, OutboxStore Store) Outbox(ScratchDatabase scratch)
    {
        var time = new ManualTime(Start);
        return (time, new OutboxStore(scratch.Database, time));
    }

    protected static OutboxSender Sender(OutboxStore store, EmailOptions options, TimeProvider time) =>
        new(store, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<OutboxSender>.Instance);

    protected static OutgoingEmail Message(string to, Language language = Language.Nl, string organisation = "Bakkerij De Korst") =>
        new("member-invited", language, to, null,
            EmailTemplates.Default.Render("member-invited", language, new Dictionary<string, string>
            {
                ["organisation"] = organisation,
                ["invited_by"] = "eigenaar@bakkerij.test",
                ["days"] = "7",
                ["link"] = "https://richtsnoer.test/o/1",
            }));

    [Fact]
    public async Task A_queued_message_arrives_as_text_and_html_in_the_recipients_language_with_a_stable_message_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        await using var smtp = await TestSmtpServer.StartAsync();
        var (time, store) = Outbox(scratch);

        var id = await store.EnqueueAsync(Message("sanne@example.test", Language.En, "Bakkerij <b>De Korst</b> & Zn"), ct);
        Assert.Equal(1, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));

        var mail = Assert.Single(smtp.Accepted);
        Assert.Equal("sanne@example.test", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Equal("richtsnoer@bakkerij.test", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Equal("Invitation to work on the social media protocol of Bakkerij <b>De Korst</b> & Zn", mail.Subject);
        Assert.Equal($"{id:N}@bakkerij.test", mail.MessageId);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains("Bakkerij <b>De Korst</b> & Zn", mail.TextBody);
        Assert.Contains("Accept the invitation through this link", mail.TextBody);
        Assert.DoesNotContain("Goedendag", mail.TextBody);
        Assert.Contains("Bakkerij &lt;b&gt;De Korst&lt;/b&gt; &amp; Zn", mail.HtmlBody);
        Assert.DoesNotContain("<b>De Korst", mail.HtmlBody);
        Assert.Contains("href=\"https://richtsnoer.test/o/1\"", mail.HtmlBody);

        var row = await store.FindAsync(id, ct);
        Assert.Equal(OutboxStatus.Sent, row!.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Start, row.SentAt);

        // Sent once: a second round finds nothing.
        Assert.Equal(0, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task A_message_queued_in_a_transaction_that_rolls_back_is_never_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        await using var smtp = await TestSmtpServer.StartAsync();
        var (time, store) = Outbox(scratch);

        await using (var connection = await scratch.Database.OpenAsync(ct))
        {
            await using var tx = await scratch.Database.Dialect.BeginWriteAsync(connection, ct);
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@id, 'Teruggedraaid', @at)", new { id = Guid.NewGuid(), at = Start }, tx);
            await store.EnqueueAsync(connection, tx, Message("niemand@example.test"));
            await tx.RollbackAsync(ct);
        }

        var committed = await store.EnqueueAsync(Message("wel@example.test"), ct);
        Assert.Equal(1, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
        var mail = Assert.Single(smtp.Accepted);
        Assert.Equal($"{committed:N}@bakkerij.test", mail.MessageId);
        Assert.Equal(0, (await store.CountsAsync(ct)).GetValueOrDefault(OutboxStatus.Pending));
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_after_the_back_off_and_then_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        await using var smtp = await TestSmtpServer.StartAsync();
        var refusals = 1;
        smtp.Answer = _ => refusals-- > 0 ? new SmtpResponse(SmtpReplyCode.Aborted, "try again later") : null;
        var (time, store) = Outbox(scratch);
        var options = Options(smtp.Port);
        var id = await store.EnqueueAsync(Message("later@example.test"), ct);

        Assert.Equal(0, await Sender(store, options, time).SendDueAsync(ct));
        var row = await store.FindAsync(id, ct);
        Assert.Equal(OutboxStatus.Pending, row!.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Start + options.RetryDelay, row.NextAttemptAt);
        Assert.Contains("451", row.LastError);

        // Not due yet.
        time.Advance(options.RetryDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Sender(store, options, time).SendDueAsync(ct));
        Assert.Empty(smtp.Accepted);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Sender(store, options, time).SendDueAsync(ct));
        Assert.Single(smtp.Accepted);
        row = await store.FindAsync(id, ct);
        Assert.Equal(OutboxStatus.Sent, row!.Status);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_at_once_and_the_others_still_go()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Answer = m => m.To.Mailboxes.Any(x => x.Address.StartsWith("bestaat-niet", StringComparison.Ordinal))
            ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such mailbox")
            : null;
        var (time, store) = Outbox(scratch);
        var bad = await store.EnqueueAsync(Message("bestaat-niet@example.test"), ct);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var good = await store.EnqueueAsync(Message("wel@example.test"), ct);

        Assert.Equal(1, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
        var failed = await store.FindAsync(bad, ct);
        Assert.Equal(OutboxStatus.Failed, failed!.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
        Assert.Equal(OutboxStatus.Sent, (await store.FindAsync(good, ct))!.Status);

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
    }

    [Fact]
    public async Task An_unreachable_server_keeps_messages_queued_with_growing_waits_until_the_last_attempt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        var (time, store) = Outbox(scratch);
        var options = Options(TestSmtpServer.FreePort(), maxAttempts: 3);
        var id = await store.EnqueueAsync(Message("een@example.test"), ct);

        var waits = new List<TimeSpan>();
        for (var round = 1; round <= 3; round++)
        {
            Assert.Equal(0, await Sender(store, options, time).SendDueAsync(ct));
            var row = await store.FindAsync(id, ct);
            Assert.Equal(round, row!.Attempts);
            Assert.NotNull(row.LastError);
            if (round < 3)
            {
                Assert.Equal(OutboxStatus.Pending, row.Status);
                waits.Add(row.NextAttemptAt - time.Now);
                time.Advance(row.NextAttemptAt - time.Now);
            }
            else
            {
                Assert.Equal(OutboxStatus.Failed, row.Status);
            }
        }

        Assert.Equal([options.RetryDelay, options.RetryDelay * 2], waits);
    }

    [Fact]
    public async Task When_the_connection_fails_the_rest_of_the_batch_is_handed_back_untried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        var (time, store) = Outbox(scratch);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await store.EnqueueAsync(Message($"m{i}@example.test"), ct));
        }

        Assert.Equal(0, await Sender(store, Options(TestSmtpServer.FreePort()), time).SendDueAsync(ct));
        var rows = new List<OutboxMessage>();
        foreach (var id in ids)
        {
            rows.Add((await store.FindAsync(id, ct))!);
        }

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.Equal([0, 0, 1], rows.Select(r => r.Attempts).Order());

        // With the server back, all three go out (the untried two at once, the tried one after its wait).
        await using var smtp = await TestSmtpServer.StartAsync();
        Assert.Equal(2, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Sender(store, Options(smtp.Port), time).SendDueAsync(ct));
        Assert.Equal(3, smtp.Accepted.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Without_smtp_nothing_is_sent_and_messages_stay_pending()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        var (time, store) = Outbox(scratch);
        var id = await store.EnqueueAsync(Message("iemand@example.test"), ct);
        Assert.Equal(0, await Sender(store, new EmailOptions(), time).SendDueAsync(ct));
        var row = await store.FindAsync(id, ct);
        Assert.Equal(OutboxStatus.Pending, row!.Status);
        Assert.Equal(0, row.Attempts);
    }
}

public sealed class OutboxTestsOnSqlite() : OutboxTests(Db.Sqlite);

public sealed class OutboxTestsOnPostgres() : OutboxTests(Db.Postgres)
{
    [Fact]
    public async Task Two_senders_on_one_database_deliver_1000_messages_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateMigratedAsync(Db);
        await using var smtp = await TestSmtpServer.StartAsync();
        var store = new OutboxStore(scratch.Database, TimeProvider.System);
        var content = Message("x@example.test").Content;
        await using (var connection = await scratch.Database.OpenAsync(ct))
        {
            await using var tx = await scratch.Database.Dialect.BeginWriteAsync(connection, ct);
            for (var i = 0; i < 1000; i++)
            {
                await store.EnqueueAsync(connection, tx, new OutgoingEmail("member-invited", Language.Nl, $"medewerker{i:D4}@example.test", null, content));
            }

            await tx.CommitAsync(ct);
        }

        // Two senders as two instances would run them: separate stores, separate connections.
        var a = Sender(new OutboxStore(scratch.Database, TimeProvider.System), Options(smtp.Port), TimeProvider.System);
        var b = Sender(new OutboxStore(scratch.Database, TimeProvider.System), Options(smtp.Port), TimeProvider.System);
        var counts = await Task.WhenAll(Task.Run(() => a.SendDueAsync(ct), ct), Task.Run(() => b.SendDueAsync(ct), ct));

        Assert.Equal(1000, counts.Sum());
        Assert.True(counts.All(c => c > 0), $"both senders took part: {counts[0]} and {counts[1]}");
        var ids = smtp.Accepted.Select(m => m.MessageId).ToList();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Equal(1000, (await store.CountsAsync(ct))[OutboxStatus.Sent]);
        TestContext.Current.SendDiagnosticMessage($"1000 messages: sender A {counts[0]}, sender B {counts[1]}, duplicates 0");
    }
}

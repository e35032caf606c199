using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Security finding 5: two people with the same form open both saved, and the second silently
/// overwrote the first. Now a stale save is refused (409) with the other person's answer shown and
/// the typed text kept; saving again is a deliberate choice.
/// </summary>
public abstract class ConcurrentEditTests(AppFixture fixture)
{
    private async Task<(WebSession Owner, WebSession Editor, Guid Org)> TwoPeopleAsync(bool complete)
    {
        var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Samen Bewerken BV");
        if (complete)
        {
            await Flows.CompleteInterviewAsync(owner, org);
        }

        var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);
        return (owner, editor, org);
    }

    [Fact]
    public async Task A_stale_save_of_an_interview_step_is_refused_and_keeps_what_was_typed()
    {
        var (owner, editor, org) = await TwoPeopleAsync(complete: false);
        using var _ = owner;
        using var __ = editor;
        await owner.GetAsync($"/o/{org}/interview/contacts");
        await editor.GetAsync($"/o/{org}/interview/contacts");

        await owner.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.escalation_contact.name"] = ["Team Eigenaar"], ["q.escalation_contact.email"] = ["eigenaar@voorbeeld.nl"] }, ("nav", "save"));
        await editor.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.escalation_contact.name"] = ["Team Redacteur"], ["q.escalation_contact.email"] = ["redacteur@voorbeeld.nl"] }, ("nav", "save"));

        Assert.Equal(HttpStatusCode.Conflict, editor.Status);
        Assert.Contains("Iemand anders heeft deze stap net opgeslagen", editor.Text(".conflict"));
        Assert.Contains("Team Eigenaar", editor.Text(".conflict"));
        Assert.Equal("Team Redacteur", editor.Page.QuerySelector("#q-escalation_contact")!.GetAttribute("value"));

        await owner.GetAsync($"/o/{org}/interview/contacts");
        Assert.Equal("Team Eigenaar", owner.Page.QuerySelector("#q-escalation_contact")!.GetAttribute("value"));

        // Saving again from the conflict page is a deliberate choice and goes through.
        await editor.SubmitAsync("#wizard", button: ("nav", "save"));
        Assert.Equal("/organisations?saved=1", editor.Url);
        await owner.GetAsync($"/o/{org}/interview/contacts");
        Assert.Equal("Team Redacteur", owner.Page.QuerySelector("#q-escalation_contact")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Many_saves_at_once_to_one_draft_lose_nothing_and_each_is_in_the_audit_trail()
    {
        var owner = fixture.App.Session();
        using var _ = owner;
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Gelijktijdig BV");
        var store = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Protocols.ProtocolStore>();
        var audit = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Adoption.AuditStore>();
        var user = (await fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Organisations.OrganisationStore>().ListMembersAsync(org)).Single().UserId;
        var before = (await store.GetAsync(org))!.Revision;
        var ids = new[] { "org_name", "spokespersons", "workplace", "people_served", "review_owner" };

        // Saves of different answers at the same moment, each read before any of them wrote.
        var ready = new TaskCompletionSource();
        var saves = ids.Select(id => Task.Run(async () =>
        {
            await ready.Task;
            await store.UpdateAsync(org, user, d => d.RecordAnswers("information", d.Answers.With(id, new Core.Answers.TextAnswer("waarde van " + id))));
        })).ToList();
        ready.SetResult();
        await Task.WhenAll(saves);

        var after = (await store.GetAsync(org))!;
        Assert.Equal(before + ids.Length, after.Revision);
        foreach (var id in ids)
        {
            Assert.Equal("waarde van " + id, after.Answers.Text(id));
        }

        var changes = (await audit.ListAsync(org)).Where(e => e.Kind == "draft.changed").ToList();
        Assert.Equal(ids.Length, changes.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), changes.SelectMany(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_save_whose_part_changed_after_it_was_read_is_refused_even_when_the_revision_moved_on()
    {
        var owner = fixture.App.Session();
        using var _ = owner;
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Verouderd BV");
        var store = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Protocols.ProtocolStore>();
        var user = (await fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Organisations.OrganisationStore>().ListMembersAsync(org)).Single().UserId;
        await store.UpdateAsync(org, user, d => d.RecordAnswers("information", d.Answers.With("workplace", new Core.Answers.TextAnswer("eerst"))));

        // The form was loaded when workplace was "eerst"; someone saved "tweede" meanwhile.
        await store.UpdateAsync(org, user, d => d.RecordAnswers("information", d.Answers.With("workplace", new Core.Answers.TextAnswer("tweede"))));
        var conflict = await Assert.ThrowsAsync<Richtsnoer.Storage.Protocols.ConcurrentChangeException>(() =>
            store.UpdateAsync(org, user, d => d.Answers.Text("workplace") == "eerst", d => d.RecordAnswers("information", d.Answers.With("workplace", new Core.Answers.TextAnswer("derde")))));
        Assert.Equal("tweede", conflict.Current.Answers.Text("workplace"));
        Assert.Equal("tweede", (await store.GetAsync(org))!.Answers.Text("workplace"));
    }

    [Fact]
    public async Task Saving_another_step_meanwhile_is_not_a_conflict()
    {
        var (owner, editor, org) = await TwoPeopleAsync(complete: false);
        using var _ = owner;
        using var __ = editor;
        await editor.GetAsync($"/o/{org}/interview/contacts");
        await Flows.AnswerStepAsync(owner, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["ict"] });
        await editor.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.escalation_contact.name"] = ["Team Redacteur"], ["q.escalation_contact.email"] = ["redacteur@voorbeeld.nl"] }, ("nav", "save"));
        Assert.Equal("/organisations?saved=1", editor.Url);
    }

    [Fact]
    public async Task A_stale_adaptation_of_a_clause_is_refused_and_shows_the_other_text()
    {
        var (owner, editor, org) = await TwoPeopleAsync(complete: true);
        using var _ = owner;
        using var __ = editor;
        await owner.GetAsync($"/o/{org}/protocol");
        var link = owner.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        await owner.GetAsync(link);
        await editor.GetAsync(link);

        await owner.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Text"] = ["De tekst van de eigenaar."] });
        Assert.Contains("saved=1", owner.Url);
        await editor.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Text"] = ["De tekst van de redacteur."] });

        Assert.Equal(HttpStatusCode.Conflict, editor.Status);
        Assert.Contains("De tekst van de eigenaar.", editor.Text(".conflict"));
        Assert.Equal("De tekst van de redacteur.", editor.Page.QuerySelector("textarea#f-Text")!.TextContent.Trim());

        await owner.GetAsync(link);
        Assert.Equal("De tekst van de eigenaar.", owner.Page.QuerySelector("textarea#f-Text")!.TextContent.Trim());

        // Restoring the original from a stale form is refused the same way.
        await editor.GetAsync(link);
        await owner.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Text"] = ["Nog een versie van de eigenaar."] });
        await editor.SubmitAsync("form.restore");
        Assert.Equal(HttpStatusCode.Conflict, editor.Status);
        Assert.Contains("Nog een versie van de eigenaar.", editor.Text(".conflict"));
    }
}

[Collection("sqlite")]
public sealed class ConcurrentEditTestsOnSqlite(SqliteFixture f) : ConcurrentEditTests(f);

[Collection("postgres")]
public sealed class ConcurrentEditTestsOnPostgres(PostgresFixture f) : ConcurrentEditTests(f);

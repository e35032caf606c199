using System.Net;
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

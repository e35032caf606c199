using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Accounts;

/// <summary>Handing an organisation over, deleting it, and deleting one's own account.</summary>
public abstract class LifecycleTests(AppFixture fixture)
{
    private async Task<(WebSession Owner, string OwnerEmail, WebSession Editor, string EditorEmail, Guid Org)> TwoPeopleAsync(string name)
    {
        var owner = fixture.App.Session();
        var ownerEmail = await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, name);
        var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);
        return (owner, ownerEmail, editor, editorEmail, org);
    }

    [Fact]
    public async Task The_only_owner_cannot_delete_the_account_until_the_organisation_is_handed_over()
    {
        var (owner, ownerEmail, editor, editorEmail, org) = await TwoPeopleAsync("Overdracht BV");
        using var _ = owner;
        using var __ = editor;

        await owner.GetAsync("/account/delete");
        Assert.Contains("nog eigenaar", owner.Text(".warning"));
        Assert.Contains("Overdracht BV", owner.Text(".warning"));
        await owner.PostAsync("/account/delete", [new("__RequestVerificationToken", owner.Token()), new("Password", Flows.Password)]);
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);

        // Editors cannot open the settings; the owner hands over to the editor.
        await editor.GetAsync($"/o/{org}/settings");
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await owner.GetAsync($"/o/{org}/settings");
        await owner.SubmitAsync("form[action*='handler=transfer']");
        Assert.Contains("overgedragen", owner.Text(".notice"));
        await owner.GetAsync($"/o/{org}/settings");
        Assert.Equal(HttpStatusCode.Forbidden, owner.Status);
        await editor.GetAsync($"/o/{org}/settings");
        Assert.Equal(HttpStatusCode.OK, editor.Status);

        await owner.GetAsync("/account/delete");
        await owner.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Password"] = ["niet mijn wachtwoord"] });
        Assert.Contains("niet uw wachtwoord", owner.Text("#e-Password"));
        await owner.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Password"] = [Flows.Password] });
        Assert.Contains("verwijderd", owner.Text(".notice"));

        using var again = fixture.App.Session();
        await Flows.LoginAsync(again, ownerEmail);
        Assert.Contains("horen niet bij elkaar", again.Text("#e-Password"));
        await editor.GetAsync($"/o/{org}/members");
        Assert.DoesNotContain(ownerEmail, editor.Text("table.list"));
        Assert.Contains(editorEmail, editor.Text("table.list"));
    }

    [Fact]
    public async Task Deleting_an_organisation_needs_its_exact_name_and_removes_it_for_everyone()
    {
        var (owner, _, editor, _, org) = await TwoPeopleAsync("Weg <Ermee> BV");
        using var __ = owner;
        using var ___ = editor;
        await owner.GetAsync($"/o/{org}/settings");
        await owner.SubmitAsync("form[action*='handler=delete']", new Dictionary<string, string[]> { ["ConfirmName"] = ["Weg Ermee BV"] });
        Assert.Contains("precies", owner.Text("#e-ConfirmName"));

        await owner.SubmitAsync("form[action*='handler=delete']", new Dictionary<string, string[]> { ["ConfirmName"] = ["Weg <Ermee> BV"] });
        Assert.StartsWith("/organisations", owner.Url);
        Assert.Contains("verwijderd", owner.Text(".notice"));
        await owner.GetAsync($"/o/{org}/protocol");
        Assert.Equal(HttpStatusCode.NotFound, owner.Status);
        await editor.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.NotFound, editor.Status);

        // The e-mail to the editor stays as a record, no longer linked to the organisation.
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE name = 'Weg <Ermee> BV'"));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_outbox WHERE subject LIKE '%Weg <Ermee> BV%' AND organisation_id IS NULL") >= 1);
    }
}

[Collection("sqlite")]
public sealed class LifecycleTestsOnSqlite(SqliteFixture f) : LifecycleTests(f);

[Collection("postgres")]
public sealed class LifecycleTestsOnPostgres(PostgresFixture f) : LifecycleTests(f);

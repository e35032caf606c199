using System.Net;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Organisations;

public abstract class OrganisationTests(AppFixture fixture)
{
    [Fact]
    public async Task One_account_manages_several_organisations_with_their_own_answers()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var bakery = await Flows.CreateOrganisationAsync(s, "Bakkerij De Gouden Korst");
        await Flows.AnswerStepAsync(s, bakery, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["retail_horeca"] });
        var care = await Flows.CreateOrganisationAsync(s, "Zorggroep Het Anker");
        await Flows.AnswerStepAsync(s, care, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["zorg"] });

        await s.GetAsync("/organisations");
        var names = s.Page.QuerySelectorAll(".card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Bakkerij De Gouden Korst", "Zorggroep Het Anker"], names);

        await s.GetAsync($"/o/{bakery}/interview/organisation");
        Assert.True(s.Page.QuerySelector("input[name='q.sector'][value=retail_horeca]")!.HasAttribute("checked"));
        await s.GetAsync($"/o/{care}/interview/organisation");
        Assert.True(s.Page.QuerySelector("input[name='q.sector'][value=zorg]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task An_organisation_needs_a_clean_name()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = ["   "] });
        Assert.Equal("/organisations/new", s.Url);
        Assert.Contains("Vul de naam", s.Text("#e-Name"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = [new string('x', 201)] });
        Assert.Contains("maximum is 200", s.Text("#e-Name"));
    }

    [Fact]
    public async Task The_owner_invites_an_editor_who_accepts_and_can_work_on_the_protocol_but_not_manage_people()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Adviesbureau Kompas");

        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await editor.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.NotFound, editor.Status);

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail.ToUpperInvariant()] });
        Assert.Contains("uitnodiging is verstuurd", owner.Text(".notice"));
        Assert.Contains(editorEmail.ToUpperInvariant(), owner.Text("table.invitations"));
        Assert.DoesNotContain(editorEmail, owner.Text("table.list:not(.invitations)"), StringComparison.OrdinalIgnoreCase);

        // Until the invitation is accepted, the editor sees nothing of the organisation.
        await editor.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.NotFound, editor.Status);
        var link = Flows.LinkIn((await Flows.LastMailAsync(fixture.App, editorEmail.ToUpperInvariant())).Text, "/invite");

        // Opening the link accepts nothing (a mail scanner may open it); the click does.
        await editor.GetAsync(link);
        Assert.Contains("Adviesbureau Kompas", editor.Text("main"));
        await editor.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.NotFound, editor.Status);
        await editor.GetAsync(link);
        await editor.SubmitAsync("main form.form");
        Assert.Equal($"/o/{org}/protocol", editor.Url);

        // The link works once.
        await editor.GetAsync(link);
        Assert.Contains("werkt niet (meer)", editor.Text(".notice"));
        await owner.GetAsync($"/o/{org}/members");
        Assert.Contains(editorEmail, owner.Text("table.list"));
        Assert.Null(owner.Page.QuerySelector("table.invitations"));

        await editor.GetAsync("/organisations");
        Assert.Contains("Adviesbureau Kompas", editor.Text(".cards"));
        Assert.Contains("Redacteur", editor.Text(".cards"));
        await Flows.AnswerStepAsync(editor, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["zakelijke_dienstverlening"] });
        Assert.Equal($"/o/{org}/interview/works-council", editor.Url);

        await editor.GetAsync($"/o/{org}/members");
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Null(editor.Page.QuerySelector("form.form"));
        var token = editor.Token();
        await editor.PostAsync($"/o/{org}/members?handler=add", [new("__RequestVerificationToken", token), new("Email", editorEmail)]);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("table.list form");
        await editor.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.NotFound, editor.Status);
    }
}

[Collection("sqlite")]
public sealed class OrganisationTestsOnSqlite(SqliteFixture f) : OrganisationTests(f);

[Collection("postgres")]
public sealed class OrganisationTestsOnPostgres(PostgresFixture f) : OrganisationTests(f);

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Web.Features.Staff;
using Richtsnoer.Web.Tests.Infrastructure;
using Richtsnoer.Web.Tests.Security;

namespace Richtsnoer.Web.Tests.Staff;

public abstract class StaffTests(AppFixture fixture)
{
    private StaffStore Store => fixture.App.Services.GetRequiredService<StaffStore>();

    /// <summary>Uploads a file to the import page as a browser would; the session ends on the preview (or the page with the error).</summary>
    public static async Task UploadAsync(WebSession s, Guid org, byte[] file, string fileName = "medewerkers.csv", string contentType = "text/csv")
    {
        await s.GetAsync($"/o/{org}/staff/import");
        var token = s.Token();
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "Upload", fileName);
        await s.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/staff/import?handler=upload") { Content = form });
    }

    private static int Count(WebSession s, string kind) =>
        int.Parse(s.Page.QuerySelector($"ul.counts li[data-count={kind}] strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    private static (int Added, int Updated, int Unchanged, int Skipped) Counts(WebSession s) =>
        (Count(s, "added"), Count(s, "updated"), Count(s, "unchanged"), Count(s, "skipped"));

    /// <summary>40 people in Excel's Dutch format (semicolons, Windows-1252); line 12 has no valid address, line 27 repeats line 4's.</summary>
    private static byte[] Forty(string salesDepartment = "Verkoop")
    {
        var lines = new List<string> { "Naam;E-mail;Afdeling;Taal;Functie" };
        for (var i = 1; i <= 40; i++)
        {
            var email = i switch { 11 => "geen-adres", 26 => "medewerker3@voorbeeld.nl", _ => $"medewerker{i}@voorbeeld.nl" };
            lines.Add($"Medewerker {i} Müller;{email};{(i % 2 == 0 ? salesDepartment : "Financiën")};{(i % 5 == 0 ? "en" : "nl")};");
        }

        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    [Fact]
    public async Task An_owner_imports_40_people_with_two_bad_rows_previewed_by_line_and_a_second_import_changes_nothing()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Groothandel Noord");
        await owner.GetAsync($"/o/{org}/members");
        Assert.NotNull(owner.Page.QuerySelector($"a[href='/o/{org}/staff']"));

        // The preview names the bad lines and saves nothing.
        await UploadAsync(owner, org, Forty());
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Equal(["12", "27"], owner.Page.QuerySelectorAll("table.row-errors tr[data-line]").Select(r => r.GetAttribute("data-line")!));
        Assert.Contains("ook op regel 4", owner.Text("table.row-errors tr[data-line='27']"));
        Assert.Equal((38, 0, 0, 2), Counts(owner));
        Assert.Contains("Financiën", owner.Text("table.plan"));
        Assert.Empty(await Store.ListAsync(org, ct: TestContext.Current.CancellationToken));
        var confirmPage = owner.Html;

        await owner.SubmitAsync("form.confirm");
        Assert.Equal((38, 0, 0, 2), Counts(owner));
        var people = await Store.ListAsync(org, ct: TestContext.Current.CancellationToken);
        Assert.Equal(38, people.Count);
        Assert.Contains(people, p => p.Name == "Medewerker 10 Müller" && p.Department == "Verkoop" && p.Language == Core.Language.En);

        // The same confirmation twice imports nothing the second time.
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(confirmPage);
        var importId = again.QuerySelector("form.confirm input[name=ImportId]")!.GetAttribute("value")!;
        await owner.PostAsync($"/o/{org}/staff/import?handler=confirm", [new("__RequestVerificationToken", owner.Token()), new("ImportId", importId)]);
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);

        // Importing the same file again: 38 unchanged.
        await UploadAsync(owner, org, Forty());
        Assert.Equal((0, 0, 38, 2), Counts(owner));
        await owner.SubmitAsync("form.confirm");
        Assert.Equal((0, 0, 38, 2), Counts(owner));

        // A renamed department is an update of the 19 people in it (20 even lines, one of them bad).
        await UploadAsync(owner, org, Forty("Sales"));
        Assert.Equal((0, 19, 19, 2), Counts(owner));
        await owner.SubmitAsync("form.confirm");
        Assert.Equal((0, 19, 19, 2), Counts(owner));
        Assert.Equal(19, (await Store.ListAsync(org, "Sales", ct: TestContext.Current.CancellationToken)).Count);

        // A leaver is deactivated, stays on the list, and a later import leaves them alone.
        await owner.GetAsync($"/o/{org}/staff");
        Assert.Equal(38, owner.Page.QuerySelectorAll("table.staff tbody tr").Length);
        var leaver = people.First(p => p.Email == "medewerker2@voorbeeld.nl");
        await owner.SubmitAsync($"tr[data-staff='{leaver.Id}'] form");
        Assert.Contains("non-actief", owner.Text(".notice"));
        Assert.Equal(37, owner.Page.QuerySelectorAll("table.staff tbody tr").Length);
        await owner.GetAsync($"/o/{org}/staff?status=inactive");
        Assert.Contains("medewerker2@voorbeeld.nl", owner.Text("table.staff"));
        var kept = Assert.Single(await Store.ListAsync(org, active: false, ct: TestContext.Current.CancellationToken));
        Assert.Equal(leaver.Id, kept.Id);
        Assert.Equal("Sales", kept.Department);

        await UploadAsync(owner, org, Forty());
        Assert.Equal((0, 18, 19, 3), Counts(owner));
        Assert.Contains("medewerker2@voorbeeld.nl", owner.Text("table.plan[data-action=SkipInactive]"));
        await owner.SubmitAsync("form.confirm");
        Assert.Equal("Sales", (await Store.ListAsync(org, active: false, ct: TestContext.Current.CancellationToken)).Single().Department);

        // Reactivated, the person is back among the active.
        await owner.GetAsync($"/o/{org}/staff?status=inactive");
        await owner.SubmitAsync($"tr[data-staff='{leaver.Id}'] form");
        Assert.Equal(38, (await Store.ListAsync(org, active: true, ct: TestContext.Current.CancellationToken)).Count);

        // The audit trail records each step with ids and counts, not the people's details.
        var trail = await fixture.App.Services.GetRequiredService<AuditStore>().ListAsync(org, ct: TestContext.Current.CancellationToken);
        Assert.Equal(["staff.imported", "staff.imported", "staff.imported", "staff.deactivated", "staff.imported", "staff.reactivated"], trail.Where(e => e.Kind.StartsWith("staff.", StringComparison.Ordinal)).Select(e => e.Kind));
        Assert.DoesNotContain(trail, e => e.Data.Contains("Müller", StringComparison.Ordinal) || e.Data.Contains("@voorbeeld.nl", StringComparison.Ordinal));
        Assert.Contains("\"added\":38", trail.First(e => e.Kind == "staff.imported").Data);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_lacks_the_columns_is_refused_with_a_clear_message_whatever_its_name()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Drukkerij Zuid");

        await UploadAsync(owner, org, [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, 8, 0], "medewerkers.csv");
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Contains("Excel", owner.Text("#e-Upload"));
        await UploadAsync(owner, org, "%PDF-1.7\n%\u00e2\u00e3\n"u8.ToArray(), "lijst.csv");
        Assert.Contains("geen CSV", owner.Text("#e-Upload"));
        await UploadAsync(owner, org, "voornaam,adres\nAnna,anna@voorbeeld.nl\n"u8.ToArray());
        Assert.Contains("naam en e-mail", owner.Text("#e-Upload"));

        // A CSV with another name and type is still read by its content.
        await UploadAsync(owner, org, "name,email\nAnna,anna@voorbeeld.nl\n"u8.ToArray(), "export.txt", "application/octet-stream");
        Assert.Equal((1, 0, 0, 0), Counts(owner));
        Assert.Empty(await Store.ListAsync(org, ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_owner_adds_someone_by_hand_once_and_filters_by_department()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Kinderopvang Zon");
        await owner.GetAsync($"/o/{org}/staff");
        Assert.NotNull(owner.Page.QuerySelector(".empty"));

        await owner.SubmitAsync("form.add-staff", new Dictionary<string, string[]> { ["Add.Name"] = ["Ilse Bakker"], ["Add.Email"] = ["geen adres"] });
        Assert.Contains("geen geldig e-mailadres", owner.Text("#e-Add\\.Email"));
        await owner.SubmitAsync("form.add-staff", new Dictionary<string, string[]> { ["Add.Name"] = ["Ilse Bakker"], ["Add.Email"] = ["ilse@voorbeeld.nl"], ["Add.Team"] = ["Groep 1"], ["Add.Language"] = ["en"] });
        Assert.Contains("staat op de lijst", owner.Text(".notice"));
        await owner.SubmitAsync("form.add-staff", new Dictionary<string, string[]> { ["Add.Name"] = ["Ilse B."], ["Add.Email"] = ["ILSE@voorbeeld.nl "] });
        Assert.Contains("staat al op de lijst", owner.Text("#e-Add\\.Email"));
        await owner.SubmitAsync("form.add-staff", new Dictionary<string, string[]> { ["Add.Name"] = ["Tom Visser"], ["Add.Email"] = ["tom@voorbeeld.nl"] });

        await owner.GetAsync($"/o/{org}/staff?department=Groep+1");
        Assert.Equal(["Ilse Bakker"], owner.Page.QuerySelectorAll("table.staff tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        await owner.GetAsync($"/o/{org}/staff");
        Assert.Equal(["Ilse Bakker", "Tom Visser"], owner.Page.QuerySelectorAll("table.staff tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var ilse = (await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).First();
        Assert.Equal(Core.Language.En, ilse.Language);

        var trail = await fixture.App.Services.GetRequiredService<AuditStore>().ListAsync(org, ct: TestContext.Current.CancellationToken);
        Assert.Equal(2, trail.Count(e => e.Kind == "staff.added"));
        Assert.Contains(trail, e => e.Kind == "staff.added" && e.Data.Contains(ilse.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_corrects_someone_s_details_and_the_audit_trail_names_the_fields_not_the_values()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Transport Oost");
        await UploadAsync(owner, org, "name,email,department\nAnna,anna@voorbeeld.nl,Planning\nBram,bram@voorbeeld.nl,Planning\n"u8.ToArray());
        await owner.SubmitAsync("form.confirm");
        var anna = (await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).First(p => p.Name == "Anna");

        await owner.GetAsync($"/o/{org}/staff");
        await owner.GetAsync(owner.Page.QuerySelector($"tr[data-staff='{anna.Id}'] a")!.GetAttribute("href")!);
        Assert.Equal("anna@voorbeeld.nl", owner.Page.QuerySelector("input[name='Person.Email']")!.GetAttribute("value"));
        await owner.SubmitAsync("form.edit-staff", new Dictionary<string, string[]> { ["Person.Email"] = ["BRAM@voorbeeld.nl"] });
        Assert.Contains("heeft dit e-mailadres al", owner.Text("#e-Person\\.Email"));
        await owner.SubmitAsync("form.edit-staff", new Dictionary<string, string[]> { ["Person.Name"] = ["Anna de Wit"], ["Person.Email"] = ["anna@voorbeeld.nl"], ["Person.Team"] = ["Chauffeurs"] });
        Assert.Contains("opgeslagen", owner.Text(".notice"));
        var changed = (await Store.ListAsync(org, "Chauffeurs", ct: TestContext.Current.CancellationToken)).Single();
        Assert.Equal((anna.Id, "Anna de Wit", "anna@voorbeeld.nl"), (changed.Id, changed.Name, changed.Email));

        var trail = await fixture.App.Services.GetRequiredService<AuditStore>().ListAsync(org, ct: TestContext.Current.CancellationToken);
        var entry = Assert.Single(trail, e => e.Kind == "staff.updated");
        Assert.Contains("\"name\"", entry.Data);
        Assert.Contains("\"department\"", entry.Data);
        Assert.DoesNotContain("Chauffeurs", entry.Data);

        // A re-import of the old file puts the old details back: one update.
        await UploadAsync(owner, org, "name,email,department\nAnna,anna@voorbeeld.nl,Planning\nBram,bram@voorbeeld.nl,Planning\n"u8.ToArray());
        Assert.Equal((0, 1, 1, 0), Counts(owner));
    }

    [Fact]
    public async Task A_preview_made_on_one_instance_is_confirmed_on_another()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Twee Servers BV");
        await UploadAsync(owner, org, "naam;e-mail\nAnna;anna@voorbeeld.nl\nBram;bram@voorbeeld.nl\n"u8.ToArray());
        var fields = WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)owner.Page.QuerySelector("form.confirm")!);
        var cookies = string.Join("; ", owner.Response.RequestMessage!.Headers.GetValues("Cookie"));

        await using var second = fixture.SecondInstance();
        using var there = second.Session();
        there.Client.DefaultRequestHeaders.Add("Cookie", cookies);
        await there.PostAsync($"/o/{org}/staff/import?handler=confirm", fields);
        Assert.Equal(HttpStatusCode.OK, there.Status);
        Assert.Equal((2, 0, 0, 0), Counts(there));
        Assert.Equal(2, (await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Ten_thousand_people_fit_in_one_upload_and_a_larger_file_gets_a_clear_answer()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Groot Concern NV");
        var csv = new StringBuilder("naam;e-mail;afdeling;taal;functie\r\n");
        for (var i = 0; i < Core.Staff.StaffCsv.MaxRows; i++)
        {
            csv.Append($"Medewerker met een lange naam {i};medewerker.nummer{i}@grootconcern-voorbeeld.nl;Afdeling {i % 40};{(i % 3 == 0 ? "en" : "nl")};Medewerker klantenservice\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        Assert.InRange(bytes.Length, 1_000_000, Core.Staff.StaffCsv.MaxBytes);
        await UploadAsync(owner, org, bytes);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Equal((10_000, 0, 0, 0), Counts(owner));
        Assert.Equal(ImportModel.ShownPerKind, owner.Page.QuerySelectorAll("table.plan tbody tr").Length);
        await owner.SubmitAsync("form.confirm");
        Assert.Equal((10_000, 0, 0, 0), Counts(owner));
        Assert.Equal(10_000, (await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).Count);

        // Over the file limit but within the request limit: the page says how large it may be.
        var larger = Encoding.UTF8.GetBytes(csv.ToString() + new string('x', Core.Staff.StaffCsv.MaxBytes - bytes.Length + 10));
        await UploadAsync(owner, org, larger);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Contains("te groot", owner.Text("#e-Upload"));

        // Over the request limit: the friendly 413.
        await UploadAsync(owner, org, new byte[3 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, owner.Status);
    }

    [Fact]
    public async Task Editors_see_the_list_but_cannot_import_add_or_deactivate()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Bouwbedrijf West");
        await UploadAsync(owner, org, "name,email\nAnna,anna@voorbeeld.nl\n"u8.ToArray());
        await owner.SubmitAsync("form.confirm");
        var anna = Assert.Single(await Store.ListAsync(org, ct: TestContext.Current.CancellationToken));

        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);

        await editor.GetAsync($"/o/{org}/staff");
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Contains("anna@voorbeeld.nl", editor.Text("table.staff"));
        Assert.Empty(editor.Page.QuerySelectorAll("main form[method=post]"));
        var token = editor.Token();

        await editor.GetAsync($"/o/{org}/staff/import");
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.GetAsync($"/o/{org}/staff/{anna.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.PostAsync($"/o/{org}/staff/{anna.Id}", [new("__RequestVerificationToken", token), new("Person.Name", "Gewijzigd"), new("Person.Email", "anna@voorbeeld.nl")]);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent("name,email\nBram,bram@voorbeeld.nl\n"u8.ToArray()), "Upload", "a.csv" } };
        await editor.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/staff/import?handler=upload") { Content = form });
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.PostAsync($"/o/{org}/staff/import?handler=confirm", [new("__RequestVerificationToken", token), new("ImportId", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.PostAsync($"/o/{org}/staff?handler=add", [new("__RequestVerificationToken", token), new("Add.Name", "Bram"), new("Add.Email", "bram@voorbeeld.nl")]);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.PostAsync($"/o/{org}/staff?handler=deactivate", [new("__RequestVerificationToken", token), new("staffMemberId", anna.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);

        Assert.True(Assert.Single(await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).Active);

        // Another organisation's owner cannot deactivate Anna through their own organisation either.
        using var stranger = fixture.App.Session();
        await Flows.RegisterAsync(stranger);
        var own = await Flows.CreateOrganisationAsync(stranger, "Ander BV");
        await stranger.GetAsync($"/o/{own}/staff");
        await stranger.PostAsync($"/o/{own}/staff?handler=deactivate", [new("__RequestVerificationToken", stranger.Token()), new("staffMemberId", anna.Id.ToString())], follow: false);
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
        Assert.True(Assert.Single(await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).Active);
    }

    [Fact]
    public async Task Every_blns_string_as_a_csv_value_is_stored_literally_or_refused_by_line_without_a_500()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Blns Personeel BV");
        var strings = BlnsTests.Strings;
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
        var csv = new StringBuilder("name,email,department,role\n");
        for (var i = 0; i < strings.Count; i++)
        {
            csv.Append(Quote(strings[i])).Append(',').Append($"blns{i}@voorbeeld.nl,").Append(Quote(strings[i])).Append(',').Append(Quote(strings[i])).Append('\n');
        }

        await UploadAsync(owner, org, Encoding.UTF8.GetBytes(csv.ToString()));
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        var (added, _, _, skipped) = Counts(owner);
        Assert.Equal(strings.Count, added + skipped);
        Assert.True(added > strings.Count / 2, $"only {added} of {strings.Count} accepted");
        await owner.SubmitAsync("form.confirm");
        Assert.Equal(HttpStatusCode.OK, owner.Status);

        var stored = (await Store.ListAsync(org, ct: TestContext.Current.CancellationToken)).ToDictionary(p => p.Email);
        Assert.Equal(added, stored.Count);
        foreach (var (email, person) in stored)
        {
            var sent = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(strings[int.Parse(email[4..email.IndexOf('@')], System.Globalization.CultureInfo.InvariantCulture)])).Trim();
            Assert.Equal(sent, person.Name);
            Assert.Equal(sent, person.Department);
        }

        await owner.GetAsync($"/o/{org}/staff?status=all");
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Equal(added, owner.Page.QuerySelectorAll("table.staff tbody tr").Length);
    }
}

[Collection("sqlite")]
public sealed class StaffTestsOnSqlite(SqliteFixture f) : StaffTests(f);

[Collection("postgres")]
public sealed class StaffTestsOnPostgres(PostgresFixture f) : StaffTests(f);

using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Tests.Browser;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Adoption;

/// <summary>Versions from the draft, the works council's consent, publication, and what the documents then say.</summary>
public abstract class AdoptionTests(AppFixture fixture)
{
    public static readonly Dictionary<string, Dictionary<string, string[]>> WithWorksCouncil = new()
    {
        ["works-council"] = new() { ["q.works_council"] = ["true"] },
    };

    /// <summary>A smallest valid PDF, as a works council's letter.</summary>
    public static readonly byte[] Letter = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    public static async Task<(WebSession Owner, Guid Org)> OrganisationAsync(AppFixture fixture, string name, bool worksCouncil)
    {
        var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, name);
        await Flows.CompleteInterviewAsync(owner, org, worksCouncil ? WithWorksCouncil : null);
        return (owner, org);
    }

    /// <summary>Makes a version from the current draft through the page and returns its id.</summary>
    public static async Task<Guid> CreateVersionAsync(WebSession s, Guid org, string? kind = null)
    {
        await s.GetAsync($"/o/{org}/versions");
        await s.SubmitAsync("form[action*='handler=create']", kind is null ? null : new Dictionary<string, string[]> { ["Kind"] = [kind] });
        Assert.True(s.Url.Contains("/versions/", StringComparison.Ordinal), $"no version made: {s.Text(".error-summary")}");
        return Guid.Parse(s.Url.Split('/')[4].Split('?')[0]);
    }

    public static async Task MoveAsync(WebSession s, Guid org, Guid version, VersionMove move, DateOnly? date = null, byte[]? letter = null, string? conditions = null)
    {
        await s.GetAsync($"/o/{org}/versions/{version}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(s.Token()), "__RequestVerificationToken" },
            { new StringContent(move.ToString()), "Move" },
        };
        if (date is { } d)
        {
            form.Add(new StringContent(d.ToString("yyyy-MM-dd")), "DecisionDate");
        }

        if (conditions is not null)
        {
            form.Add(new StringContent(conditions), "Conditions");
        }

        if (letter is not null)
        {
            var file = new ByteArrayContent(letter);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Letter", "besluit-or.pdf");
        }

        await s.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/versions/{version}?handler=move") { Content = form });
    }

    /// <summary>PDF text with every run of white space (line ends included) as one space.</summary>
    private static string? Flat(string? text) => text is null ? null : System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Without_a_works_council_a_version_is_published_directly_and_its_documents_say_why()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Bakkerij Zonder OR", worksCouncil: false);
        using var _ = owner;
        var v1 = await CreateVersionAsync(owner, org);
        Assert.Contains("Concept", owner.Text(".facts"));
        Assert.Matches("^[0-9a-f]{64}$", owner.Text("code.hash"));
        Assert.NotNull(owner.Page.QuerySelector("form.move-publish"));
        Assert.Null(owner.Page.QuerySelector("form.move-submit"));

        await owner.SubmitAsync("form.move-publish");
        Assert.Contains("Gepubliceerd", owner.Text(".facts"));
        Assert.Contains("er is geen ondernemingsraad", owner.Text(".facts"));
        Assert.Null(owner.Page.QuerySelector(".warning"));

        var (response, pdf) = await owner.DownloadAsync($"/o/{org}/versions/{v1}/download/pdf?lang=nl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        if (Flat(JourneyTests.PdfText(pdf)) is { } text)
        {
            Assert.Contains("1.0", text);
            Assert.Contains("Vastgesteld", text);
            Assert.Contains("geen ondernemingsraad", text);
            Assert.DoesNotContain("(aangepast)", text);
        }

        // Nothing changed: a new version is refused, and the list still holds one.
        await owner.GetAsync($"/o/{org}/versions");
        await owner.SubmitAsync("form[action*='handler=create']", new Dictionary<string, string[]> { ["Kind"] = ["editorial"] });
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);
        Assert.Contains("woord voor woord", owner.Text(".error-summary"));
        Assert.Single(owner.Page.QuerySelectorAll("table.versions tbody tr"));
    }

    [Fact]
    public async Task With_a_works_council_publication_waits_for_recorded_consent_for_each_new_version()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Zorggroep Met OR", worksCouncil: true);
        using var _ = owner;
        var v1 = await CreateVersionAsync(owner, org);
        Assert.Null(owner.Page.QuerySelector("form.move-publish"));

        // Publishing now is refused, also when posted by hand.
        await MoveAsync(owner, org, v1, VersionMove.Publish);
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);
        Assert.Contains(IllegalMoveException.UserMessage.Nl, owner.Html);

        await owner.GetAsync($"/o/{org}/versions/{v1}");
        await owner.SubmitAsync("form.move-submit");
        Assert.Contains("Voorgelegd", owner.Text(".facts"));
        var (requestResponse, request) = await owner.DownloadAsync($"/o/{org}/versions/{v1}/consent-request/pdf?lang=nl");
        Assert.Equal(HttpStatusCode.OK, requestResponse.StatusCode);
        if (Flat(JourneyTests.PdfText(request)) is { } requestText)
        {
            Assert.Contains("Verzoek om instemming", requestText);
            Assert.Contains("artikel 27 lid 1", requestText);
            Assert.Contains("wil toezicht houden. Het doel daarvan is:", requestText);
            Assert.Contains("Bewaartermijn", requestText);
            Assert.DoesNotContain("Wat er verandert", requestText);
        }

        // A comment on a clause, shown with the clause.
        var clause = owner.Page.QuerySelectorAll("#i-Clause option").Skip(2).First();
        await owner.SubmitAsync("form.comment", new Dictionary<string, string[]> { ["Clause"] = [clause.GetAttribute("value")!], ["Comment"] = ["Graag een voorbeeld <b>erbij</b>.\r\nDank!"] });
        Assert.Contains("Graag een voorbeeld <b>erbij</b>.", owner.Text("ol.comments"));
        Assert.Contains(clause.TextContent.Trim(), owner.Text("ol.comments"));

        // A decision needs a date; the letter must be a PDF.
        await MoveAsync(owner, org, v1, VersionMove.RecordConsent);
        Assert.Equal(HttpStatusCode.BadRequest, owner.Status);
        Assert.Contains("datum", owner.Text(".error-summary"));
        await MoveAsync(owner, org, v1, VersionMove.RecordConsent, DateOnly.FromDateTime(DateTime.UtcNow), "GIF89a niet een pdf"u8.ToArray());
        Assert.Contains("PDF", owner.Text(".error-summary"));
        await MoveAsync(owner, org, v1, VersionMove.RecordConsent, DateOnly.FromDateTime(DateTime.UtcNow), Letter);
        Assert.Contains("Instemming ontvangen", owner.Text(".facts"));
        var letterLink = owner.Page.QuerySelector("ol.history a[href*='handler=letter']")!.GetAttribute("href")!;
        var (letterResponse, letterBytes) = await owner.DownloadAsync(letterLink);
        Assert.Equal(HttpStatusCode.OK, letterResponse.StatusCode);
        Assert.Equal(Letter, letterBytes);

        await owner.SubmitAsync("form.move-publish");
        Assert.Contains("met instemming van de ondernemingsraad", owner.Text(".facts"));
        var (_, pdf) = await owner.DownloadAsync($"/o/{org}/versions/{v1}/download/pdf?lang=nl");
        if (Flat(JourneyTests.PdfText(pdf)) is { } text)
        {
            Assert.Contains("na instemming van de ondernemingsraad op", text);
        }

        // A rule changes: the product proposes a substantive change, 2.0.
        await Flows.AnswerStepAsync(owner, org, "working-hours", new Dictionary<string, string[]> { ["q.working_hours"] = ["none"] });
        await owner.GetAsync($"/o/{org}/versions");
        Assert.Equal("substantive", owner.Page.QuerySelector("input[name=Kind][checked]")?.GetAttribute("value"));
        var v2 = await CreateVersionAsync(owner, org, "substantive");
        Assert.Contains("Versie 2.0", owner.Text("h1"));
        await MoveAsync(owner, org, v2, VersionMove.Publish);
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);

        // The redline against 1.0: on the page, and as Word with tracked changes.
        await owner.GetAsync($"/o/{org}/versions/{v2}");
        await owner.GetAsync(owner.Page.QuerySelector("a.changes")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Contains("van versie 1.0 naar 2.0", owner.Text("h1"));
        Assert.NotEmpty(owner.Page.QuerySelectorAll(".redline ins, .redline del, .redline .rl-added, .redline .rl-removed"));
        var (docxResponse, docx) = await owner.DownloadAsync(owner.Page.QuerySelector("a[href*='format=docx']")!.GetAttribute("href")!.Replace("&amp;", "&"));
        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx)))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.Matches("<w:(ins|del) ", xml);
        }

        await owner.GetAsync($"/o/{org}/versions/{v2}");
        await owner.SubmitAsync("form.move-submit");
        var (_, request2) = await owner.DownloadAsync($"/o/{org}/versions/{v2}/consent-request/pdf?lang=nl");
        if (Flat(JourneyTests.PdfText(request2)) is { } request2Text)
        {
            Assert.Contains("versie 1.0", request2Text);
            Assert.Contains("Wat er verandert", request2Text);
            Assert.Matches(@"\((gewijzigd|nieuw|vervallen|verplaatst)\)", request2Text);
        }

        await MoveAsync(owner, org, v2, VersionMove.RecordConsentWithConditions, DateOnly.FromDateTime(DateTime.UtcNow), conditions: "Na een jaar evalueren.");
        await owner.SubmitAsync("form.move-publish");
        Assert.Contains("onder voorwaarden", owner.Text(".facts"));
        await owner.GetAsync($"/o/{org}/versions");
        var states = owner.Page.QuerySelectorAll("table.versions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Gepubliceerd", states[0]);
        Assert.Contains("Vervangen", states[1]);
    }

    /// <summary>A fresh version in the given state, with a text of its own, made through the store (the page or API is what is tested).</summary>
    public static async Task<Guid> VersionInStateAsync(VersionStore versions, Guid org, VersionState state)
    {
        var actor = new Actor(null, "test");
        var latest = (await versions.LatestAsync(org))!;
        var source = (await versions.GetAsync(org, latest.Id))!.Snapshot;
        var doc = source.Documents[0].Document;
        var counter = latest.Number + 1;
        var title = doc with { Metadata = doc.Metadata with { Title = doc.Metadata.Title + " " + counter } };
        var snapshot = source with { Label = $"{100 + counter}.0", Documents = [source.Documents[0] with { Document = title }] };
        var (outcome, id) = await versions.CreateAsync(org, actor, latest.Id, snapshot, substantive: true);
        Assert.Equal(CreateOutcome.Created, outcome);
        VersionMove[] path = state switch
        {
            VersionState.Draft => [],
            VersionState.Submitted => [VersionMove.Submit],
            VersionState.Consented => [VersionMove.Submit, VersionMove.RecordConsent],
            VersionState.ConsentedWithConditions => [VersionMove.Submit, VersionMove.RecordConsentWithConditions],
            VersionState.Refused => [VersionMove.Submit, VersionMove.RecordRefusal],
            VersionState.Withdrawn => [VersionMove.Withdraw],
            VersionState.Published or VersionState.Superseded => [VersionMove.Submit, VersionMove.RecordConsent, VersionMove.Publish],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var m in path)
        {
            await versions.MoveAsync(org, id!.Value, m, actor, new { date = Today });
        }

        if (state == VersionState.Superseded)
        {
            await VersionInStateAsync(versions, org, VersionState.Published);
        }

        Assert.Equal(state, (await versions.GetAsync(org, id!.Value))!.Summary.State);
        return id.Value;
    }

    [Fact]
    public async Task Every_move_the_state_machine_does_not_allow_is_refused_through_the_page_and_changes_nothing()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Alle Stappen BV", worksCouncil: true);
        using var _ = owner;
        var versions = fixture.App.Services.GetRequiredService<VersionStore>();
        Task<Guid> InStateAsync(VersionState state) => VersionInStateAsync(versions, org, state);

        await CreateVersionAsync(owner, org);
        var tried = 0;
        foreach (var state in Enum.GetValues<VersionState>())
        {
            foreach (var move in Enum.GetValues<VersionMove>())
            {
                var id = await InStateAsync(state);
                var requirement = (await versions.GetAsync(org, id))!.Requirement;
                var allowed = move != VersionMove.Supersede && VersionStateMachine.TryNext(state, move, requirement) is not null;
                await MoveAsync(owner, org, id, move, DateOnly.FromDateTime(DateTime.UtcNow), conditions: "Voorwaarde.");
                tried++;
                var after = (await versions.GetAsync(org, id))!.Summary.State;
                if (allowed)
                {
                    Assert.True(owner.Status == HttpStatusCode.OK && owner.Page.QuerySelector(".error-summary") is null, $"{state} + {move}: {owner.Status} {owner.Text(".error-summary")}");
                    Assert.Equal(VersionStateMachine.Next(state, move, requirement), after);
                }
                else
                {
                    Assert.True(owner.Status == HttpStatusCode.Conflict, $"{state} + {move} answered {owner.Status}");
                    Assert.Contains(IllegalMoveException.UserMessage.Nl, owner.Html);
                    Assert.Equal(state, after);
                }
            }
        }

        // An unknown move is refused the same way.
        var draft = await InStateAsync(VersionState.Draft);
        await owner.GetAsync($"/o/{org}/versions/{draft}");
        await owner.PostAsync($"/o/{org}/versions/{draft}?handler=move", [new("__RequestVerificationToken", owner.Token()), new("Move", "Explode")]);
        Assert.Equal(HttpStatusCode.Conflict, owner.Status);
        TestContext.Current.SendDiagnosticMessage($"{tried} state and move pairs tried through the page");
    }

    [Fact]
    public async Task A_works_council_member_reads_only_submitted_versions_and_comments_but_changes_nothing()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Gemeente Met OR", worksCouncil: true);
        using var _ = owner;
        var v1 = await CreateVersionAsync(owner, org);

        var memberEmail = Flows.NewEmail("or-lid");
        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.council-invite", new Dictionary<string, string[]> { ["Email"] = [memberEmail] });
        Assert.Contains("ondernemingsraad", owner.Text("table.invitations"));
        var mail = await Flows.LastMailAsync(fixture.App, memberEmail);
        Assert.Equal("works-council-invited", mail.Template);

        // The member has no account yet: registers through the link and lands on the versions.
        using var member = fixture.App.Session();
        await member.GetAsync(Flows.LinkIn(mail.Text, "/invite"));
        Assert.Contains("ondernemingsraad", member.Text("main"));
        await member.GetAsync(member.Page.QuerySelector("a[href^='/account/register?invite=']")!.GetAttribute("href")!);
        await member.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = [Flows.Password], ["PasswordAgain"] = [Flows.Password] });
        Assert.Equal($"/o/{org}/versions", member.Url);
        Assert.Null(member.Page.QuerySelector("table.versions"));
        await member.GetAsync($"/o/{org}/versions/{v1}");
        Assert.Equal(HttpStatusCode.NotFound, member.Status);

        await owner.GetAsync($"/o/{org}/versions/{v1}");
        await owner.SubmitAsync("form.move-submit");

        await member.GetAsync($"/o/{org}/versions");
        Assert.Single(member.Page.QuerySelectorAll("table.versions tbody tr"));
        Assert.Null(member.Page.QuerySelector("form[action*='handler=create']"));
        await member.GetAsync($"/o/{org}/versions/{v1}");
        Assert.Equal(HttpStatusCode.OK, member.Status);
        Assert.Null(member.Page.QuerySelector("form.move"));
        var clause = member.Page.QuerySelectorAll("#i-Clause option").Skip(3).First();
        await member.SubmitAsync("form.comment", new Dictionary<string, string[]> { ["Clause"] = [clause.GetAttribute("value")!], ["Comment"] = ["De OR wil hier een uitzondering voor klokkenluiders."] });
        Assert.Contains("klokkenluiders", member.Text("ol.comments"));
        var (pdfResponse, _) = await member.DownloadAsync($"/o/{org}/versions/{v1}/download/pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);

        // The owner sees the comment with its author.
        await owner.GetAsync($"/o/{org}/versions/{v1}");
        Assert.Contains(memberEmail, owner.Text("ol.comments"));
        Assert.Contains("klokkenluiders", owner.Text("ol.comments"));

        // Read and comment only: no moves, no new versions, none of the editing pages.
        await MoveAsync(member, org, v1, VersionMove.RecordConsent, DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);
        await member.GetAsync($"/o/{org}/versions");
        await member.PostAsync($"/o/{org}/versions?handler=create", [new("__RequestVerificationToken", member.Token()), new("Kind", "substantive")]);
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);
        foreach (var page in new[] { "protocol", "interview/organisation", "members", "audit", "tools", "download/pdf", "outbox", "settings" })
        {
            await member.GetAsync($"/o/{org}/{page}", follow: false);
            Assert.True(member.Status == HttpStatusCode.NotFound, $"{page}: {member.Status}");
        }

        await member.GetAsync("/organisations");
        Assert.Contains("Ondernemingsraad", member.Text(".cards"));
        Assert.Null(member.Page.QuerySelector($".cards a[href='/o/{org}/members']"));

        // The owner revokes access; the member is a stranger again.
        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("table.council form");
        await member.GetAsync($"/o/{org}/versions");
        Assert.Equal(HttpStatusCode.NotFound, member.Status);
        await owner.GetAsync($"/o/{org}/audit");
        var audit = owner.Text("table.audit");
        foreach (var kind in new[] { "member.invited", "member.joined", "version.submitted", "comment.added", "member.removed" })
        {
            Assert.Contains(kind, audit);
        }
    }

    [Fact]
    public async Task A_letter_of_up_to_5_MB_is_kept_with_the_decision_and_a_larger_one_is_refused()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Grote Brief BV", worksCouncil: true);
        using var _ = owner;
        await CreateVersionAsync(owner, org);
        var versions = fixture.App.Services.GetRequiredService<VersionStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        byte[] Pdf(int size) => [.. Letter, .. new byte[size - Letter.Length]];
        var big = await VersionInStateAsync(versions, org, VersionState.Submitted);
        await MoveAsync(owner, org, big, VersionMove.RecordRefusal, today, Pdf(7 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, owner.Status);
        await MoveAsync(owner, org, big, VersionMove.RecordRefusal, today, Pdf(5 * 1024 * 1024 + 10));
        Assert.Contains("5 MB", owner.Text(".error-summary"));
        Assert.Equal(VersionState.Submitted, (await versions.GetAsync(org, big))!.Summary.State);

        var letter = Pdf(4 * 1024 * 1024);
        await MoveAsync(owner, org, big, VersionMove.RecordRefusal, today, letter);
        Assert.Contains("Instemming geweigerd", owner.Text(".facts"));
        var (_, stored) = await owner.DownloadAsync(owner.Page.QuerySelector("ol.history a[href*='handler=letter']")!.GetAttribute("href")!);
        Assert.Equal(letter, stored);
    }

    [Fact]
    public async Task Editors_see_versions_and_comment_but_only_the_owner_moves_them()
    {
        var (owner, org) = await OrganisationAsync(fixture, "Redactie BV", worksCouncil: true);
        using var _ = owner;
        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);

        var v1 = await CreateVersionAsync(editor, org);
        Assert.Null(editor.Page.QuerySelector("form.move"));
        await MoveAsync(editor, org, v1, VersionMove.Submit);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        await editor.GetAsync($"/o/{org}/audit");
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);

        await owner.GetAsync($"/o/{org}/audit");
        Assert.Contains("De keten is heel", owner.Text(".notice"));
        Assert.Contains("version.created", owner.Text("table.audit"));
        Assert.Contains(editorEmail, owner.Text("table.audit"));
    }
}

[Collection("sqlite")]
public sealed class AdoptionTestsOnSqlite(SqliteFixture f) : AdoptionTests(f);

[Collection("postgres")]
public sealed class AdoptionTestsOnPostgres(PostgresFixture f) : AdoptionTests(f);

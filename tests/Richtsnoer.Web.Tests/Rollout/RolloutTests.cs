using System.Net;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Core.Staff;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Web.Features.Rollout;
using Richtsnoer.Web.Tests.Adoption;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Rollout;

/// <summary>Roll-out: invitations on publication, the staff session by personal link, reading, acknowledging, the evidence.</summary>
public abstract class RolloutTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StaffStore Staff => fixture.App.Services.GetRequiredService<StaffStore>();

    private RolloutStore Rollouts => fixture.App.Services.GetRequiredService<RolloutStore>();

    /// <summary>An organisation without a works council, its staff list, and version 1.0 published; returns the people added.</summary>
    public static async Task<(WebSession Owner, Guid Org, Guid Version, List<StaffMember> People)> PublishedAsync(AppFixture fixture, string name, params (string Email, string Name, string? Department, Language Language)[] people)
    {
        var (owner, org) = await AdoptionTests.OrganisationAsync(fixture, name, worksCouncil: false);
        var staff = fixture.App.Services.GetRequiredService<StaffStore>();
        foreach (var p in people)
        {
            Assert.True(await staff.AddAsync(org, new StaffRow(0, p.Email, p.Name, p.Department, p.Language, null), Actor.System, Ct));
        }

        var version = await AdoptionTests.CreateVersionAsync(owner, org);
        await AdoptionTests.MoveAsync(owner, org, version, VersionMove.Publish);
        Assert.Contains("Gepubliceerd", owner.Text(".facts"));
        return (owner, org, version, (await staff.ListAsync(org, ct: Ct)).ToList());
    }

    /// <summary>Opens the personal link of the newest roll-out message to this address and clicks the button.</summary>
    public static async Task<WebSession> SignInAsync(WebApplicationFactory<Program> app, string email, string template = "rollout-invitation")
    {
        var mail = await Flows.LastMailAsync(app, email);
        Assert.Equal(template, mail.Template);
        var s = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await s.GetAsync(Flows.LinkIn(mail.Text, "/s/"));
        Assert.Equal(HttpStatusCode.OK, s.Status);
        await s.SubmitAsync("main form");
        Assert.Matches("^/s/[0-9a-f-]{36}$", s.Url);
        return s;
    }

    /// <summary>The owner adapts the first adaptable clause of the draft: the change a new version is made for.</summary>
    private static async Task AdaptFirstClauseAsync(WebSession owner, Guid org, string title, string text)
    {
        await owner.GetAsync($"/o/{org}/protocol");
        var clauseLink = owner.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        await owner.GetAsync(clauseLink);
        await owner.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = [title], ["Text"] = [text] });
    }

    private async Task<long> CountAsync(string sql, object args)
    {
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    [Fact]
    public async Task Publishing_invites_every_active_person_once_and_the_acknowledgement_is_sealed_and_verifiable()
    {
        var mira = Flows.NewEmail("mira");
        var (owner, org, version, people) = await PublishedAsync(fixture, "Drukkerij Van Dam",
            (mira, "Mira de Wit", "Productie", Language.Nl), (Flows.NewEmail("joe"), "Joe Smith", "Sales", Language.En), (Flows.NewEmail("ex"), "Ex Collega", null, Language.Nl));
        using var _ = owner;
        var leaver = people.Single(p => p.Name == "Ex Collega");
        Assert.True(await Staff.SetActiveAsync(org, leaver.Id, false, Actor.System, Ct));

        // Publication queued one invitation per active person; the leaver was deactivated after
        // publication, so got one too, but a second round (here: from a second instance) adds nothing.
        await using var second = fixture.SecondInstance();
        var queued = await second.Services.GetRequiredService<RolloutService>().SendDueAsync(org, Ct);
        Assert.Equal(0, queued);
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE version_id = @version", new { version }));
        var joe = await Flows.LastMailAsync(fixture.App, people.Single(p => p.Name == "Joe Smith").Email);
        Assert.Equal("rollout-invitation", joe.Template);
        Assert.StartsWith("Read and confirm", joe.Subject);

        // Opening the link uses nothing (mail scanners): the same link still signs in after two GETs.
        var mail = await Flows.LastMailAsync(fixture.App, mira);
        Assert.Contains("Drukkerij Van Dam", mail.Subject);
        var link = Flows.LinkIn(mail.Text, "/s/");
        using var staff = fixture.App.Session();
        await staff.GetAsync(link);
        await staff.GetAsync(link);
        await staff.SubmitAsync("main form");
        Assert.Equal($"/s/{org}", staff.Url);
        Assert.Contains("Mira de Wit", staff.Text("main"));

        // The link works once.
        using var replay = fixture.App.Session();
        await replay.GetAsync(link);
        await replay.SubmitAsync("main form", follow: false);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("al gebruikt of verlopen", replay.Text(".error-summary"));

        // Reading shows the protocol clause by clause; confirming needs the tick.
        await staff.GetAsync($"/s/{org}/read");
        Assert.True(staff.Page.QuerySelectorAll("article .clause").Length > 10);
        var statement = staff.Text("label[for=i-confirm]");
        Assert.Equal("Ik heb versie 1.0 van het social-mediaprotocol van Drukkerij Van Dam gelezen en begrepen.", statement);
        await staff.SubmitAsync("form.confirm-box", follow: false);
        Assert.Equal(HttpStatusCode.BadRequest, staff.Status);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM acknowledgements WHERE version_id = @version", new { version }));
        await staff.SubmitAsync("form.confirm-box", new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        Assert.Contains("Uw bevestiging is vastgelegd", staff.Text(".notice"));

        // Confirming again (a double click, a second tab) stores nothing more.
        await staff.GetAsync($"/s/{org}/read");
        Assert.Null(staff.Page.QuerySelector("form.confirm-box"));
        var member = people.Single(p => p.Email == mira);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM acknowledgements WHERE staff_member_id = @id", new { id = member.Id }));

        var record = (await Rollouts.FindAsync(member.Id, version, Ct))!;
        Assert.Null(record.Problem());
        Assert.Equal(statement, record.Statement);
        Assert.Equal("email-link", record.Method);
        Assert.NotNull(record.SentAt);
        Assert.NotNull(record.OpenedAt);
        Assert.True(record.SentAt <= record.OpenedAt && record.OpenedAt <= record.AcknowledgedAt);
        Assert.Null(record.IpAddress);
        var versions = fixture.App.Services.GetRequiredService<VersionStore>();
        Assert.Equal((await versions.GetAsync(org, version, Ct))!.Summary.Sha256, record.VersionSha256);

        // The proof names the person, the version, the statement and the seal.
        var (proofResponse, proof) = await staff.DownloadAsync(staff.Page.QuerySelector("a[href*='handler=proof']")?.GetAttribute("href") ?? $"/s/{org}?handler=proof&id={record.Id}");
        Assert.Equal("application/pdf", proofResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(proof, 0, 4));
        if (Browser.JourneyTests.PdfText(proof) is { } text)
        {
            Assert.Contains("Mira de Wit", text);
            Assert.Contains(record.Seal, text.Replace(" ", ""));
        }

        // The owner's overview: 1 of the 2 active people, per department; the evidence pack verifies.
        await owner.GetAsync($"/o/{org}/rollout");
        Assert.Contains("1 van 2 bevestigd", owner.Text("#share"));
        var (packResponse, pack) = await owner.DownloadAsync($"/o/{org}/rollout?handler=pack&versionId={version}");
        Assert.Equal(HttpStatusCode.OK, packResponse.StatusCode);
        var check = EvidencePack.Verify(new MemoryStream(pack));
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(1, check.Records);
        Assert.Equal(1, check.Anchors);
    }

    [Fact]
    public async Task After_a_major_version_someone_who_acknowledged_reads_only_the_changed_clauses_and_a_minor_version_keeps_acknowledgements()
    {
        var ann = Flows.NewEmail("ann");
        var ben = Flows.NewEmail("ben");
        var (owner, org, v1, people) = await PublishedAsync(fixture, "Tuinbouw Westland", (ann, "Ann Akker", "Kas", Language.Nl), (ben, "Ben Bloem", "Kas", Language.Nl));
        using var _ = owner;
        using (var s = await SignInAsync(fixture.App, ann))
        {
            await s.GetAsync($"/s/{org}/read");
            await s.SubmitAsync("form.confirm-box", new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        }

        // A minor (editorial) version: Ann's acknowledgement still counts; only Ben is invited.
        await AdaptFirstClauseAsync(owner, org, "Een nieuwe titel", "Een redactioneel herschreven tekst van deze bepaling.");
        var v11 = await AdoptionTests.CreateVersionAsync(owner, org, "editorial");
        await AdoptionTests.MoveAsync(owner, org, v11, VersionMove.Publish);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE version_id = @v11 AND staff_member_id = @id", new { v11, id = people.Single(p => p.Email == ann).Id }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE version_id = @v11 AND staff_member_id = @id", new { v11, id = people.Single(p => p.Email == ben).Id }));

        // A major version: Ann is asked for the changes only, Ben (who never acknowledged) for all.
        await AdaptFirstClauseAsync(owner, org, "Een nieuwe titel", "Een inhoudelijk nieuwe regel die iedereen moet kennen.");
        var v2 = await AdoptionTests.CreateVersionAsync(owner, org, "substantive");
        await AdoptionTests.MoveAsync(owner, org, v2, VersionMove.Publish);
        using var ann2 = await SignInAsync(fixture.App, ann, "rollout-changes");
        await ann2.GetAsync($"/s/{org}/read");
        Assert.Contains("alleen de 1 bepalingen", ann2.Text("main"));
        Assert.Single(ann2.Page.QuerySelectorAll("article .rl-chapter"));
        Assert.Contains("inhoudelijk nieuwe regel", ann2.Text("article"));
        Assert.Contains("wijzigingen in versie 2.0", ann2.Text("label[for=i-confirm]"));
        await ann2.SubmitAsync("form.confirm-box", new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        var record = (await Rollouts.FindAsync(people.Single(p => p.Email == ann).Id, v2, Ct))!;
        Assert.Equal(AcknowledgementScope.Changes, record.Scope);
        Assert.Equal("1.0", record.SinceLabel);

        using var ben2 = await SignInAsync(fixture.App, ben);
        await ben2.GetAsync($"/s/{org}/read");
        Assert.True(ben2.Page.QuerySelectorAll("article .clause").Length > 10);
    }

    [Fact]
    public async Task An_acknowledgement_of_a_version_superseded_meanwhile_is_refused_and_stores_nothing()
    {
        var cas = Flows.NewEmail("cas");
        var (owner, org, v1, people) = await PublishedAsync(fixture, "Installatiebedrijf Oost", (cas, "Cas Koper", null, Language.Nl));
        using var _ = owner;
        using var s = await SignInAsync(fixture.App, cas);
        await s.GetAsync($"/s/{org}/read");
        var form = s.Page.QuerySelector("form.confirm-box");

        // Meanwhile the owner publishes version 2.0.
        await AdaptFirstClauseAsync(owner, org, "Anders", "Een andere regel.");
        var v2 = await AdoptionTests.CreateVersionAsync(owner, org, "substantive");
        await AdoptionTests.MoveAsync(owner, org, v2, VersionMove.Publish);

        // The page still holds version 1.0: confirming it is refused with an explanation.
        await s.PostAsync($"/s/{org}/read", [new("__RequestVerificationToken", WebSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)form!).First(f => f.Key == "__RequestVerificationToken").Value),
            new("VersionId", v1.ToString()), new("Scope", "full"), new("Since", ""), new("Confirm", "true")], follow: false);
        Assert.Equal(HttpStatusCode.Conflict, s.Status);
        Assert.Contains("nieuwe versie", s.Text(".error-summary"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM acknowledgements WHERE staff_member_id = @id", new { id = people[0].Id }));

        // And at store level: 1.0 is no longer in force.
        var session = (await fixture.App.Services.GetRequiredService<StaffSessionStore>().FindAsync(
            await fixture.App.Services.GetRequiredService<Database>().OpenAsync(Ct) is var c ? await c.ExecuteScalarAsync<Guid>("SELECT id FROM staff_sessions WHERE staff_member_id = @id", new { id = people[0].Id }) : Guid.Empty, Ct))!;
        var (outcome, record) = await Rollouts.AcknowledgeAsync(session, v1, AcknowledgementScope.Full, null, Language.Nl, "x", null, null, Ct);
        Assert.Equal(AcknowledgeOutcome.NotInForce, outcome);
        Assert.Null(record);
    }

    [Fact]
    public async Task Asking_for_a_new_link_answers_the_same_for_every_address_and_only_mails_people_on_the_list()
    {
        var dana = Flows.NewEmail("dana");
        var (owner, org, _, _) = await PublishedAsync(fixture, "Bouwbedrijf Noord", (dana, "Dana Steen", null, Language.Nl));
        owner.Dispose();
        using var s = fixture.App.Session();
        var stranger = Flows.NewEmail("vreemde");
        string Answer() => s.Text(".notice");
        await s.GetAsync($"/s/{org}/link");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [stranger] });
        var forStranger = Answer();
        await s.GetAsync($"/s/{org}/link");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [dana.ToUpperInvariant()] });
        Assert.Equal(forStranger, Answer());
        await s.GetAsync($"/s/{Guid.NewGuid()}/link");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [dana] });
        Assert.Equal(forStranger, Answer());

        Assert.Null((await Flows.LastMailAsync(fixture.App, stranger)).Template);
        using var viaRequest = await SignInAsync(fixture.App, dana, "staff-link");
        Assert.Contains("Dana Steen", viaRequest.Text("main"));

        // At most three requested links an hour: the fourth request mails nothing.
        for (var i = 0; i < 3; i++)
        {
            await s.GetAsync($"/s/{org}/link");
            await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [dana] });
        }

        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM staff_links l JOIN staff_members m ON m.id = l.staff_member_id WHERE m.email = @dana AND l.purpose = 'request'", new { dana }));

        // A bad address gets a precise message.
        await s.GetAsync($"/s/{org}/link");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = ["geen-adres"] }, follow: false);
        Assert.Equal(HttpStatusCode.BadRequest, s.Status);
        Assert.Contains("geldig e-mailadres", s.Text(".error-summary"));
    }

    [Fact]
    public async Task A_staff_session_reaches_only_its_own_staff_pages_and_the_employee_tools()
    {
        var eva = Flows.NewEmail("eva");
        var (owner, org, _, _) = await PublishedAsync(fixture, "Advocatenkantoor Zuid", (eva, "Eva Recht", null, Language.Nl));
        using var _ = owner;
        var (other, otherOrg) = await AdoptionTests.OrganisationAsync(fixture, "Ander Kantoor", worksCouncil: false);
        other.Dispose();
        using var s = await SignInAsync(fixture.App, eva);

        // The employee tools of its own organisation work, reached from the staff page.
        await s.GetAsync(s.Page.QuerySelector("a[href$='/tools/post-check']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Equal($"/o/{org}/tools/post-check", s.Url);
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = ["Mijn BSN is 111222333, bel me op 06-12345678."] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.NotNull(s.Page.QuerySelector("#verdict.verdict-red"));
        foreach (var tool in new[] { "response-guide", "disclaimer", "" })
        {
            await s.GetAsync($"/o/{org}/tools/{tool}".TrimEnd('/'), follow: false);
            Assert.Equal(HttpStatusCode.OK, s.Status);
        }

        // Every other organisation page, of its own organisation or another: 404, 403 or the login page.
        var routes = await Security.ForeignOrganisationTests.OrganisationRoutesAsync(fixture.App.Services);
        var tried = 0;
        foreach (var route in routes.Where(r => r.Method == "GET" && !r.Template.StartsWith("s/", StringComparison.Ordinal) && !r.Template.Contains("/tools", StringComparison.Ordinal)))
        {
            foreach (var target in new[] { org, otherOrg })
            {
                var path = Security.ForeignOrganisationTests.PathOf(route, target, "x", "x", Guid.NewGuid(), Guid.NewGuid());
                await s.GetAsync(path + (route.Handler is null ? "" : "?handler=" + route.Handler), follow: false);
                var toLogin = s.Status == HttpStatusCode.Redirect && s.Response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
                Assert.True(toLogin || s.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"GET {path} answered {(int)s.Status}");
                tried++;
            }
        }

        Assert.True(tried > 20, $"only {tried} tried");

        // Every form of the editor pages, posted with the staff session's own antiforgery token: refused, and nothing changes.
        var protocols = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Protocols.ProtocolStore>();
        var before = await protocols.GetAsync(org, Ct);
        var auditBefore = await CountAsync("SELECT COUNT(*) FROM audit_events WHERE organisation_id = @org", new { org });
        await s.GetAsync($"/s/{org}");
        var token = s.Token();
        var posted = 0;
        foreach (var route in routes.Where(r => r.Method == "POST" && !r.Template.StartsWith("s/", StringComparison.Ordinal) && !r.Template.Contains("/tools", StringComparison.Ordinal) && !r.Template.Contains("post-check", StringComparison.Ordinal)))
        {
            var path = Security.ForeignOrganisationTests.PathOf(route, org, "x", "x", Guid.NewGuid(), Guid.NewGuid());
            await s.PostAsync(path + (route.Handler is null ? "" : "?handler=" + route.Handler),
                [new("__RequestVerificationToken", token), new("q.org_name", "Gekaapt"), new("Move", "Withdraw"), new("Title", "Gekaapt"), new("Text", "Gekaapt"), new("on", "true")], follow: false);
            var toLogin = s.Status == HttpStatusCode.Redirect && s.Response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
            Assert.True(toLogin || s.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"POST {path} answered {(int)s.Status}");
            posted++;
        }

        Assert.True(posted > 10, $"only {posted} posted");
        var after = await protocols.GetAsync(org, Ct);
        Assert.Equal(before!.Revision, after!.Revision);
        Assert.Equal(auditBefore, await CountAsync("SELECT COUNT(*) FROM audit_events WHERE organisation_id = @org", new { org }));

        // Another organisation's staff pages and tools are closed to it.
        await s.GetAsync($"/s/{otherOrg}", follow: false);
        Assert.Equal($"/s/{otherOrg}/link?expired=1", s.Response.Headers.Location?.ToString());
        await s.GetAsync($"/o/{otherOrg}/tools/post-check", follow: false);
        Assert.True(s.Status is HttpStatusCode.NotFound || s.Response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true, $"{(int)s.Status}");

        // Signing out ends the session on the server: the cookie copied before is refused.
        await s.GetAsync($"/s/{org}");
        await s.SubmitAsync("form[action*='handler=signOut']", follow: false);
        await s.GetAsync($"/s/{org}", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, s.Status);
    }

    [Fact]
    public async Task The_API_imports_staff_reports_the_status_and_exports_sealed_acknowledgements_for_the_owner_only()
    {
        var hana = Flows.NewEmail("hana");
        var (owner, org, version, _) = await PublishedAsync(fixture, "Reisbureau Zon", (hana, "Hana Reis", "Balie", Language.Nl));
        using var _ = owner;
        async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> Send(WebSession s, HttpMethod method, string url, string? csv = null)
        {
            var request = new HttpRequestMessage(method, url);
            if (csv is not null)
            {
                request.Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
            }

            await s.SendAsync(request, follow: false);
            return (s.Status, s.Html.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(s.Html).RootElement.Clone());
        }

        var csv = "naam,e-mail,afdeling\r\nIris Zee,iris@voorbeeld.nl,Balie\r\nKapot,geen-adres,Balie\r\n";
        var (dry, preview) = await Send(owner, HttpMethod.Post, $"/api/v1/o/{org}/staff/import?dryRun=true", csv);
        Assert.Equal(HttpStatusCode.OK, dry);
        Assert.Equal(1, preview.GetProperty("added").GetInt32());
        Assert.Equal(3, preview.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM staff_members WHERE organisation_id = @org", new { org }));
        var (done, report) = await Send(owner, HttpMethod.Post, $"/api/v1/o/{org}/staff/import", csv);
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Equal(1, report.GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(owner, HttpMethod.Post, $"/api/v1/o/{org}/staff/import")).Status);

        // Iris was added after publication: the next round invites her too.
        Assert.Equal(1, await fixture.App.Services.GetRequiredService<RolloutService>().SendDueAsync(org, Ct));
        using (var s = await SignInAsync(fixture.App, hana))
        {
            await s.GetAsync($"/s/{org}/read");
            await s.SubmitAsync("form.confirm-box", new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        }

        var (ok, status) = await Send(owner, HttpMethod.Get, $"/api/v1/o/{org}/rollout");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(2, status.GetProperty("people").GetInt32());
        Assert.Equal(1, status.GetProperty("acknowledged").GetInt32());
        Assert.Equal("Balie", status.GetProperty("departments")[0].GetProperty("department").GetString());

        var (exported, records) = await Send(owner, HttpMethod.Get, $"/api/v1/o/{org}/versions/{version}/acknowledgements");
        Assert.Equal(HttpStatusCode.OK, exported);
        var record = EvidencePack.FromFields(records[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""));
        Assert.Null(record.Problem());
        Assert.Equal(hana, record.StaffEmail);

        // An editor is refused; so is anyone without an account.
        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(editor, HttpMethod.Get, $"/api/v1/o/{org}/rollout")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(editor, HttpMethod.Post, $"/api/v1/o/{org}/staff/import", csv)).Status);
        await editor.GetAsync($"/o/{org}/rollout", follow: false);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        using var anonymous = fixture.App.Session();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, HttpMethod.Get, $"/api/v1/o/{org}/rollout")).Status);
    }

    [Fact]
    public async Task Two_instances_sending_at_the_same_time_queue_every_invitation_exactly_once()
    {
        var (owner, org) = await AdoptionTests.OrganisationAsync(fixture, "Schoonmaakbedrijf Glans", worksCouncil: false);
        using var _ = owner;
        for (var i = 0; i < 60; i++)
        {
            Assert.True(await Staff.AddAsync(org, new StaffRow(0, $"glans{i}-{org:N}@voorbeeld.nl", $"Medewerker {i}", i % 3 == 0 ? "Kantoor" : "Buitendienst", Language.Nl, null), Actor.System, Ct));
        }

        // Published through the store, so the page's own first round does not run: the two instances race for all of it.
        var version = await AdoptionTests.CreateVersionAsync(owner, org);
        await fixture.App.Services.GetRequiredService<VersionStore>().MoveAsync(org, version, VersionMove.Publish, Actor.System, ct: Ct);
        await Rollouts.StartAsync(org, version, "https://richtsnoer.example.nl", Ct);
        await using var second = fixture.SecondInstance();
        var one = fixture.App.Services.GetRequiredService<RolloutService>();
        var two = second.Services.GetRequiredService<RolloutService>();
        var counts = await Task.WhenAll(one.SendDueAsync(org, Ct), two.SendDueAsync(org, Ct), one.SendDueAsync(org, Ct), two.SendDueAsync(org, Ct));
        Assert.Equal(60, counts.Sum());
        Assert.Equal(60, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE version_id = @version", new { version }));
        Assert.Equal(60, await CountAsync("SELECT COUNT(DISTINCT to_address) FROM email_outbox WHERE organisation_id = @org AND template = 'rollout-invitation'", new { org }));
        Assert.Equal(60, await CountAsync("SELECT COUNT(*) FROM email_outbox WHERE organisation_id = @org AND template = 'rollout-invitation'", new { org }));
    }

    [Fact]
    public async Task Reminders_follow_the_schedule_never_reach_someone_who_acknowledged_and_stop_at_a_new_version()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<TimeProvider>(time)));
        var fay = Flows.NewEmail("fay");
        var gus = Flows.NewEmail("gus");
        var owner = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var ownerEmail = await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Transport Midden");
        await Flows.CompleteInterviewAsync(owner, org);
        var staff = app.Services.GetRequiredService<StaffStore>();
        await staff.AddAsync(org, new StaffRow(0, fay, "Fay Vracht", null, Language.Nl, null), Actor.System, Ct);
        await staff.AddAsync(org, new StaffRow(0, gus, "Gus Laad", null, Language.Nl, null), Actor.System, Ct);
        var version = await AdoptionTests.CreateVersionAsync(owner, org);
        await AdoptionTests.MoveAsync(owner, org, version, VersionMove.Publish);
        var service = app.Services.GetRequiredService<RolloutService>();
        var people = await staff.ListAsync(org, ct: Ct);
        var fayId = people.Single(p => p.Email == fay).Id;
        var gusId = people.Single(p => p.Email == gus).Id;
        Task<long> Messages(Guid id) => CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE staff_member_id = @id", new { id });

        // Fay acknowledges at once; Gus does not.
        using (var s = await SignInAsync(app, fay))
        {
            await s.GetAsync($"/s/{org}/read");
            await s.SubmitAsync("form.confirm-box", new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        }

        time.Now += TimeSpan.FromDays(6);
        Assert.Equal(0, await service.SendDueAsync(org, Ct));
        time.Now += TimeSpan.FromDays(1.1);
        Assert.Equal(1, await service.SendDueAsync(org, Ct));
        Assert.Equal(0, await service.SendDueAsync(org, Ct));
        Assert.Equal("rollout-reminder", (await Flows.LastMailAsync(app, gus)).Template);

        // After an outage past both reminder days, only one reminder goes out per round.
        time.Now += TimeSpan.FromDays(30);
        Assert.Equal(1, await service.SendDueAsync(org, Ct));
        Assert.Equal(0, await service.SendDueAsync(org, Ct));
        Assert.Equal(3, await Messages(gusId));
        Assert.Equal(1, await Messages(fayId));

        // The overview shows Gus as overdue and never opened (the owner logs in again: 37 days passed).
        await Flows.LoginAsync(owner, ownerEmail);
        await owner.GetAsync($"/o/{org}/rollout?show=overdue");
        Assert.Equal(["never-opened"], owner.Page.QuerySelectorAll("#people tbody tr").Select(r => r.GetAttribute("data-state")!));
        Assert.Contains("Gus Laad", owner.Text("#people"));
        var (csvResponse, csv) = await owner.DownloadAsync($"/o/{org}/rollout?handler=csv&show=overdue");
        Assert.Contains("Gus Laad", System.Text.Encoding.UTF8.GetString(csv));
        Assert.DoesNotContain("Fay Vracht", System.Text.Encoding.UTF8.GetString(csv));

        // A new version stops the reminders about the old one: Gus gets the new version's invitation instead.
        await AdaptFirstClauseAsync(owner, org, "Nieuw", "Een nieuwe regel.");
        var v2 = await AdoptionTests.CreateVersionAsync(owner, org, "substantive");
        await AdoptionTests.MoveAsync(owner, org, v2, VersionMove.Publish);
        time.Now += TimeSpan.FromDays(8);
        await service.SendDueAsync(org, Ct);
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE staff_member_id = @gusId AND version_id = @version", new { gusId, version }));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM rollout_messages WHERE staff_member_id = @gusId AND version_id = @v2", new { gusId, v2 }));

        owner.Dispose();
    }
}

[Collection("sqlite")]
public sealed class RolloutTestsOnSqlite(SqliteFixture f) : RolloutTests(f);

[Collection("postgres")]
public sealed class RolloutTestsOnPostgres(PostgresFixture f) : RolloutTests(f);

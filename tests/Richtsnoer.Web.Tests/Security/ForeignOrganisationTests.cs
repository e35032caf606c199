using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Every route under /o/{orgId}, found from the app's own route table, with every handler
/// (GET and POST), tried by a signed-in user of another organisation: always 404 or 403, and
/// nothing of the organisation changes.
/// </summary>
public abstract class ForeignOrganisationTests(AppFixture fixture)
{
    public sealed record Route(string Template, string Method, string? Handler);

    /// <summary>The organisation routes and their handlers, from the route table and the page models.</summary>
    public static async Task<IReadOnlyList<Route>> OrganisationRoutesAsync(IServiceProvider services)
    {
        var pages = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        foreach (var page in pages.Where(p => p.AttributeRouteInfo?.Template?.Contains("{orgId", StringComparison.Ordinal) == true))
        {
            var compiled = await loader.LoadAsync(page, new Microsoft.AspNetCore.Http.EndpointMetadataCollection());
            foreach (var handler in compiled.HandlerMethods)
            {
                routes.Add(new Route(page.AttributeRouteInfo!.Template!, handler.HttpMethod.ToUpperInvariant(), handler.Name));
            }
        }

        // Endpoints that are not pages (minimal APIs), with their HTTP methods.
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
            if (!template.Contains("{orgId", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || routes.Any(r => r.Template == template))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new Route(template, method.ToUpperInvariant(), null));
            }
        }

        return routes;
    }

    /// <summary>The route's template with every parameter filled in.</summary>
    public static string PathOf(Route route, Guid org, string clauseId, string id, Guid versionId, Guid staffMemberId) =>
        "/" + route.Template
            .Replace("{orgId:guid}", org.ToString())
            .Replace("{step?}", "organisation")
            .Replace("{clauseId}", clauseId)
            .Replace("{format}", "pdf")
            .Replace("{id?}", id)
            .Replace("{versionId:guid}", versionId.ToString())
            .Replace("{staffMemberId:guid}", staffMemberId.ToString());

    [Fact]
    public async Task Every_route_with_a_foreign_organisation_id_answers_404_or_403_and_changes_nothing()
    {
        // Victim: a generated protocol with an adapted clause and an own clause.
        using var victim = fixture.App.Session();
        await Flows.RegisterAsync(victim);
        var org = await Flows.CreateOrganisationAsync(victim, "Slachtoffer BV");
        await Flows.CompleteInterviewAsync(victim, org);
        var clauseLink = victim.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        var clauseId = clauseLink.Split('/')[5].Split('?')[0];
        await victim.GetAsync(clauseLink);
        await victim.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = ["Geheim"], ["Text"] = ["Alleen voor ons."] });
        await victim.GetAsync($"/o/{org}/protocol/own");
        await victim.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Section"] = ["conduct"], ["TitleNl"] = ["Eigen"], ["TextNl"] = ["Tekst."] });
        var ownId = victim.Page.QuerySelector(".clause .badge.own")!.Closest(".clause")!.GetAttribute("data-clause")!;

        var versionId = await Adoption.AdoptionTests.CreateVersionAsync(victim, org);
        await victim.GetAsync($"/o/{org}/members");
        await victim.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [Flows.NewEmail("genodigde")] });
        var invitations = fixture.App.Services.GetRequiredService<InvitationStore>();
        var invitation = Assert.Single(await invitations.ListOpenAsync(org, TestContext.Current.CancellationToken));

        var staff = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Staff.StaffStore>();
        Assert.True(await staff.AddAsync(org, new Richtsnoer.Core.Staff.StaffRow(0, "medewerker@voorbeeld.nl", "Mira Medewerker", "Verkoop", Richtsnoer.Core.Language.Nl, null), Richtsnoer.Storage.Adoption.Actor.System, TestContext.Current.CancellationToken));
        var staffMember = Assert.Single(await staff.ListAsync(org, ct: TestContext.Current.CancellationToken));

        var protocols = fixture.App.Services.GetRequiredService<ProtocolStore>();
        var before = await protocols.GetAsync(org, TestContext.Current.CancellationToken);

        // Attacker: signed in, with an organisation of their own.
        using var attacker = fixture.App.Session();
        await Flows.RegisterAsync(attacker);
        var own = await Flows.CreateOrganisationAsync(attacker, "Aanvaller BV");
        var token = attacker.Token();

        var routes = await OrganisationRoutesAsync(fixture.App.Services);
        Assert.Contains(routes, r => r.Template.EndsWith("/interview/{step?}", StringComparison.Ordinal) && r.Method == "POST" && r.Handler == "Preview");
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes found");
        TestContext.Current.SendDiagnosticMessage($"{routes.Count} organisation routes and handlers tried with a foreign id");

        var group = ContentLibrary.Default.AlternativeGroups.First();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("q.org_name", "Overgenomen"), new("q.sector", "ict"), new("nav", "next"), new("shown", "org_name"),
            new("Title", "Gekaapt"), new("Text", "Gekaapt"), new("Email", "x@voorbeeld.nl"), new("Name", "x"),
            new("Section", "conduct"), new("TitleNl", "Gekaapt"), new("TextNl", "Gekaapt"),
            new("group", group.Key), new("clause", group.Last().Id), new("id", ownId), new("userId", Guid.NewGuid().ToString()),
            new("invitationId", invitation.Id.ToString()),
            new("Move", "Withdraw"), new("Comment", "Gekaapt"), new("Kind", "substantive"),
            new("staffMemberId", staffMember.Id.ToString()), new("ImportId", Guid.NewGuid().ToString()),
            new("Add.Name", "Gekaapt"), new("Add.Email", "gekaapt@voorbeeld.nl"), new("Person.Name", "Gekaapt"), new("Person.Email", "gekaapt@voorbeeld.nl"),
        };

        var tried = new List<string>();
        foreach (var route in routes)
        {
            var path = PathOf(route, org, clauseId, ownId, versionId, staffMember.Id);
            Assert.DoesNotContain("{", path);
            var url = path + (route.Handler is null ? "" : "?handler=" + route.Handler);
            if (route.Method == "GET")
            {
                await attacker.GetAsync(url, follow: false);
            }
            else if (route.Template.StartsWith("api/", StringComparison.Ordinal))
            {
                var request = new HttpRequestMessage(new HttpMethod(route.Method), url)
                {
                    Content = new StringContent("{\"text\":\"Slachtoffer BV is geweldig\",\"lang\":\"nl\"}", System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("RequestVerificationToken", token);
                await attacker.SendAsync(request, follow: false);
            }
            else
            {
                await attacker.PostAsync(url, fields, follow: false);
            }

            tried.Add($"{route.Method} {url} -> {(int)attacker.Status}");
            if (route.Template.StartsWith("s/", StringComparison.Ordinal))
            {
                // The staff pages: without a staff session of this organisation they send the
                // visitor to the link request; the link request and the sign-in page are public
                // and answer the same for every organisation id.
                var isPublic = route.Template.EndsWith("/link", StringComparison.Ordinal) || route.Template.EndsWith("/signin", StringComparison.Ordinal);
                var toLink = attacker.Status == HttpStatusCode.Redirect && attacker.Response.Headers.Location?.ToString() == $"/s/{org}/link?expired=1";
                Assert.True(toLink || (isPublic && attacker.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest), $"{route.Method} {url} answered {(int)attacker.Status}");
            }
            else
            {
                Assert.True(attacker.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{route.Method} {url} answered {(int)attacker.Status}");
            }

            Assert.DoesNotContain("Slachtoffer BV", attacker.Html.Replace("Slachtoffer BV is geweldig", ""));
        }

        // The attacker's own organisation answers the same routes normally (the test is not vacuous).
        await attacker.GetAsync($"/o/{own}/interview/organisation");
        Assert.Equal(HttpStatusCode.OK, attacker.Status);

        // Nor does the victim's invitation id work through the attacker's own organisation.
        await attacker.GetAsync($"/o/{own}/members");
        await attacker.PostAsync($"/o/{own}/members?handler=revoke", [new("__RequestVerificationToken", attacker.Token()), new("invitationId", invitation.Id.ToString())], follow: false);
        Assert.Equal(HttpStatusCode.NotFound, attacker.Status);
        Assert.Single(await invitations.ListOpenAsync(org, TestContext.Current.CancellationToken));

        // Nor does the victim's version id through the attacker's own organisation.
        foreach (var path in new[] { $"/o/{own}/versions/{versionId}", $"/o/{own}/versions/{versionId}/download/pdf" })
        {
            await attacker.GetAsync(path, follow: false);
            Assert.Equal(HttpStatusCode.NotFound, attacker.Status);
        }

        await attacker.PostAsync($"/o/{own}/versions/{versionId}?handler=move", [new("__RequestVerificationToken", attacker.Token()), new("Move", "Withdraw")], follow: false);
        Assert.Equal(HttpStatusCode.NotFound, attacker.Status);
        var versions = fixture.App.Services.GetRequiredService<Richtsnoer.Storage.Adoption.VersionStore>();
        var version = await versions.GetAsync(org, versionId, TestContext.Current.CancellationToken);
        Assert.Equal(Richtsnoer.Core.Adoption.VersionState.Draft, version!.Summary.State);
        Assert.DoesNotContain(version.History, e => e.Kind == "comment.added");

        Assert.Equal(staffMember, Assert.Single(await staff.ListAsync(org, ct: TestContext.Current.CancellationToken)));

        // Nor does the victim's staff member id through the attacker's own organisation.
        await attacker.GetAsync($"/o/{own}/staff/{staffMember.Id}", follow: false);
        Assert.Equal(HttpStatusCode.NotFound, attacker.Status);

        var after = await protocols.GetAsync(org, TestContext.Current.CancellationToken);
        Assert.Equal(before!.Revision, after!.Revision);
        Assert.Equal(before.Answers, after.Answers);
        TestContext.Current.SendDiagnosticMessage(string.Join("\n", tried));
    }

    [Fact]
    public async Task A_non_existent_organisation_id_is_indistinguishable_from_a_foreign_one()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        await s.GetAsync($"/o/{Guid.NewGuid()}/protocol");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
        await s.GetAsync("/o/not-a-guid/protocol");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var s = fixture.App.Session();
        foreach (var url in new[] { "/organisations", $"/o/{Guid.NewGuid()}/interview/organisation", $"/o/{Guid.NewGuid()}/download/pdf", $"/o/{Guid.NewGuid()}/members" })
        {
            await s.GetAsync(url, follow: false);
            Assert.Equal(HttpStatusCode.Redirect, s.Status);
            Assert.StartsWith("/account/login", WebSession.Local(s.Response.Headers.Location!.OriginalString), StringComparison.OrdinalIgnoreCase);
        }
    }
}

[Collection("sqlite")]
public sealed class ForeignOrganisationTestsOnSqlite(SqliteFixture f) : ForeignOrganisationTests(f);

[Collection("postgres")]
public sealed class ForeignOrganisationTestsOnPostgres(PostgresFixture f) : ForeignOrganisationTests(f);

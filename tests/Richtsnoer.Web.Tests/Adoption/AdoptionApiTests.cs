using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Adoption;

/// <summary>The JSON API under /api/v1: the same rules as the pages, ProblemDetails for errors, described by OpenAPI.</summary>
public abstract class AdoptionApiTests(AppFixture fixture)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(WebSession s, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        await s.SendAsync(request, follow: false);
        var text = await s.Response.Content.ReadAsStringAsync();
        return (s.Status, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> MoveAsync(WebSession s, Guid org, Guid version, string move, string? date = null, string? conditions = null) =>
        SendAsync(s, HttpMethod.Post, $"/api/v1/o/{org}/versions/{version}/moves", new { move, date, conditions });

    [Fact]
    public async Task The_api_adopts_a_version_with_the_works_council_and_refuses_what_the_pages_refuse()
    {
        var (owner, org) = await AdoptionTests.OrganisationAsync(fixture, "Api Met OR", worksCouncil: true);
        using var _ = owner;

        using var anonymous = fixture.App.Session();
        var (status401, problem401) = await SendAsync(anonymous, HttpMethod.Get, $"/api/v1/o/{org}/versions");
        Assert.Equal(HttpStatusCode.Unauthorized, status401);
        Assert.Equal("application/problem+json", anonymous.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem401.GetProperty("status").GetInt32());

        var (created, v1) = await SendAsync(owner, HttpMethod.Post, $"/api/v1/o/{org}/versions", new { kind = (string?)null });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("1.0", v1.GetProperty("label").GetString());
        Assert.Equal("Draft", v1.GetProperty("state").GetString());
        Assert.True(v1.GetProperty("consentRequired").GetBoolean());
        var id = v1.GetProperty("id").GetGuid();

        // Not JSON: refused, so a form on another site cannot post here.
        await owner.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/o/{org}/versions/{id}/moves") { Content = new FormUrlEncodedContent([new("move", "Submit")]) }, follow: false);
        Assert.Equal(HttpStatusCode.BadRequest, owner.Status);

        var (illegal, problem) = await MoveAsync(owner, org, id, "Publish");
        Assert.Equal(HttpStatusCode.Conflict, illegal);
        Assert.Equal(IllegalMoveException.UserMessage.Nl, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(owner, org, id, "Submit")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(owner, org, id, "RecordConsent")).Status);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var (consented, state) = await MoveAsync(owner, org, id, "RecordConsent", today);
        Assert.Equal(HttpStatusCode.OK, consented);
        Assert.Equal("Consented", state.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(owner, org, id, "Publish")).Status);

        var (_, detail) = await SendAsync(owner, HttpMethod.Get, $"/api/v1/o/{org}/versions/{id}");
        Assert.Equal("Published", detail.GetProperty("version").GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "version.published");

        // 2.0 after a rule changed: the diff names the changed clauses; the DOCX has tracked changes.
        await Flows.AnswerStepAsync(owner, org, "working-hours", new Dictionary<string, string[]> { ["q.working_hours"] = ["none"] });
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(owner, HttpMethod.Post, $"/api/v1/o/{org}/versions", new { kind = "groot" })).Status);
        var (_, v2) = await SendAsync(owner, HttpMethod.Post, $"/api/v1/o/{org}/versions", new { kind = "substantive" });
        Assert.Equal("2.0", v2.GetProperty("label").GetString());
        var v2Id = v2.GetProperty("id").GetGuid();
        var (_, diff) = await SendAsync(owner, HttpMethod.Get, $"/api/v1/o/{org}/versions/{v2Id}/diff");
        Assert.Equal("1.0", diff.GetProperty("fromLabel").GetString());
        Assert.NotEmpty(diff.GetProperty("clauses").EnumerateArray());
        await owner.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/o/{org}/versions/{v2Id}/diff?format=docx"), follow: false);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await owner.Response.Content.ReadAsByteArrayAsync())[..2]));
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(owner, org, v2Id, "Publish")).Status);

        var (_, audit) = await SendAsync(owner, HttpMethod.Get, $"/api/v1/o/{org}/audit");
        Assert.True(audit.GetProperty("intact").GetBoolean());
        Assert.Equal(audit.GetProperty("entriesChecked").GetInt32(), audit.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Every_move_the_state_machine_does_not_allow_is_refused_through_the_api_and_changes_nothing()
    {
        var (owner, org) = await AdoptionTests.OrganisationAsync(fixture, "Api Alle Stappen", worksCouncil: true);
        using var _ = owner;
        await AdoptionTests.CreateVersionAsync(owner, org);
        var versions = fixture.App.Services.GetRequiredService<VersionStore>();
        var tried = 0;
        foreach (var state in Enum.GetValues<VersionState>())
        {
            foreach (var move in Enum.GetValues<VersionMove>())
            {
                var id = await AdoptionTests.VersionInStateAsync(versions, org, state);
                var requirement = (await versions.GetAsync(org, id))!.Requirement;
                var allowed = move != VersionMove.Supersede && VersionStateMachine.TryNext(state, move, requirement) is not null;
                var (status, body) = await MoveAsync(owner, org, id, move.ToString(), DateTime.UtcNow.ToString("yyyy-MM-dd"), "Voorwaarde.");
                tried++;
                var after = (await versions.GetAsync(org, id))!.Summary.State;
                if (allowed)
                {
                    Assert.True(status == HttpStatusCode.OK, $"{state} + {move}: {status} {body}");
                    Assert.Equal(VersionStateMachine.Next(state, move, requirement).ToString(), body.GetProperty("state").GetString());
                }
                else
                {
                    Assert.True(status == HttpStatusCode.Conflict, $"{state} + {move} answered {status}");
                    Assert.Equal(IllegalMoveException.UserMessage.Nl, body.GetProperty("detail").GetString());
                    Assert.Equal(state, after);
                }
            }
        }

        var draft = await AdoptionTests.VersionInStateAsync(versions, org, VersionState.Draft);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(owner, org, draft, "Explode")).Status);
        TestContext.Current.SendDiagnosticMessage($"{tried} state and move pairs tried through the API");
    }

    [Fact]
    public async Task Editors_and_the_works_council_cannot_move_versions_and_strangers_see_nothing()
    {
        var (owner, org) = await AdoptionTests.OrganisationAsync(fixture, "Api Rollen", worksCouncil: true);
        using var _ = owner;
        var id = await AdoptionTests.CreateVersionAsync(owner, org);
        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(editor, org, id, "Submit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(editor, HttpMethod.Get, $"/api/v1/o/{org}/audit")).Status);

        using var stranger = fixture.App.Session();
        await Flows.RegisterAsync(stranger);
        foreach (var url in new[] { $"/api/v1/o/{org}/versions", $"/api/v1/o/{org}/versions/{id}", $"/api/v1/o/{org}/audit", $"/api/v1/o/{org}/versions/{id}/diff" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(stranger, HttpMethod.Get, url)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(stranger, org, id, "Submit")).Status);
        Assert.Equal(VersionState.Draft, (await fixture.App.Services.GetRequiredService<VersionStore>().GetAsync(org, id))!.Summary.State);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document_and_a_reference_page()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, s.Status);
        using var doc = JsonDocument.Parse(s.Html);
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/o/{orgId}/versions", "/api/v1/o/{orgId}/versions/{versionId}/moves", "/api/v1/o/{orgId}/versions/{versionId}/diff", "/api/v1/o/{orgId}/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        await s.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("De API van Richtsnoer", s.Html);
        Assert.Contains("/api/v1/o/{orgId}/versions/{versionId}/moves", s.Html);
    }
}

[Collection("sqlite")]
public sealed class AdoptionApiTestsOnSqlite(SqliteFixture f) : AdoptionApiTests(f);

[Collection("postgres")]
public sealed class AdoptionApiTestsOnPostgres(PostgresFixture f) : AdoptionApiTests(f);

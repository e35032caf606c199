using System.Net;
using System.Text.Json;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Interview;

public abstract class InterviewTests(AppFixture fixture)
{
    private static ContentLibrary Library => ContentLibrary.Default;

    private async Task<(WebSession Session, Guid Org)> StartAsync(string name = "Zorggroep Het Anker")
    {
        var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        return (s, await Flows.CreateOrganisationAsync(s, name));
    }

    [Fact]
    public async Task Every_step_shows_the_questions_of_the_content_definition_with_step_x_of_n()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        var total = Library.Interview.ScreenCount;
        for (var i = 0; i < Library.Interview.Steps.Count; i++)
        {
            var step = Library.Interview.Steps[i];
            await s.GetAsync($"/o/{org}/interview/{step.Id}");
            Assert.Equal(HttpStatusCode.OK, s.Status);
            Assert.Equal($"Stap {i + 1} van {total}", s.Text(".step-count"));
            Assert.Equal(step.Title.Nl, s.Text("h1"));
            var shown = s.Page.QuerySelectorAll("#wizard [data-question]").Select(e => e.GetAttribute("data-question")).ToList();
            Assert.Equal(step.Questions.Select(q => q.Id), shown);
            // Every word of the help is there: the first sentence as the hint, the rest behind "Meer uitleg".
            foreach (var q in step.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Help.Nl)))
            {
                var more = s.Text($"[data-question={q.Id}] details.more-help p");
                Assert.Equal(q.Help.Nl, (s.Text($"#h-{q.Id}") + " " + more).Trim());
            }
        }
    }

    [Fact]
    public async Task The_organisation_name_is_already_filled_in()
    {
        var (s, _) = await StartAsync("Stichting Bolwerk");
        using var _s = s;
        Assert.Equal("Stichting Bolwerk", s.Page.QuerySelector("#q-org_name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_missing_required_answer_is_reported_next_to_its_field_and_the_step_stays()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation");
        Assert.Equal($"/o/{org}/interview/organisation", s.Url);
        Assert.Contains("verplicht", s.Text("#e-sector"));
        Assert.NotNull(s.Page.QuerySelector(".error-summary a[href='#q-sector']"));
        Assert.Contains("has-error", s.Page.QuerySelector("[data-question=sector]")!.ClassName);
    }

    [Fact]
    public async Task A_wrong_value_keeps_what_was_typed_and_explains_the_problem()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "contacts", new Dictionary<string, string[]>
        {
            ["q.escalation_contact.name"] = ["Afdeling Communicatie"],
            ["q.escalation_contact.email"] = ["communicatie-at-voorbeeld"],
        });
        Assert.Equal($"/o/{org}/interview/contacts", s.Url);
        Assert.Contains("geen geldig e-mailadres", s.Text("#e-escalation_contact-email"));
        Assert.Equal("communicatie-at-voorbeeld", s.Page.QuerySelector("#q-escalation_contact-email")!.GetAttribute("value"));
        Assert.Equal("Afdeling Communicatie", s.Page.QuerySelector("#q-escalation_contact")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Back_and_forward_keep_every_answer()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["zorg"], ["q.employee_count"] = ["240"] });
        Assert.Equal($"/o/{org}/interview/works-council", s.Url);
        await Flows.AnswerStepAsync(s, org, "works-council", new Dictionary<string, string[]> { ["q.works_council"] = ["true"] }, nav: "back");
        Assert.Equal($"/o/{org}/interview/organisation", s.Url);
        Assert.True(Checked(s, "q.sector", "zorg"));
        Assert.Equal("240", s.Page.QuerySelector("#q-employee_count")!.GetAttribute("value"));
        await s.GetAsync($"/o/{org}/interview/works-council");
        Assert.True(Checked(s, "q.works_council", "true"));
    }

    [Fact]
    public async Task A_sector_preset_fills_in_sensible_defaults_that_the_user_can_change()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["zorg"] });
        var preset = Library.Presets["zorg"];
        await s.GetAsync($"/o/{org}/interview/working-hours");
        var hours = ((RawValue.Scalar)preset["working_hours"]).Value;
        Assert.True(Checked(s, "q.working_hours", hours));
        Assert.NotNull(s.Page.QuerySelector("[data-question=working_hours] .origin"));

        await Flows.AnswerStepAsync(s, org, "working-hours", new Dictionary<string, string[]> { ["q.working_hours"] = ["free"] });
        await s.GetAsync($"/o/{org}/interview/working-hours");
        Assert.True(Checked(s, "q.working_hours", "free"));
        Assert.Null(s.Page.QuerySelector("[data-question=working_hours] .origin"));
    }

    [Fact]
    public async Task A_conditional_question_appears_only_when_it_applies()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["onderwijs"] });
        await Flows.AnswerStepAsync(s, org, "works-council", new Dictionary<string, string[]> { ["q.works_council"] = ["false"] });
        await s.GetAsync($"/o/{org}/interview/works-council");
        Assert.True(s.Page.QuerySelector("[data-question=consent_date]")!.HasAttribute("hidden"));

        await s.GetAsync($"/o/{org}/interview/monitoring");
        Assert.True(s.Page.QuerySelector("[data-question=monitoring_purpose]")!.HasAttribute("hidden"));

        // Without JavaScript: choosing "other" reveals the purpose question instead of moving on.
        await Flows.AnswerStepAsync(s, org, "monitoring", new Dictionary<string, string[]> { ["q.monitoring"] = ["other"] });
        Assert.Equal($"/o/{org}/interview/monitoring", s.Url);
        Assert.False(s.Page.QuerySelector("[data-question=monitoring_purpose]")!.HasAttribute("hidden"));
        Assert.Contains("verplicht", s.Text("#e-monitoring_purpose"));

        await Flows.AnswerStepAsync(s, org, "monitoring", new Dictionary<string, string[]>
        {
            ["q.monitoring_purpose"] = ["om vragen van ouders snel te beantwoorden"],
            ["q.monitoring_means"] = ["een zoekdienst voor openbare berichten"],
            ["q.monitoring_retention"] = ["drie maanden"],
            ["q.monitoring_access"] = ["de schoolleiding"],
        });
        Assert.Equal($"/o/{org}/interview/rules", s.Url);
    }

    [Fact]
    public async Task Answers_are_saved_at_every_step_and_the_interview_resumes_where_the_user_was()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["retail_horeca"] });
        await Flows.AnswerStepAsync(s, org, "works-council", new Dictionary<string, string[]> { ["q.works_council"] = ["false"] });
        Assert.Equal($"/o/{org}/interview/working-hours", s.Url);

        await s.GetAsync("/organisations");
        Assert.Contains("Verder bij stap 3", s.Text($".card a[href='/o/{org}/interview/working-hours']"));
        await s.GetAsync($"/o/{org}/interview");
        Assert.Equal($"/o/{org}/interview/working-hours", s.Url);
    }

    [Fact]
    public async Task Save_and_continue_later_saves_an_incomplete_step()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "contacts", new Dictionary<string, string[]> { ["q.doubt_contact.name"] = ["Jolanda, HR"] }, nav: "save");
        Assert.Equal("/organisations?saved=1", s.Url);
        Assert.Contains("Uw antwoorden zijn bewaard", s.Text(".notice[role=status]"));
        await s.GetAsync($"/o/{org}/interview/contacts");
        Assert.Equal("Jolanda, HR", s.Page.QuerySelector("#q-doubt_contact")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_live_preview_follows_the_form_without_saving_it()
    {
        var (s, org) = await StartAsync("Bakkerij Korrel");
        using var _ = s;
        var previewUrl = s.Page.QuerySelector("#wizard")!.GetAttribute("data-preview")!;
        Assert.Contains("Bakkerij Korrel", s.Text("#preview"));

        await s.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.org_name"] = ["Banketbakkerij Korrel & Zn."] }, to: previewUrl);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        using var json = JsonDocument.Parse(s.Html);
        Assert.Contains("Banketbakkerij Korrel &amp; Zn.", json.RootElement.GetProperty("html").GetString());

        await s.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal("Bakkerij Korrel", s.Page.QuerySelector("#q-org_name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_preview_changes_with_an_answer_and_reports_hidden_questions()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/interview/working-hours");
        var url = s.Page.QuerySelector("#wizard")!.GetAttribute("data-preview")!;
        await s.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.working_hours"] = ["free"] }, to: url);
        var free = JsonDocument.Parse(s.Html).RootElement.GetProperty("html").GetString();
        await s.GetAsync($"/o/{org}/interview/working-hours");
        await s.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.working_hours"] = ["none"] }, to: url);
        var none = JsonDocument.Parse(s.Html).RootElement.GetProperty("html").GetString();
        Assert.NotEqual(free, none);

        await s.GetAsync($"/o/{org}/interview/works-council");
        url = s.Page.QuerySelector("#wizard")!.GetAttribute("data-preview")!;
        await s.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.works_council"] = ["false"] }, to: url);
        Assert.Contains("consent_date", JsonDocument.Parse(s.Html).RootElement.GetProperty("hidden").EnumerateArray().Select(e => e.GetString()));
        await s.GetAsync($"/o/{org}/interview/works-council");
        await s.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.works_council"] = ["true"] }, to: url);
        Assert.DoesNotContain("consent_date", JsonDocument.Parse(s.Html).RootElement.GetProperty("hidden").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Without_javascript_every_step_shows_the_preview_of_the_saved_answers()
    {
        var (s, org) = await StartAsync("Gemeente Veldhoven-Oost");
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["overheid"] });
        Assert.Contains("Gemeente Veldhoven-Oost", s.Text("#preview"));
        Assert.Contains("[nog in te vullen]", s.Text("#preview"));

        // The phone's preview button needs the script; without it the preview stays below the form.
        Assert.True(s.Page.QuerySelector(".preview-toggle")!.HasAttribute("hidden"));
        Assert.False(s.Page.QuerySelector("#preview-panel")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Before_a_sector_is_chosen_the_preview_names_no_sector()
    {
        var (s, org) = await StartAsync("Stichting Zonder Sector");
        using var _ = s;
        await s.GetAsync($"/o/{org}/interview/organisation");
        var preview = s.Text("#preview");
        Assert.Contains("Stichting Zonder Sector", preview);
        foreach (var word in new[] { "cliënten", "patiënten", "raad van bestuur", "vrijwilliger" })
        {
            Assert.DoesNotContain(word, preview, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_sector_proposes_roles_without_ticking_them()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.sector"] = ["zorg"] });
        await s.GetAsync($"/o/{org}/interview/working-hours");
        Assert.Empty(s.Page.QuerySelectorAll("input[name='q.roles'][checked]"));
        Assert.Contains("Communicatie, Werving en selectie", s.Text("[data-question=roles] .suggestion"));

        await Flows.AnswerStepAsync(s, org, "working-hours", new Dictionary<string, string[]> { ["q.roles"] = ["communication"] });
        await s.GetAsync($"/o/{org}/interview/working-hours");
        Assert.True(Checked(s, "q.roles", "communication"));
        Assert.False(Checked(s, "q.roles", "recruitment"));
    }

    [Fact]
    public async Task Each_question_shows_one_line_of_help_and_the_rest_behind_more()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/interview/works-council");
        Assert.Equal("Een organisatie met 50 of meer medewerkers moet een OR hebben.", s.Text("#h-works_council"));
        var more = s.Page.QuerySelector("[data-question=works_council] details.more-help")!;
        Assert.False(more.HasAttribute("open"));
        Assert.Equal("Meer uitleg", more.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("artikel 27 Wet op de ondernemingsraden", more.TextContent);
    }

    [Fact]
    public async Task An_error_after_a_question_mark_reads_as_a_sentence()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.AnswerStepAsync(s, org, "contacts");
        Assert.Equal($"/o/{org}/interview/contacts", s.Url);
        var line = s.Text(".error-summary a[href='#q-escalation_contact']");
        Assert.EndsWith("uit de hand loopt? Dit antwoord is verplicht.", line);
        Assert.DoesNotContain("?:", s.Text(".error-summary"));
    }

    [Fact]
    public async Task Completing_the_interview_generates_the_protocol()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await Flows.CompleteInterviewAsync(s, org);
        Assert.NotNull(s.Page.QuerySelector($"a[href='/o/{org}/download/pdf?lang=nl']"));
        Assert.Equal(25, s.Page.QuerySelectorAll(".coverage li").Length);
        Assert.Empty(s.Page.QuerySelectorAll(".coverage li.uncovered"));
        await s.GetAsync("/organisations");
        Assert.Contains("Protocol klaar", s.Text(".card .status"));
    }

    [Fact]
    public async Task The_last_step_lists_what_is_still_missing_with_links()
    {
        var (s, org) = await StartAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/protocol");
        var links = s.Page.QuerySelectorAll(".panel.warn li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/o/{org}/interview/organisation#q-sector", links);
        Assert.Contains($"/o/{org}/interview/contacts#q-escalation_contact", links);
        Assert.Null(s.Page.QuerySelector(".downloads"));
    }

    [Fact]
    public async Task At_most_twelve_answers_are_required()
    {
        var required = Library.Interview.Questions.Where(q => q.Required).ToList();
        var withoutDefault = required.Where(q => q.Default is null && q.When is null).ToList();
        TestContext.Current.SendDiagnosticMessage($"required questions: {required.Count} ({string.Join(", ", required.Select(q => q.Id))}); always asked and without a default: {withoutDefault.Count} ({string.Join(", ", withoutDefault.Select(q => q.Id))})");
        // Questions asked only in some cases (the cao's name, the monitoring notice) do not count:
        // at most twelve answers are required of every organisation.
        Assert.InRange(required.Count(q => q.When is null), 1, 12);

        // And the walk-through needs no more than these answers (plus the name, asked when the organisation is created).
        Assert.Equal(withoutDefault.Count - 1, Flows.Minimal.Values.Sum(v => v.Keys.Select(k => k.Split('.')[1]).Distinct().Count()));
        await Task.CompletedTask;
    }

    private static bool Checked(WebSession s, string name, string value) =>
        s.Page.QuerySelector($"input[name='{name}'][value='{value}']")?.HasAttribute("checked") == true;
}

[Collection("sqlite")]
public sealed class InterviewTestsOnSqlite(SqliteFixture f) : InterviewTests(f);

[Collection("postgres")]
public sealed class InterviewTestsOnPostgres(PostgresFixture f) : InterviewTests(f);

using System.Net;
using AngleSharp.Html.Dom;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>The steps most tests share: register, create an organisation, answer the interview.</summary>
public static class Flows
{
    public const string Password = "lang genoeg wachtwoord 42";

    public static readonly string[] StepIds = ["organisation", "works-council", "working-hours", "information", "contacts", "monitoring", "rules"];

    /// <summary>The answers that are required and have no default: five, plus the organisation name.</summary>
    public static readonly Dictionary<string, Dictionary<string, string[]>> Minimal = new()
    {
        ["organisation"] = new() { ["q.sector"] = ["ict"] },
        ["works-council"] = new() { ["q.works_council"] = ["false"] },
        ["contacts"] = new() { ["q.escalation_contact.name"] = ["het team Communicatie"], ["q.escalation_contact.email"] = ["communicatie@voorbeeld.nl"] },
        ["rules"] = new() { ["q.effective_date"] = ["2027-01-01"] },
    };

    public static string NewEmail(string who = "hr") => $"{who}-{Guid.NewGuid():N}@voorbeeld.nl";

    public static async Task<string> RegisterAsync(WebSession s, string? email = null)
    {
        email ??= NewEmail();
        await s.GetAsync("/account/register");
        await s.SubmitAsync("main form", new Dictionary<string, string[]>
        {
            ["Email"] = [email],
            ["Password"] = [Password],
            ["PasswordAgain"] = [Password],
        });
        Assert.True(s.Url.StartsWith("/organisations/new", StringComparison.Ordinal), $"registration ended on {s.Url}: {s.Text(".error-summary")}");
        return email;
    }

    public static async Task LoginAsync(WebSession s, string email, string password = Password)
    {
        await s.GetAsync("/account/login");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [email], ["Password"] = [password] });
    }

    /// <summary>Creates an organisation and returns its id; the session ends on the first interview step.</summary>
    public static async Task<Guid> CreateOrganisationAsync(WebSession s, string name = "Bakkerij De Gouden Korst")
    {
        await s.GetAsync("/organisations/new");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = [name] });
        Assert.Matches("^/o/[0-9a-f-]{36}/interview/organisation$", s.Url);
        return Guid.Parse(s.Url.Split('/')[2]);
    }

    /// <summary>Submits one step with these values and "next"; returns the page it ends on.</summary>
    public static async Task<IHtmlDocument> AnswerStepAsync(WebSession s, Guid org, string step, IDictionary<string, string[]>? values = null, string nav = "next")
    {
        if (!s.Url.EndsWith("/interview/" + step, StringComparison.Ordinal))
        {
            await s.GetAsync($"/o/{org}/interview/{step}");
            Assert.Equal(HttpStatusCode.OK, s.Status);
        }

        return await s.SubmitAsync("#wizard", values, ("nav", nav));
    }

    /// <summary>Answers every step with the minimal answers (plus any extra) and ends on the protocol page.</summary>
    public static async Task CompleteInterviewAsync(WebSession s, Guid org, IDictionary<string, Dictionary<string, string[]>>? extra = null)
    {
        await s.GetAsync($"/o/{org}/interview/{StepIds[0]}");
        foreach (var step in StepIds)
        {
            var values = new Dictionary<string, string[]>(Minimal.TryGetValue(step, out var m) ? m : []);
            var more = extra is not null && extra.TryGetValue(step, out var e) ? e : [];
            foreach (var (k, v) in more)
            {
                values[k] = v;
            }

            await AnswerStepAsync(s, org, step, values);
            Assert.True(s.Page.QuerySelector(".error-summary") is null, $"step {step}: {s.Text(".error-summary")}");
        }

        Assert.Equal($"/o/{org}/protocol", s.Url);
    }
}

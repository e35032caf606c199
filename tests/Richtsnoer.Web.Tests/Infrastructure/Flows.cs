using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;

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

    /// <summary>The newest e-mail queued for this address: subject and plain-text body.</summary>
    public static async Task<(string Template, string Subject, string Text)> LastMailAsync<T>(WebApplicationFactory<T> app, string to)
        where T : class
    {
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync();
        var rows = await connection.QueryAsync<(string, string, string)>(
            "SELECT template, subject, text_body FROM email_outbox WHERE to_address = @to ORDER BY created_at DESC, id", new { to });
        return rows.FirstOrDefault();
    }

    /// <summary>The local path and query of the first link to this app in the text (for example "/invite?token=…").</summary>
    public static string LinkIn(string text, string path)
    {
        var m = Regex.Match(text, "https?://[^/\\s]+(?<local>" + Regex.Escape(path) + "[^\\s]*)");
        Assert.True(m.Success, $"no link to {path} in: {text}");
        return m.Groups["local"].Value;
    }

    /// <summary>The owner invites the address; the editor (signed in with that address) accepts the link from the e-mail.</summary>
    public static async Task AddEditorAsync<T>(WebApplicationFactory<T> app, WebSession owner, Guid org, WebSession editor, string editorEmail)
        where T : class
    {
        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.True(owner.Page.QuerySelector(".error-summary") is null, owner.Text(".error-summary"));
        var mail = await LastMailAsync(app, editorEmail);
        Assert.Equal("member-invited", mail.Template);
        await editor.GetAsync(LinkIn(mail.Text, "/invite"));
        await editor.SubmitAsync("main form.form");
        Assert.Equal($"/o/{org}/protocol", editor.Url);
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

    /// <summary>A new owner with an organisation whose interview is done (minimal answers plus any extra), on the protocol page.</summary>
    public static async Task<(WebSession Session, Guid Org)> GeneratedAsync(RichtsnoerApp app, string name, IDictionary<string, Dictionary<string, string[]>>? extra = null)
    {
        var s = app.Session();
        await RegisterAsync(s);
        var org = await CreateOrganisationAsync(s, name);
        await CompleteInterviewAsync(s, org, extra);
        return (s, org);
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

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Richtsnoer.Load;

/// <summary>
/// The owner, as a browser without JavaScript: a cookie jar, forms filled and submitted with their
/// antiforgery token, redirects followed. Only for the setup and the evidence pack, so clarity
/// beats speed here (AngleSharp); the staff burst parses its few hidden fields by hand.
/// </summary>
public sealed class Owner : IDisposable
{
    public const string Password = "lang genoeg wachtwoord 42";

    private static readonly HtmlParser Parser = new();

    private static readonly string[] StepIds = ["organisation", "works-council", "working-hours", "information", "contacts", "monitoring", "rules"];

    /// <summary>The answers that are required and have no default (as in the web tests' Flows.Minimal).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Minimal = new()
    {
        ["organisation"] = new() { ["q.sector"] = "ict" },
        ["works-council"] = new() { ["q.works_council"] = "false" },
        ["contacts"] = new() { ["q.escalation_contact.name"] = "het team Communicatie", ["q.escalation_contact.email"] = "communicatie@voorbeeld.nl" },
        ["rules"] = new() { ["q.effective_date"] = "2027-01-01" },
    };

    private readonly HttpClient client;

    public Owner(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
    }

    public string Url { get; private set; } = "/";

    public HttpStatusCode Status { get; private set; }

    public IHtmlDocument Page { get; private set; } = Parser.ParseDocument(string.Empty);

    public async Task GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task SubmitAsync(string selector, IDictionary<string, string>? values = null, (string Name, string Value)? button = null)
    {
        var form = Page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{selector}' on {Url} ({Status})");
        var fields = Fields(form);
        if (values is not null)
        {
            fields.RemoveAll(f => values.ContainsKey(f.Key));
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        }

        if (button is { } b)
        {
            fields.Add(new(b.Name, b.Value));
        }

        var action = form.GetAttribute("action");
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, string.IsNullOrEmpty(action) ? Url : action) { Content = new FormUrlEncodedContent(fields) });
    }

    public async Task<string> RegisterAsync()
    {
        var email = $"eigenaar-{Guid.NewGuid():N}@voorbeeld.nl";
        await GetAsync("/account/register");
        await SubmitAsync("main form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["PasswordAgain"] = Password });
        Expect(Url.StartsWith("/organisations/new", StringComparison.Ordinal), "registration");
        return email;
    }

    public async Task<Guid> CreateOrganisationAsync(string name)
    {
        await GetAsync("/organisations/new");
        await SubmitAsync("main form", new Dictionary<string, string> { ["Name"] = name });
        Expect(Url.Contains("/interview/organisation", StringComparison.Ordinal), "creating the organisation");
        return Guid.Parse(Url.Split('/')[2]);
    }

    public async Task CompleteInterviewAsync(Guid org)
    {
        await GetAsync($"/o/{org}/interview/{StepIds[0]}");
        foreach (var step in StepIds)
        {
            if (!Url.EndsWith("/interview/" + step, StringComparison.Ordinal))
            {
                await GetAsync($"/o/{org}/interview/{step}");
            }

            await SubmitAsync("#wizard", Minimal.GetValueOrDefault(step), ("nav", "next"));
            Expect(Page.QuerySelector(".error-summary") is null, $"interview step {step}");
        }

        Expect(Url == $"/o/{org}/protocol", "the interview");
    }

    /// <summary>Uploads the CSV, checks the preview counts, confirms; returns the number added.</summary>
    public async Task<int> ImportStaffAsync(Guid org, byte[] csv)
    {
        await GetAsync($"/o/{org}/staff/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token()), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "medewerkers.csv");
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/staff/import?handler=upload") { Content = form });
        Expect(Page.QuerySelector("form.confirm") is not null, "the import preview");
        await SubmitAsync("form.confirm");
        var added = Page.QuerySelector(".report [data-count=added] strong")?.TextContent.Trim();
        Expect(added is not null, "the import report");
        return int.Parse(added!.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<Guid> CreateVersionAsync(Guid org)
    {
        await GetAsync($"/o/{org}/versions");
        await SubmitAsync("form[action*='handler=create']");
        Expect(Url.Contains("/versions/", StringComparison.Ordinal), "creating the version");
        return Guid.Parse(Url.Split('/')[4].Split('?')[0]);
    }

    public async Task PublishAsync(Guid org, Guid version)
    {
        await GetAsync($"/o/{org}/versions/{version}");
        await SubmitAsync("form.move-publish");
        Expect(Page.QuerySelector(".facts")?.TextContent.Contains("Gepubliceerd", StringComparison.Ordinal) == true, "publishing");
    }

    public async Task<(HttpStatusCode Status, byte[] Bytes)> DownloadAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The fields a form would post as it stands on the current page.</summary>
    public List<KeyValuePair<string, string>> FormFields(string selector) =>
        Fields(Page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{selector}' on {Url} ({Status})"));

    /// <summary>
    /// One request with this owner's cookies, no redirect followed, nothing parsed (for the load
    /// loop): status, Location and the body as text (of a PDF only its first bytes).
    /// </summary>
    public async Task<(HttpStatusCode Status, string? Location, string Body)> SendRawAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await client.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var binary = response.Content.Headers.ContentType?.MediaType is { } type && !type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("json", StringComparison.Ordinal);
        var body = binary ? Encoding.ASCII.GetString(bytes, 0, Math.Min(8, bytes.Length)) : Encoding.UTF8.GetString(bytes);
        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, body);
    }

    private string Token() =>
        Page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"no antiforgery token on {Url}");

    private async Task SendAsync(HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        Url = request.RequestUri!.OriginalString;
        for (var hops = 0; hops < 10 && (int)response.StatusCode is 301 or 302 or 303 or 307; hops++)
        {
            var location = response.Headers.Location!;
            Url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            response.Dispose();
            response = await client.GetAsync(Url);
        }

        Status = response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        response.Dispose();
        Page = Parser.ParseDocument(html);
    }

    private void Expect(bool condition, string what)
    {
        if (!condition)
        {
            var error = Page.QuerySelector(".error-summary")?.TextContent.Trim();
            throw new InvalidOperationException($"{what} failed: ended on {Url} ({(int)Status}) {error}");
        }
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
            }
        }

        return fields;
    }

    public static byte[] Csv(int count)
    {
        var departments = new[] { "Productie", "Verkoop", "Logistiek", "Klantenservice", "ICT", "Financiën", "HR", "Inkoop", "Marketing", "Directie" };
        var sb = new StringBuilder("naam;e-mail;afdeling;taal\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"Medewerker {i:D5};{EmailOf(i)};{departments[i % departments.Length]};{(i % 10 == 0 ? "en" : "nl")}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static string EmailOf(int i) => $"mw{i:D5}@voorbeeld.nl";

    public void Dispose() => client.Dispose();
}

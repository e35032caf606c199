using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>
/// A user with a cookie jar: gets pages, fills and submits their forms like a browser without
/// JavaScript would (antiforgery token included), and follows redirects itself so tests can see them.
/// </summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public HttpResponseMessage Response { get; private set; } = null!;

    public string Html { get; private set; } = string.Empty;

    public IHtmlDocument Page { get; private set; } = Parser.ParseDocument(string.Empty);

    /// <summary>The path (and query) of the current page, after redirects.</summary>
    public string Url { get; private set; } = "/";

    /// <summary>Every redirect followed by the last request.</summary>
    public List<string> Redirects { get; } = [];

    public HttpStatusCode Status => Response.StatusCode;

    public async Task<IHtmlDocument> GetAsync(string url, bool follow = true) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), follow);

    public async Task<IHtmlDocument> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool follow = true) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, follow);

    /// <summary>Submits a form of the current page with some fields changed, as the named button would.</summary>
    public async Task<IHtmlDocument> SubmitAsync(string formSelector = "main form", IDictionary<string, string[]>? values = null, (string Name, string Value)? button = null, bool follow = true, string? to = null)
    {
        var form = Page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {Url}:\n{Html[..Math.Min(Html.Length, 3000)]}");
        var fields = FormFields(form);
        if (values is not null)
        {
            fields.RemoveAll(f => values.ContainsKey(f.Key));
            fields.AddRange(values.SelectMany(v => v.Value.Select(x => new KeyValuePair<string, string>(v.Key, x))));
        }

        if (button is { } b)
        {
            fields.Add(new(b.Name, b.Value));
        }

        var action = form.GetAttribute("action");
        var url = to ?? (string.IsNullOrEmpty(action) ? Url : action);
        return await PostAsync(url, fields, follow);
    }

    /// <summary>What a browser would post for this form (without any submit button).</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
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
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image":
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

    /// <summary>The antiforgery token of the current page (any form carries the same one).</summary>
    public string Token() =>
        Page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {Url}");

    public async Task<IHtmlDocument> SendAsync(HttpRequestMessage request, bool follow = true)
    {
        Redirects.Clear();
        Response = await Client.SendAsync(request);
        Url = Local(request.RequestUri!.OriginalString);
        for (var hops = 0; follow && hops < 10 && (int)Response.StatusCode is 301 or 302 or 303 or 307; hops++)
        {
            var location = Local(Response.Headers.Location!.OriginalString);
            Redirects.Add(location);
            Url = location;
            Response = await Client.GetAsync(location);
        }

        Html = await Response.Content.ReadAsStringAsync();
        Page = Parser.ParseDocument(Html);
        return Page;
    }

    /// <summary>"http://localhost/a?b" becomes "/a?b".</summary>
    public static string Local(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? u.PathAndQuery : url;

    public async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    public string Text(string selector) => Page.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;

    public void Dispose() => Client.Dispose();
}

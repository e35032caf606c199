using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Richtsnoer.Load;

/// <summary>One employee of the burst: the personal link from the mail, the cookies of their browser, what happened.</summary>
public sealed class Person(int index, string email, string token)
{
    public int Index { get; } = index;

    public string Email { get; } = email;

    public string Token { get; set; } = token;

    public Dictionary<string, string> Cookies { get; } = [];

    public bool SignedIn => Cookies.ContainsKey("richtsnoer.staff");

    /// <summary>The acknowledging POST was answered 302 to ?done=1: the server said "recorded".</summary>
    public bool Recorded { get; set; }

    /// <summary>The read page no longer offers the confirmation (an earlier POST went through but its answer was lost), or the POST said "already done".</summary>
    public bool FoundDone { get; set; }

    public bool Failed { get; set; }

    /// <summary>Transport errors (connection refused or reset, time-outs) this person ran into and retried.</summary>
    public int Retries { get; set; }

    public string? LastError { get; set; }

    public int Attempts { get; set; }

    public int NewLinks { get; set; }
}

/// <summary>Latencies in milliseconds, collected from many workers.</summary>
public sealed class Series
{
    private readonly ConcurrentQueue<double> values = new();

    public void Add(double ms) => values.Enqueue(ms);

    public int Count => values.Count;

    public double Percentile(double p)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double Max => values.IsEmpty ? double.NaN : values.Max();
}

/// <summary>
/// The staff flow for many people at once through a bounded number of workers: GET the link, POST
/// its button, GET the text, POST the confirmation. On a transport error (the server was killed)
/// the worker waits briefly and continues where the person stands: signed in or not (a link that
/// was used while the answer got lost cannot be used again, so such a person asks for a new link,
/// as a real one would, and takes it from the outbox), confirmed or not (the read page tells).
/// </summary>
public sealed partial class Burst(Server server, Guid org, Store store, int workers, DateTimeOffset deadline)
{
    private const int MaxAttemptsPerPerson = 200;

    public Series AckPost { get; } = new();

    public Series Flow { get; } = new();

    public Series SignInGet { get; } = new();

    public Series SignInPost { get; } = new();

    public Series ReadGet { get; } = new();

    public long TransportErrors;

    public long UnexpectedStatus;

    public int RecordedCount;

    public int FinishedCount;

    private readonly ConcurrentDictionary<string, int> statusCounts = new();

    public IReadOnlyDictionary<string, int> StatusCounts => statusCounts;

    private HttpClient NewClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = workers,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<TimeSpan> RunAsync(IReadOnlyList<Person> people, CancellationToken ct)
    {
        using var client = NewClient();
        var next = -1;
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < people.Count && !ct.IsCancellationRequested)
            {
                await PersonAsync(client, people[i], ct);
                Interlocked.Increment(ref FinishedCount);
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return watch.Elapsed;
    }

    private async Task PersonAsync(HttpClient client, Person p, CancellationToken ct)
    {
        var flow = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested && DateTimeOffset.UtcNow < deadline)
        {
            if (++p.Attempts > MaxAttemptsPerPerson)
            {
                p.Failed = true;
                return;
            }

            try
            {
                if (await StepsAsync(client, p, ct))
                {
                    Flow.Add(flow.Elapsed.TotalMilliseconds);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref TransportErrors);
                p.Retries++;
                p.LastError = e.GetType().Name + ": " + e.Message;
                await Task.Delay(100, ct);
            }
        }

        p.Failed = true;
    }

    /// <summary>One pass from where the person stands; true when they are done (recorded or found done).</summary>
    private async Task<bool> StepsAsync(HttpClient client, Person p, CancellationToken ct)
    {
        if (!p.SignedIn)
        {
            var link = $"/s/{org}/signin?token={p.Token}";
            var watch = Stopwatch.StartNew();
            var (status, _, html) = await SendAsync(client, p, HttpMethod.Get, link, null, ct);
            SignInGet.Add(watch.Elapsed.TotalMilliseconds);
            if (status != HttpStatusCode.OK)
            {
                return Unexpected(p, "GET signin", status);
            }

            watch.Restart();
            var (postStatus, location, _) = await SendAsync(client, p, HttpMethod.Post, link, [new("Token", p.Token), new("__RequestVerificationToken", Hidden(html, "__RequestVerificationToken"))], ct);
            SignInPost.Add(watch.Elapsed.TotalMilliseconds);
            if (postStatus == HttpStatusCode.BadRequest)
            {
                // Used already: our earlier click went through but its answer was lost. Ask for a new link.
                await NewLinkAsync(client, p, ct);
                return false;
            }

            if (postStatus != HttpStatusCode.Found || location != $"/s/{org}" || !p.SignedIn)
            {
                return Unexpected(p, "POST signin", postStatus);
            }
        }

        var read = Stopwatch.StartNew();
        var (readStatus, readLocation, page) = await SendAsync(client, p, HttpMethod.Get, $"/s/{org}/read", null, ct);
        ReadGet.Add(read.Elapsed.TotalMilliseconds);
        if (readStatus == HttpStatusCode.Found && readLocation?.Contains("/link", StringComparison.Ordinal) == true)
        {
            p.Cookies.Remove("richtsnoer.staff");
            return Unexpected(p, "GET read (session gone)", readStatus);
        }

        if (readStatus != HttpStatusCode.OK)
        {
            return Unexpected(p, "GET read", readStatus);
        }

        var box = ConfirmBox().Match(page);
        if (!box.Success)
        {
            p.FoundDone = true;
            return true;
        }

        var form = box.Value;
        var ack = Stopwatch.StartNew();
        var (ackStatus, ackLocation, _) = await SendAsync(client, p, HttpMethod.Post, $"/s/{org}/read",
        [
            new("__RequestVerificationToken", Hidden(form, "__RequestVerificationToken")),
            new("VersionId", Hidden(form, "VersionId")),
            new("Scope", Hidden(form, "Scope")),
            new("Since", Hidden(form, "Since")),
            new("Confirm", "true"),
        ], ct);
        if (ackStatus == HttpStatusCode.Found && ackLocation == $"/s/{org}?done=1")
        {
            AckPost.Add(ack.Elapsed.TotalMilliseconds);
            p.Recorded = true;
            Interlocked.Increment(ref RecordedCount);
            return true;
        }

        if (ackStatus == HttpStatusCode.Found && ackLocation == $"/s/{org}")
        {
            p.FoundDone = true;
            return true;
        }

        return Unexpected(p, "POST read", ackStatus);
    }

    private bool Unexpected(Person p, string step, HttpStatusCode status)
    {
        Interlocked.Increment(ref UnexpectedStatus);
        statusCounts.AddOrUpdate($"{step} {(int)status}", 1, (_, n) => n + 1);
        p.LastError = $"{step}: {(int)status}";
        return false;
    }

    /// <summary>"Ask for a new link" on the page the app offers, then take the new link from the outbox.</summary>
    private async Task NewLinkAsync(HttpClient client, Person p, CancellationToken ct)
    {
        p.NewLinks++;
        statusCounts.AddOrUpdate("new link requested", 1, (_, n) => n + 1);
        var before = (await store.MailsAsync("staff-link", p.Email, ct)).Count;
        var (status, _, html) = await SendAsync(client, p, HttpMethod.Get, $"/s/{org}/link", null, ct);
        if (status != HttpStatusCode.OK)
        {
            Unexpected(p, "GET link", status);
            return;
        }

        var (postStatus, _, _) = await SendAsync(client, p, HttpMethod.Post, $"/s/{org}/link", [new("Email", p.Email), new("__RequestVerificationToken", Hidden(html, "__RequestVerificationToken"))], ct);
        if (postStatus != HttpStatusCode.OK)
        {
            Unexpected(p, "POST link", postStatus);
            return;
        }

        for (var i = 0; i < 100; i++)
        {
            var mails = await store.MailsAsync("staff-link", p.Email, ct);
            if (mails.Count > before)
            {
                p.Token = TokenIn(mails[^1].Text) ?? p.Token;
                return;
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Body)> SendAsync(
        HttpClient client, Person p, HttpMethod method, string url, List<KeyValuePair<string, string>>? form, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (p.Cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", p.Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var c in cookies)
            {
                var pair = c.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    var value = pair[(eq + 1)..];
                    if (value.Length == 0 || c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        p.Cookies.Remove(pair[..eq]);
                    }
                    else
                    {
                        p.Cookies[pair[..eq]] = value;
                    }
                }
            }
        }

        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, body);
    }

    /// <summary>The value of the (first) input with this name, HTML-decoded; empty when absent.</summary>
    public static string Hidden(string html, string name)
    {
        foreach (Match input in Input().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = Value().Match(input.Value);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        return string.Empty;
    }

    /// <summary>The token of the first personal link in a mail text.</summary>
    public static string? TokenIn(string text)
    {
        var m = LinkToken().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<form[^>]*class=\"[^\"]*confirm-box[^\"]*\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex ConfirmBox();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex Value();

    [GeneratedRegex("https?://[^/\\s]+/s/[0-9a-f-]{36}/signin\\?token=([A-Za-z0-9_%-]+)")]
    private static partial Regex LinkToken();
}

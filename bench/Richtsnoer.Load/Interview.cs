using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Richtsnoer.Load;

/// <summary>
/// One owner of the interview scenario: signed up and through the interview once (as a browser
/// without JavaScript, <see cref="Owner"/>), then looping over the steps the way the page does
/// with JavaScript: GET the step, POST the live preview, POST the save (302 to the next step),
/// then a PDF download and a post check. Each save changes one text per step that has one, with
/// a counter, so that every acknowledged save can be looked for in the database afterwards.
/// </summary>
public sealed class InterviewUser(int index, Owner owner, Guid org)
{
    public int Index { get; } = index;

    public Owner Owner { get; } = owner;

    public Guid Org { get; } = org;

    /// <summary>The fields each step's form posts (captured once with AngleSharp), without base and token.</summary>
    public Dictionary<string, List<KeyValuePair<string, string>>> Forms { get; } = [];

    public int Counter;

    /// <summary>Per varied field: the counter of the last save that was answered 302 (acknowledged).</summary>
    public ConcurrentDictionary<string, int> Acknowledged { get; } = new();

    /// <summary>Per varied field: the highest counter ever sent (answered or not).</summary>
    public ConcurrentDictionary<string, int> Sent { get; } = new();
}

/// <summary>Latencies, errors and status counts of the interview loop, per request type.</summary>
public sealed class InterviewLoad(int thinkMs, DateTimeOffset deadline)
{
    public static readonly string[] Steps = ["organisation", "works-council", "working-hours", "information", "contacts", "monitoring", "rules"];

    /// <summary>
    /// The text each step's save changes (a counter in it), and the marker that finds it in the
    /// stored YAML. Texts that appear in the protocol but not in the post checker's terms (names,
    /// relations, competitors, matters, the contact): a change to those rebuilds the checker, which
    /// real owners do a few times, not on every save.
    /// </summary>
    public static readonly Dictionary<string, (string Field, string Marker, string Text)> Varied = new()
    {
        ["working-hours"] = ("q.spokespersons", "S", "de afdeling Communicatie"),
        ["information"] = ("q.workplace", "W", "op kantoor en thuis"),
    };

    public static readonly string[] Kinds = ["step GET", "preview POST", "save POST", "PDF GET", "post check POST"];

    public Dictionary<string, Series> Latency { get; } = Kinds.ToDictionary(k => k, _ => new Series());

    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public long TransportErrors;

    public long Saves;

    /// <summary>False during the warm-up: requests are made but not counted.</summary>
    public volatile bool Measuring;

    private readonly ConcurrentDictionary<string, int> statusCounts = new();

    public IReadOnlyDictionary<string, int> StatusCounts => statusCounts;

    /// <summary>Sets up one user: registers, creates an organisation, completes the interview, captures the step forms.</summary>
    public static async Task<InterviewUser> SetUpAsync(Uri baseAddress, int index)
    {
        var owner = new Owner(baseAddress);
        await owner.RegisterAsync();
        var org = await owner.CreateOrganisationAsync($"Organisatie {index:D3} BV");
        await owner.CompleteInterviewAsync(org);
        var user = new InterviewUser(index, owner, org);
        foreach (var step in Steps)
        {
            await owner.GetAsync($"/o/{org}/interview/{step}");
            var fields = owner.FormFields("#wizard");
            fields.RemoveAll(f => f.Key is "base" or "__RequestVerificationToken" or "nav");
            user.Forms[step] = fields;
        }

        return user;
    }

    /// <summary>Every user loops until the end; returns the wall time of the loop.</summary>
    public async Task<TimeSpan> RunAsync(IReadOnlyList<InterviewUser> users, DateTimeOffset end, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(u => LoopAsync(u, end, ct)));
        return watch.Elapsed;
    }

    private async Task LoopAsync(InterviewUser user, DateTimeOffset end, CancellationToken ct)
    {
        var random = new Random(user.Index);
        // Spread the starts over the first second, so the users do not march in step.
        await Task.Delay(random.Next(0, 1000), ct);
        for (var i = 0; DateTimeOffset.UtcNow < end && DateTimeOffset.UtcNow < deadline && !ct.IsCancellationRequested; i++)
        {
            var step = Steps[(user.Index + i) % Steps.Length];
            try
            {
                await StepAsync(user, step, random, end, ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref TransportErrors);
                statusCounts.AddOrUpdate("transport " + e.GetType().Name, 1, (_, n) => n + 1);
                await Task.Delay(100, ct);
            }
        }
    }

    private async Task StepAsync(InterviewUser user, string step, Random random, DateTimeOffset end, CancellationToken ct)
    {
        var url = $"/o/{user.Org}/interview/{step}";
        var (status, _, html) = await TimedAsync("step GET", user, HttpMethod.Get, url, null, ct);
        if (status != HttpStatusCode.OK)
        {
            Error("step GET", status);
            return;
        }

        var token = Burst.Hidden(html, "__RequestVerificationToken");
        var fingerprint = Burst.Hidden(html, "base");
        var fields = new List<KeyValuePair<string, string>>(user.Forms[step])
        {
            new("__RequestVerificationToken", token),
            new("base", fingerprint),
        };
        int? counter = null;
        if (Varied.TryGetValue(step, out var varied))
        {
            counter = Interlocked.Increment(ref user.Counter);
            fields.RemoveAll(f => f.Key == varied.Field);
            fields.Add(new(varied.Field, $"{varied.Text} {varied.Marker}{counter}x"));
        }

        await ThinkAsync(random, ct);
        var (previewStatus, _, _) = await TimedAsync("preview POST", user, HttpMethod.Post, url + "?handler=preview&lang=nl", fields, ct);
        if (previewStatus != HttpStatusCode.OK)
        {
            Error("preview POST", previewStatus);
        }

        await ThinkAsync(random, ct);
        if (counter is { } sent)
        {
            user.Sent[varied.Marker] = sent;
        }

        var (saveStatus, location, _) = await TimedAsync("save POST", user, HttpMethod.Post, url, [.. fields, new("nav", "next")], ct);
        if (saveStatus == HttpStatusCode.Found && location is not null && (location.Contains("/interview/", StringComparison.Ordinal) || location.EndsWith("/protocol", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref Saves);
            if (counter is { } acked)
            {
                user.Acknowledged[varied.Marker] = acked;
            }
        }
        else
        {
            Error("save POST", saveStatus);
        }

        if (DateTimeOffset.UtcNow >= end)
        {
            return;
        }

        await ThinkAsync(random, ct);
        var (pdfStatus, _, pdf) = await TimedAsync("PDF GET", user, HttpMethod.Get, $"/o/{user.Org}/download/pdf", null, ct);
        if (pdfStatus != HttpStatusCode.OK || !pdf.StartsWith("%PDF", StringComparison.Ordinal))
        {
            Error("PDF GET", pdfStatus);
        }

        await ThinkAsync(random, ct);
        var post = $$"""{"text": "Vandaag {{random.Next(1000)}} klanten geholpen bij Organisatie {{user.Index:D3}}! Het nieuwe product van onze klant komt in maart, maar dat is nog geheim. #trots", "lang": "nl"}""";
        var (checkStatus, _, _) = await TimedAsync("post check POST", user, HttpMethod.Post, $"/api/o/{user.Org}/post-check", null, ct, new StringContent(post, Encoding.UTF8, "application/json"));
        if (checkStatus != HttpStatusCode.OK)
        {
            Error("post check POST", checkStatus);
        }

        await ThinkAsync(random, ct);
    }

    private Task ThinkAsync(Random random, CancellationToken ct) =>
        thinkMs <= 0 ? Task.CompletedTask : Task.Delay(random.Next(thinkMs / 2, thinkMs * 3 / 2 + 1), ct);

    private void Error(string kind, HttpStatusCode status)
    {
        // Errors count in the warm-up too.
        Errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        statusCounts.AddOrUpdate($"{kind} {(int)status}", 1, (_, n) => n + 1);
    }

    private async Task<(HttpStatusCode Status, string? Location, string Body)> TimedAsync(
        string kind, InterviewUser user, HttpMethod method, string url, List<KeyValuePair<string, string>>? form, CancellationToken ct, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        else if (content is not null)
        {
            request.Content = content;
        }

        var watch = Stopwatch.StartNew();
        var result = await user.Owner.SendRawAsync(request, ct);
        if (Measuring)
        {
            Latency[kind].Add(watch.Elapsed.TotalMilliseconds);
        }

        return result;
    }

    /// <summary>
    /// Every acknowledged save is stored: for each user and varied text, the stored counter is the
    /// acknowledged one or a later one that was sent (an answer lost in a kill). Returns the users
    /// and texts that fail, with what was found.
    /// </summary>
    public static async Task<List<string>> VerifyAsync(Store store, IReadOnlyList<InterviewUser> users, CancellationToken ct) =>
        await VerifyAsync(store, users.Select(u => (u, (IReadOnlyDictionary<string, int>)u.Acknowledged.ToDictionary())).ToList(), ct);

    /// <summary>As above, against a snapshot of what was acknowledged (taken while the server was down after a kill).</summary>
    public static async Task<List<string>> VerifyAsync(Store store, IReadOnlyList<(InterviewUser User, IReadOnlyDictionary<string, int> Acknowledged)> snapshot, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        var stored = (await connection.QueryAsync<(string Org, string Answers)>("SELECT CAST(organisation_id AS TEXT), answers FROM protocols"))
            .ToDictionary(r => Guid.Parse(r.Org), r => r.Answers);
        var problems = new List<string>();
        foreach (var (user, acknowledged) in snapshot)
        {
            if (!stored.TryGetValue(user.Org, out var yaml))
            {
                problems.Add($"user {user.Index}: no protocol row");
                continue;
            }

            foreach (var (marker, acked) in acknowledged)
            {
                var found = Regex.Matches(yaml, $"\\b{marker}(\\d+)x").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
                var sent = user.Sent.GetValueOrDefault(marker);
                if (found < acked || found > sent)
                {
                    problems.Add($"user {user.Index} {marker}: acknowledged {acked}, sent up to {sent}, stored {found}");
                }
            }
        }

        return problems;
    }
}

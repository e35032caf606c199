using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Protocol;

/// <summary>
/// The answers file from the protocol page: download, and upload with the checks and messages of
/// <c>richtsnoer answers validate</c>; a refused or stale upload changes nothing; an import is a draft
/// change in the audit trail.
/// </summary>
public abstract class AnswersFileTests(AppFixture fixture)
{
    private Task<(WebSession Session, Guid Org)> GeneratedAsync(string name = "Drukkerij De Letterbak") => Flows.GeneratedAsync(fixture.App, name);

    private static async Task UploadAsync(WebSession s, Guid org, byte[] file, string fileName = "antwoorden.yaml", string? fingerprint = null)
    {
        if (!s.Url.StartsWith($"/o/{org}/protocol/answers-file", StringComparison.Ordinal))
        {
            await s.GetAsync($"/o/{org}/protocol/answers-file");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(s.Token()), "__RequestVerificationToken" },
            { new StringContent(fingerprint ?? s.Page.QuerySelector("input[name=Fingerprint]")!.GetAttribute("value")!), "Fingerprint" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(content, "Upload", fileName);
        await s.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/protocol/answers-file") { Content = form });
    }

    private static async Task<string> DownloadAsync(WebSession s, Guid org)
    {
        var (response, bytes) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The file with a list answer of one item, whether or not the download had that question.</summary>
    private static string WithList(string file, string question, string item)
    {
        var lines = file.Split('\n').Where(l => !l.StartsWith(question + ":", StringComparison.Ordinal)).ToList();
        return string.Join('\n', lines).TrimEnd('\n') + $"\n{question}:\n  - {item}\n";
    }

    private static List<string> Errors(WebSession s) =>
        s.Page.QuerySelectorAll(".file-errors li").Select(li => string.Join(" ", li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();

    [Fact]
    public async Task The_protocol_page_links_to_the_file_and_the_download_reads_back_as_the_same_answers()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/protocol");
        Assert.NotNull(s.Page.QuerySelector($"a[href='/o/{org}/protocol/answers-file']"));

        var (response, bytes) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        Assert.StartsWith("application/yaml", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("antwoorden-drukkerij-de-letterbak.yaml", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("org_name: \"Drukkerij De Letterbak\"", text);
        var parsed = AnswersFileCheck.Check(bytes, "download.yaml", ContentLibrary.Default);
        Assert.True(parsed.Ok, string.Join("\n", parsed.Errors.Select(e => e.Format(Language.En))));
    }

    [Fact]
    public async Task An_imported_file_replaces_the_answers_and_is_in_the_audit_trail()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var text = (await DownloadAsync(s, org))
            .Replace("org_name: \"Drukkerij De Letterbak\"", "org_name: \"Drukkerij De Zetbak\"");
        text = WithList(text, "competitors", "\"Drukwerk Direct\"");
        await UploadAsync(s, org, Encoding.UTF8.GetBytes(text));
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Equal($"/o/{org}/protocol/answers-file?imported=1", s.Url);
        Assert.Contains("ingelezen", s.Text(".notice"));

        await s.GetAsync($"/o/{org}/protocol");
        Assert.Contains("Drukkerij De Zetbak", s.Text("article.document header"));
        Assert.Contains("Drukwerk Direct", s.Text("article.document"));

        var (_, json) = await s.DownloadAsync($"/o/{org}/audit?handler=json");
        using var audit = JsonDocument.Parse(json);
        var last = audit.RootElement.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal("draft.changed", last.GetProperty("kind").GetString());
        using var data = JsonDocument.Parse(last.GetProperty("data").GetString()!);
        var changed = data.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("org_name", changed);
        Assert.Contains("competitors", changed);
        Assert.DoesNotContain("Zetbak", Encoding.UTF8.GetString(json)); // ids only, never the answers' contents
    }

    [Fact]
    public async Task A_wrong_file_gets_the_messages_of_the_cli_with_line_and_field_and_changes_nothing()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var before = await DownloadAsync(s, org);
        var broken = before
            .Replace("working_hours:", "working_hour:")
            .Replace("escalation_contact:\n  name: \"het team Communicatie\"\n  email: \"communicatie@voorbeeld.nl\"", "escalation_contact:\n  name: \"het team Communicatie\"\n  email: \"hr-at-example\"");
        Assert.NotEqual(before, broken);
        await UploadAsync(s, org, Encoding.UTF8.GetBytes(broken));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s.Status);

        // The same errors, in the same words, as "richtsnoer answers validate" (AnswersFileCheck), with the line.
        var expected = AnswersFileCheck.Check(Encoding.UTF8.GetBytes(broken), "upload.yaml", ContentLibrary.Default).Errors;
        Assert.Equal(2, expected.Count);
        var shown = Errors(s);
        Assert.Equal(expected.Count, shown.Count);
        foreach (var (e, line) in expected.Zip(shown))
        {
            Assert.True(e.Line > 0);
            Assert.Equal($"Regel {e.Line}, {e.Field}: {e.Message.Nl}", line);
        }

        Assert.Contains(shown, l => l.Contains("working_hour: onbekende vraag; bedoel je 'working_hours'?", StringComparison.Ordinal));
        Assert.Contains(shown, l => l.Contains("escalation_contact.email: 'hr-at-example' is geen geldig e-mailadres", StringComparison.Ordinal));
        Assert.Equal(before, await DownloadAsync(s, org));

        // In English for someone who chose English.
        await s.PostAsync("/language", [new("__RequestVerificationToken", s.Token()), new("lang", "en")]);
        await UploadAsync(s, org, Encoding.UTF8.GetBytes(broken));
        Assert.Contains(Errors(s), l => l.Contains("working_hour: unknown question; did you mean 'working_hours'?", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "binary", "PNG", "binaire gegevens" },
        { "latin1", "latin-1", "geen UTF-8" },
        { "utf16", "utf-16", "UTF-16" },
        { "not-yaml", "syntax", "geen geldige YAML" },
        { "list", "list", "verwacht per regel 'vraag: antwoord'" },
        { "empty", "empty", "leeg" },
        { "too-large", "large", "groter dan 1000 kB" },
        { "billion-laughs", "alias", "kunnen in een antwoordenbestand niet" },
        { "deep", "deep", "niveaus diep genest" },
        { "complex-key", "key", "een vraag moet een naam zijn" },
        { "control", "control", "org_name" },
    };

    private static byte[] File(string kind) => kind switch
    {
        "binary" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
        "latin1" => [.. "org_name: Caf"u8, 0xE9, .. " De Hoek\nsector: retail_horeca\n"u8],
        "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("org_name: Test\n")).ToArray(),
        "not-yaml" => "org_name: [Test\nsector: {ict\n"u8.ToArray(),
        "list" => "- org_name\n- sector\n"u8.ToArray(),
        "empty" => "# alleen uitleg\n"u8.ToArray(),
        "too-large" => Encoding.UTF8.GetBytes("org_name: \"" + new string('a', 1_100_000) + "\"\n"),
        "billion-laughs" => Encoding.UTF8.GetBytes("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\norg_name: *c\n"),
        "deep" => Encoding.UTF8.GetBytes("org_name: " + new string('[', 5_000) + new string(']', 5_000) + "\n"),
        "complex-key" => "? [org_name, sector]\n: ict\n"u8.ToArray(),
        _ => "org_name: \"Bakkerij\\u0007 De Korst\"\n"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_upload_gets_a_precise_message_and_changes_nothing(string kind, string label, string message)
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var before = await DownloadAsync(s, org);
        await UploadAsync(s, org, File(kind), fileName: $"{label}.yaml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s.Status);
        Assert.Contains(message, string.Join("\n", Errors(s)));
        Assert.Contains("er is niets veranderd", s.Text(".error-summary"));
        Assert.Equal(before, await DownloadAsync(s, org));
    }

    [Fact]
    public async Task Hostile_text_in_a_valid_file_stays_text()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var hostile = "<script>alert(1)</script> {{org_name}} \u202Eevil";
        var text = WithList(await DownloadAsync(s, org), "relations", AnswersFile.Quote(hostile));
        await UploadAsync(s, org, Encoding.UTF8.GetBytes(text));
        Assert.Equal($"/o/{org}/protocol/answers-file?imported=1", s.Url);
        await s.GetAsync($"/o/{org}/protocol");
        Assert.DoesNotContain("<script>alert(1)</script>", s.Html);
        Assert.Contains(hostile, s.Page.QuerySelector("article.document")!.TextContent);
    }

    [Fact]
    public async Task An_import_on_a_page_opened_before_someone_else_saved_is_refused()
    {
        var (owner, org) = await GeneratedAsync();
        using var _ = owner;
        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, owner, org, editor, editorEmail);

        var file = (await DownloadAsync(editor, org)).Replace("Drukkerij De Letterbak", "Drukkerij Van De Redacteur");
        await editor.GetAsync($"/o/{org}/protocol/answers-file");
        await owner.GetAsync($"/o/{org}/interview/organisation");
        await owner.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.org_name"] = ["Drukkerij Van De Eigenaar"] }, ("nav", "save"));

        await UploadAsync(editor, org, Encoding.UTF8.GetBytes(file));
        Assert.Equal(HttpStatusCode.Conflict, editor.Status);
        Assert.Contains("Iemand anders heeft de antwoorden gewijzigd", editor.Text(".error-summary"));
        Assert.Contains("Drukkerij Van De Eigenaar", await DownloadAsync(owner, org));

        // The conflict page carries the new fingerprint: importing again is a deliberate choice, and editors may.
        await UploadAsync(editor, org, Encoding.UTF8.GetBytes(file));
        Assert.Equal($"/o/{org}/protocol/answers-file?imported=1", editor.Url);
        Assert.Contains("Drukkerij Van De Redacteur", await DownloadAsync(owner, org));
    }

    [Fact]
    public async Task A_stranger_can_neither_download_nor_import()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        using var stranger = fixture.App.Session();
        await Flows.RegisterAsync(stranger);
        var (download, _) = await stranger.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        await stranger.GetAsync($"/o/{org}/protocol/answers-file");
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
    }
}

[Collection("sqlite")]
public sealed class AnswersFileTestsOnSqlite(SqliteFixture f) : AnswersFileTests(f);

[Collection("postgres")]
public sealed class AnswersFileTestsOnPostgres(PostgresFixture f) : AnswersFileTests(f);

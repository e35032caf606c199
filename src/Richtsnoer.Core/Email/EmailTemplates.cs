using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Email;

public enum EmailVariableKind
{
    /// <summary>Any text; inserted literally, escaped in HTML.</summary>
    Text,

    /// <summary>An absolute http(s) address; a link in HTML.</summary>
    Url,
}

/// <summary>One message text in one language: a subject line and paragraphs with {placeholders}.</summary>
public sealed record EmailText(string Subject, IReadOnlyList<string> Paragraphs);

public sealed record EmailTemplate(string Id, IReadOnlyDictionary<string, EmailVariableKind> Variables, EmailText Nl, EmailText En)
{
    public EmailText For(Language language) => language == Language.Nl ? Nl : En;
}

/// <summary>A message ready for the outbox: the same content as plain text and as HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// The e-mail templates under content/email/ (one YAML file per message, Dutch and English) and
/// the layout around them. Rendering is a pure function: values are inserted once (a value that
/// contains "{link}" stays literal), escaped for HTML, and stripped of control characters.
/// </summary>
public sealed partial class EmailTemplates
{
    public const string Product = "Richtsnoer";

    private static readonly Lazy<EmailTemplates> DefaultTemplates =
        new(() => Load(Path.Combine(ContentLibrary.DefaultDirectory(), "email")));

    private readonly Dictionary<string, EmailTemplate> templates;
    private readonly string footerNl;
    private readonly string footerEn;

    private EmailTemplates(Dictionary<string, EmailTemplate> templates, string footerNl, string footerEn)
    {
        this.templates = templates;
        this.footerNl = footerNl;
        this.footerEn = footerEn;
    }

    /// <summary>The templates shipped with the program.</summary>
    public static EmailTemplates Default => DefaultTemplates.Value;

    public IReadOnlyCollection<EmailTemplate> All => templates.Values;

    public EmailTemplate Get(string id) =>
        templates.TryGetValue(id, out var t) ? t : throw new ArgumentException($"There is no e-mail template '{id}'.", nameof(id));

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>Reads every template; throws with the file and the problem when one is malformed.</summary>
    public static EmailTemplates Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidDataException($"{directory}: the e-mail template folder does not exist.");
        }

        var layoutPath = Path.Combine(directory, "layout.yaml");
        var layout = ReadMap(layoutPath);
        var footerNl = Scalar(Map(layout, "nl", layoutPath), "footer", layoutPath);
        var footerEn = Scalar(Map(layout, "en", layoutPath), "footer", layoutPath);
        var layoutVariables = new Dictionary<string, EmailVariableKind> { ["product"] = EmailVariableKind.Text };
        CheckPlaceholders(footerNl, layoutVariables, layoutPath);
        CheckPlaceholders(footerEn, layoutVariables, layoutPath);

        var result = new Dictionary<string, EmailTemplate>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == "layout.yaml")
            {
                continue;
            }

            var id = Path.GetFileNameWithoutExtension(path);
            var root = ReadMap(path);
            var variables = new Dictionary<string, EmailVariableKind>(StringComparer.Ordinal);
            foreach (var (key, value) in Map(root, "variables", path).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                variables[name] = ((value as YamlScalarNode)?.Value) switch
                {
                    "text" => EmailVariableKind.Text,
                    "url" => EmailVariableKind.Url,
                    var other => throw new InvalidDataException($"{path}: variable '{name}' has kind '{other}'; use text or url."),
                };
            }

            EmailText Text(string language)
            {
                var map = Map(root, language, path);
                var subject = Scalar(map, "subject", path);
                var body = Scalar(map, "body", path);
                CheckPlaceholders(subject, variables, path);
                CheckPlaceholders(body, variables, path);
                if (subject.Contains('\n'))
                {
                    throw new InvalidDataException($"{path}: {language}.subject must be one line.");
                }

                var paragraphs = body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)))
                    .ToList();
                return new EmailText(subject.Trim(), paragraphs);
            }

            var nl = Text("nl");
            var en = Text("en");
            foreach (var name in variables.Keys)
            {
                if (!Placeholder().Matches(nl.Subject + " " + string.Join(' ', nl.Paragraphs)).Any(m => m.Groups[1].Value == name)
                    || !Placeholder().Matches(en.Subject + " " + string.Join(' ', en.Paragraphs)).Any(m => m.Groups[1].Value == name))
                {
                    throw new InvalidDataException($"{path}: variable '{name}' is declared but not used in both languages.");
                }
            }

            result[id] = new EmailTemplate(id, variables, nl, en);
        }

        return new EmailTemplates(result, footerNl.Trim(), footerEn.Trim());
    }

    /// <summary>Fills the template in one language. Every declared variable needs a value; no others are accepted.</summary>
    public RenderedEmail Render(string templateId, Language language, IReadOnlyDictionary<string, string> values)
    {
        var template = Get(templateId);
        foreach (var name in template.Variables.Keys)
        {
            if (!values.ContainsKey(name))
            {
                throw new ArgumentException($"E-mail '{templateId}' needs a value for '{name}'.", nameof(values));
            }
        }

        foreach (var (name, value) in values)
        {
            if (!template.Variables.TryGetValue(name, out var kind))
            {
                throw new ArgumentException($"E-mail '{templateId}' has no variable '{name}'.", nameof(values));
            }

            if (kind == EmailVariableKind.Url && !IsWebAddress(value))
            {
                throw new ArgumentException($"E-mail '{templateId}': '{name}' must be an absolute http(s) address.", nameof(values));
            }
        }

        var clean = values.ToDictionary(kv => kv.Key, kv => OneLine(kv.Value), StringComparer.Ordinal);
        var text = template.For(language);
        var footer = (language == Language.Nl ? footerNl : footerEn).Replace("{product}", Product, StringComparison.Ordinal);

        var subject = Fill(text.Subject, clean);
        if (subject.Length > 250)
        {
            subject = subject[..247].TrimEnd() + "...";
        }

        var plain = new StringBuilder();
        foreach (var paragraph in text.Paragraphs)
        {
            plain.Append(Fill(paragraph, clean)).Append("\n\n");
        }

        plain.Append("-- \n").Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:24px;background:#f6f7f9;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24\">\n")
            .Append("<div style=\"max-width:36em;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px\">\n");
        foreach (var paragraph in text.Paragraphs)
        {
            var only = Placeholder().Match(paragraph);
            if (only.Success && only.Length == paragraph.Length && template.Variables[only.Groups[1].Value] == EmailVariableKind.Url)
            {
                var url = WebUtility.HtmlEncode(clean[only.Groups[1].Value]);
                html.Append("<p><a href=\"").Append(url).Append("\" style=\"display:inline-block;padding:10px 18px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px\">")
                    .Append(url).Append("</a></p>\n");
                continue;
            }

            html.Append("<p>").Append(FillHtml(paragraph, clean, template.Variables)).Append("</p>\n");
        }

        html.Append("<hr style=\"border:0;border-top:1px solid #d8dce1\">\n<p style=\"font-size:13px;color:#555d66\">")
            .Append(WebUtility.HtmlEncode(footer)).Append("</p>\n</div>\n</body>\n</html>\n");

        return new RenderedEmail(subject, plain.ToString(), html.ToString());
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values[m.Groups[1].Value]);

    private static string FillHtml(string text, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, EmailVariableKind> kinds)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[at..m.Index]));
            var value = WebUtility.HtmlEncode(values[m.Groups[1].Value]);
            if (kinds[m.Groups[1].Value] == EmailVariableKind.Url)
            {
                sb.Append("<a href=\"").Append(value).Append("\">").Append(value).Append("</a>");
            }
            else
            {
                sb.Append(value);
            }

            at = m.Index + m.Length;
        }

        return sb.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>Values are single-line: control characters (line breaks included) become spaces.</summary>
    private static string OneLine(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString().Trim();
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !value.Any(char.IsWhiteSpace) && !value.Any(char.IsControl);

    private static void CheckPlaceholders(string text, IReadOnlyDictionary<string, EmailVariableKind> variables, string path)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            if (!variables.ContainsKey(m.Groups[1].Value))
            {
                throw new InvalidDataException($"{path}: placeholder {{{m.Groups[1].Value}}} is not a declared variable.");
            }
        }
    }

    private static YamlMappingNode ReadMap(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new InvalidDataException($"{path}: expected a map at the top.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {e.Message}", e);
        }
    }

    private static YamlMappingNode Map(YamlMappingNode parent, string key, string path) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode map
            ? map
            : throw new InvalidDataException($"{path}: '{key}' is missing or not a map.");

    private static string Scalar(YamlMappingNode parent, string key, string path) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new InvalidDataException($"{path}: '{key}' is missing or empty.");
}

using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Assembly;

public sealed record DisclaimerResult(string Disclaimer, string Bio);

/// <summary>Fills the personal-blog disclaimer and bio line; one source for the appendix and the employee tool.</summary>
public static class DisclaimerText
{
    /// <summary>Fills the templates; a missing name or year shows the fill-in label, e.g. "[jouw naam]".</summary>
    public static DisclaimerResult Fill(DisclaimerTemplates templates, Language language, string? name, int? year, string organisation)
    {
        string Label(string key) => templates.FillIn.TryGetValue(key, out var l) ? "[" + l[language] + "]" : "[" + key + "]";

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = string.IsNullOrWhiteSpace(name) ? Label("name") : name.Trim(),
            ["year"] = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Label("year"),
            ["org_name"] = organisation.Trim(),
        };

        string Apply(string template) => string.Concat(BodyParser.ParseInline(template).Segments.Select(s => s switch
        {
            Literal l => l.Text,
            Placeholder p => values.TryGetValue(p.Name, out var v) ? v : Label(p.Name),
            _ => "",
        }));

        return new DisclaimerResult(Apply(templates.Disclaimer[language]), Apply(templates.Bio[language]));
    }
}

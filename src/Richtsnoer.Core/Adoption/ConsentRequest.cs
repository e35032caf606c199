using System.Globalization;
using Richtsnoer.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Adoption;

/// <summary>What the consent request says about one version; the caller takes it from the snapshot and its answers.</summary>
public sealed record ConsentRequestFacts(
    string OrganisationName,
    string Label,
    string? PreviousLabel,
    DateOnly? EffectiveDate,
    bool Monitoring,
    string? MonitoringPurpose,
    bool CaoRegulates,
    IReadOnlyList<string> ChangedClauses,
    DateOnly Today,
    MonitoringFacts? MonitoringDetails = null);

/// <summary>How the monitoring works, in the request's language (null where the answer has no text in it).</summary>
public sealed record MonitoringFacts(string? Means, string? Ground, string? Retention, string? Access);

/// <summary>
/// The consent request to the works council (instemmingsverzoek, WOR art. 27 lid 2) as a
/// document, so every renderer can produce it. Its text is data: <c>content/adoption/consent-request.yaml</c>.
/// </summary>
public sealed class ConsentRequest
{
    private sealed record Paragraph(string? When, string Text);

    private sealed record Part(string Title, string? When, IReadOnlyList<Paragraph> Paragraphs);

    private readonly Dictionary<Language, (string Title, IReadOnlyList<Part> Parts)> texts = [];

    private static readonly Lazy<ConsentRequest> Shared = new(() => Load(Path.Combine(Content.ContentLibrary.DefaultDirectory(), "adoption", "consent-request.yaml")));

    public static ConsentRequest Default => Shared.Value;

    public static ConsentRequest Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new ConsentRequest();
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var map = (YamlMappingNode)root[language.Code()];
            var parts = ((YamlSequenceNode)map["sections"]).Children.Cast<YamlMappingNode>().Select(s => new Part(
                Scalar(s, "title")!,
                Scalar(s, "when"),
                ((YamlSequenceNode)s["paragraphs"]).Children.Cast<YamlMappingNode>().Select(p => new Paragraph(Scalar(p, "when"), Scalar(p, "text")!)).ToList())).ToList();
            result.texts[language] = (Scalar(map, "title")!, parts);
        }

        return result;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    public ProtocolDocument Build(ConsentRequestFacts facts, Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Language.En ? "en-GB" : "nl-NL");
        var (title, parts) = texts[language];
        var values = new Dictionary<string, string>
        {
            ["organisation"] = facts.OrganisationName,
            ["label"] = facts.Label,
            ["previous"] = facts.PreviousLabel ?? string.Empty,
            ["effective_date"] = facts.EffectiveDate?.ToString("d MMMM yyyy", culture) ?? (language == Language.En ? "a date still to be set" : "een nog te bepalen datum"),
            ["monitoring_purpose"] = facts.MonitoringPurpose ?? (language == Language.En ? "see the clause on monitoring in the protocol." : "zie de bepaling over toezicht in het protocol."),
        };
        var details = facts.MonitoringDetails;

        bool Holds(string? when) => when switch
        {
            null => true,
            "first" => facts.PreviousLabel is null,
            "change" => facts.PreviousLabel is not null,
            "monitoring" => facts.Monitoring,
            "no_monitoring" => !facts.Monitoring,
            "cao" => facts.CaoRegulates,
            "monitoring_details" => facts.Monitoring && details is not null,
            _ => throw new InvalidDataException($"consent-request.yaml: unknown condition '{when}'."),
        };

        var clauses = new List<Clause>();
        foreach (var part in parts.Where(p => Holds(p.When)))
        {
            var blocks = new List<Block>();
            foreach (var p in part.Paragraphs.Where(p => Holds(p.When)))
            {
                if (p.Text.Trim() == "{monitoring_details}")
                {
                    var (means, ground, retention, access) = language == Language.En
                        ? ("Means", "Legal ground", "Retention", "Who has access")
                        : ("Middelen", "Grondslag", "Bewaartermijn", "Wie toegang heeft");
                    var missing = language == Language.En ? "see the clause on monitoring in the protocol" : "zie de bepaling over toezicht in het protocol";
                    blocks.Add(new Table(
                    [
                        [[new Inline(language == Language.En ? "What" : "Wat")], [new Inline(language == Language.En ? "How" : "Hoe")]],
                        [[new Inline(means)], [new Inline(details!.Means ?? missing)]],
                        [[new Inline(ground)], [new Inline(details.Ground ?? missing)]],
                        [[new Inline(retention)], [new Inline(details.Retention ?? missing)]],
                        [[new Inline(access)], [new Inline(details.Access ?? missing)]],
                    ]));
                    continue;
                }

                if (p.Text.Trim() == "{changes}")
                {
                    blocks.Add(new BulletList(facts.ChangedClauses.Count == 0
                        ? [[new Inline(language == Language.En ? "none: only the version details differ" : "geen: alleen de gegevens van de versie verschillen")]]
                        : facts.ChangedClauses.Select(c => (IReadOnlyList<Inline>)[new Inline(c)]).ToList()));
                    continue;
                }

                blocks.Add(new Model.Paragraph([new Inline(Fill(p.Text, values))]));
            }

            clauses.Add(new Clause("consent-request-" + (clauses.Count + 1), 1, $"1.{clauses.Count + 1}", Fill(part.Title, values), [], blocks));
        }

        var heading = Fill(title, values);
        var metadata = new DocumentMetadata(
            DocumentKind.Protocol,
            heading,
            facts.OrganisationName,
            language,
            facts.Label,
            facts.EffectiveDate,
            facts.Today,
            language == Language.En ? "Request for consent of the works council" : "Verzoek om instemming van de ondernemingsraad",
            ["WOR", "instemming", "social media"]);
        return new ProtocolDocument(metadata, [new Section("consent-request", "1", heading, false, clauses)], new CoverageReport([]));
    }

    /// <summary>One pass over the text, so a value that contains "{label}" stays literally that.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\{([a-z_]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}

using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Rollout;

/// <summary>The statements an employee confirms (content/rollout/statements.yaml).</summary>
public sealed class Statements
{
    private readonly Dictionary<(Language, AcknowledgementScope), string> texts = [];

    private static readonly Lazy<Statements> Shared = new(() => Load(Path.Combine(Content.ContentLibrary.DefaultDirectory(), "rollout", "statements.yaml")));

    public static Statements Default => Shared.Value;

    public static Statements Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new Statements();
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var map = (YamlMappingNode)root[language.Code()];
            result.texts[(language, AcknowledgementScope.Full)] = ((YamlScalarNode)map["full"]).Value!;
            result.texts[(language, AcknowledgementScope.Changes)] = ((YamlScalarNode)map["changes"]).Value!;
        }

        return result;
    }

    public string For(Language language, AcknowledgementScope scope, string organisation, string label, string? since) =>
        texts[(language, scope)]
            .Replace("{organisation}", organisation, StringComparison.Ordinal)
            .Replace("{label}", label, StringComparison.Ordinal)
            .Replace("{since}", since ?? string.Empty, StringComparison.Ordinal);
}

using Microsoft.Extensions.Logging;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Storage.Protocols;

/// <summary>
/// Stores answers in the documented answers-file format (YAML), so what the database holds is
/// what the CLI reads. A draft may lack required answers; and content may change after an answer
/// was stored (a question or option removed): such an answer is dropped with a warning instead of
/// making the whole draft unreadable.
/// </summary>
public sealed class AnswersCodec(ContentLibrary library, ILogger<AnswersCodec> logger)
{
    private readonly ContentLibrary drafts = library with
    {
        Interview = new Interview(library.Interview.Steps
            .Select(s => s with { Questions = s.Questions.Select(q => q with { Required = false }).ToList() })
            .ToList()),
    };

    public ContentLibrary Library => library;

    public string Write(AnswerSet answers) => AnswersFile.Write(answers, library);

    public AnswerSet Read(string yaml, Guid organisationId)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var result = AnswersFile.Parse(yaml, "answers", drafts);
            if (result.Ok)
            {
                return result.Answers!;
            }

            logger.LogWarning("Dropping {Count} stored answer(s) of organisation {OrganisationId} that no longer fit the content: {Fields}",
                result.Errors.Count, organisationId, string.Join(", ", result.Errors.Select(e => e.Field)));
            if (Without(yaml, result.Errors) is not { } smaller || smaller == yaml)
            {
                break;
            }

            yaml = smaller;
        }

        logger.LogError("The stored answers of organisation {OrganisationId} cannot be read; starting from empty answers", organisationId);
        return AnswerSet.Empty;
    }

    /// <summary>The YAML without the entries the errors point at.</summary>
    private static string? Without(string yaml, IReadOnlyList<AnswerError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
        {
            return null;
        }

        foreach (var field in errors.Select(e => e.Field).Distinct())
        {
            var top = field.Split('.', '[')[0];
            var key = new YamlScalarNode(top);
            if (!root.Children.TryGetValue(key, out var node))
            {
                continue;
            }

            var rest = field[top.Length..];
            if (node is YamlMappingNode map && rest.StartsWith('.') && top is "alternatives" or "adapted_clauses")
            {
                map.Children.Remove(new YamlScalarNode(rest[1..].Split('.')[0]));
            }
            else if (node is YamlSequenceNode seq && top == "custom_clauses" && rest.StartsWith('[')
                && int.TryParse(rest[1..rest.IndexOf(']')], out var index) && index >= 1 && index <= seq.Children.Count)
            {
                seq.Children.RemoveAt(index - 1);
            }
            else
            {
                root.Children.Remove(key);
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}

using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering.Tests.Html;

/// <summary>Documents assembled from the example organisations and from hostile answers.</summary>
internal static class Samples
{
    public static ContentLibrary Library => ContentLibrary.Default;

    public static string RepoRoot { get; } = Path.GetFullPath(typeof(Samples).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!);

    public static TheoryData<string, Language> ExamplesAndLanguages()
    {
        var data = new TheoryData<string, Language>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(RepoRoot, "examples", "answers"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(f), Language.Nl);
            data.Add(Path.GetFileNameWithoutExtension(f), Language.En);
        }

        return data;
    }

    public static AnswerSet Answers(string example)
    {
        var r = AnswersFile.Read(Path.Combine(RepoRoot, "examples", "answers", example + ".yaml"), Library);
        Assert.True(r.Ok);
        return r.Answers!;
    }

    public static ProtocolDocument Example(string example, Language language) =>
        ProtocolAssembler.Assemble(Library, Answers(example), new AssemblyOptions(language));

    /// <summary>The bakery, renamed to <paramref name="name"/>, with an own clause holding <paramref name="text"/>.</summary>
    public static ProtocolDocument Hostile(string name, string text, Language language = Language.Nl)
    {
        var answers = Answers("bakkerij").With("org_name", new TextAnswer(name));
        answers = answers with
        {
            Customisations = new Customisations(
                new Dictionary<string, string>(),
                [],
                [new CustomClause("own-1", Library.Sections[0].Id, ["respect"], new ClauseText(text, text), new ClauseText(text, text))]),
        };
        return ProtocolAssembler.Assemble(Library, answers, new AssemblyOptions(language));
    }

    public const string Nasty = "<script>alert('x')</script> **vet** [link](javascript:alert(1)) # kop\n- lijst & \"quotes\" {{org_name}} \u202eRTL\u202c";
}

using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>Checkers for the example organisations (examples/answers/), built once per language.</summary>
public static class PostCheckFixture
{
    private static readonly Dictionary<(string, Language), PostChecker> Checkers = [];
    private static readonly Lock Gate = new();

    public static CheckLexicon Lexicon => CheckLexicon.Default;

    public static PostChecker For(string example, Language language = Language.Nl)
    {
        lock (Gate)
        {
            if (!Checkers.TryGetValue((example, language), out var checker))
            {
                var answers = TestData.Example(example);
                var effective = AnswerDefaults.Apply(answers, TestData.Library);
                var protocol = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language, RequireFullCoverage: false));
                checker = PostChecker.Create(Lexicon, effective, protocol, language);
                Checkers[(example, language)] = checker;
            }

            return checker;
        }
    }

    public static PostCheckResult Check(string text, string example = "ict", Language language = Language.Nl) =>
        For(example, language).Check(text);

    public static string Describe(PostCheckResult result, string text) =>
        result.Verdict.Id() + ": " + string.Join("; ", result.Findings.Select(f => $"{f.Category.Id()}/{f.Kind} '{text.Substring(f.Start, f.Length)}'"));
}

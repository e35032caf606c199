using System.Text;
using BenchmarkDotNet.Attributes;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Bench;

/// <summary>
/// The post check (issue 5): a 280-character post against an organisation with 10,000
/// configured terms (clients, competitors and confidential matters) on top of the lexicons;
/// target 50 µs median. Also a 1 MB text, to show hostile input is answered quickly. The checker
/// is built once in the setup, as the web app and the CLI do per organisation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PostCheckBench
{
    private PostChecker checker = null!;
    private string post = "";
    private string megabyte = "";
    private string worst = "";

    [Params(10_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var library = Examples.Library();
        var answers = Examples.Answers("ict", library);
        var random = new Random(5);
        string Word(int length) => string.Concat(Enumerable.Range(0, length).Select(i => "bdfghklmnprstvwz"[random.Next(16)].ToString() + "aeiou"[random.Next(5)]));
        var relations = Enumerable.Range(0, Terms * 4 / 10).Select(i => $"{char.ToUpperInvariant(Word(3)[0])}{Word(3)[1..]} {Word(2)} B.V.").ToList();
        var competitors = Enumerable.Range(0, Terms * 3 / 10).Select(i => $"{Word(4)} Systemen").ToList();
        var matters = Enumerable.Range(0, Terms * 3 / 10).Select(i => $"project {Word(3)}").ToList();
        answers = answers
            .With("relations", new ListAnswer(relations))
            .With("competitors", new ListAnswer(competitors))
            .With("confidential_matters", new ListAnswer(matters));
        var effective = AnswerDefaults.Apply(answers, library);
        var protocol = ProtocolAssembler.Assemble(library, answers, Examples.Options(Language.Nl));
        checker = PostChecker.Create(CheckLexicon.Load(library.RootDirectory), effective, protocol, Language.Nl);

        // A realistic post of exactly 280 characters that names a client and has a few findings.
        post = ("Vandaag bij " + relations[17].Replace(" B.V.", "") + " op bezoek voor Datastroom. Wat een kankerweer onderweg, " +
            "maar het gesprek was top! Vraagje aan de groep: wie heeft het nummer van Jan? Ik dacht 06-12345678. " +
            "In het teamoverleg zei de baas dat we gaan groeien. #trots #datastroom #mooiwerk en tot snel allemaal!!")
            .PadRight(280, ' ')[..280];

        var sb = new StringBuilder(1_000_100);
        while (sb.Length < 1_000_000)
        {
            sb.Append(post).Append('\n');
        }

        megabyte = sb.ToString(0, 1_000_000);

        // The worst draft the web app accepts: 50,000 characters, every word a finding.
        worst = string.Concat(Enumerable.Repeat("kut ", 12_500));
    }

    /// <summary>How many distinct terms the automaton holds (printed once by the setup check).</summary>
    public int TermCount => checker.TermCount;

    [Benchmark]
    public int Post280() => checker.Check(post).Findings.Count;

    [Benchmark]
    public int Text1MB() => checker.Check(megabyte).Findings.Count;

    /// <summary>What the web page and the API do with the worst draft they accept: check it, keep the first 200 findings.</summary>
    [Benchmark]
    public int Worst50k() => checker.Check(worst).Limit(200).Total;
}

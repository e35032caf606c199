using BenchmarkDotNet.Attributes;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Rendering;

namespace Richtsnoer.Bench;

/// <summary>
/// A full protocol (Dutch) per example organisation: assembly alone, and assembly plus rendering
/// in each format. Warm: the library and answers are loaded once in the setup.
/// </summary>
[MemoryDiagnoser]
public class AssembleAndRender
{
    private ContentLibrary library = null!;
    private AnswerSet answers = null!;
    private IDocumentRenderer renderer = null!;
    private MemoryStream output = null!;

    [ParamsSource(nameof(ExampleNames))]
    public string Example { get; set; } = "";

    [ParamsSource(nameof(FormatNames))]
    public string Format { get; set; } = "";

    public static IEnumerable<string> ExampleNames() => Examples.Names();

    /// <summary>Every format, or those in RICHTSNOER_BENCH_FORMATS (comma-separated, e.g. "pdf,docx").</summary>
    public static IEnumerable<string> FormatNames()
    {
        var only = Environment.GetEnvironmentVariable("RICHTSNOER_BENCH_FORMATS");
        return string.IsNullOrWhiteSpace(only)
            ? Renderers.Formats
            : Renderers.Formats.Where(f => only.Split(',', StringSplitOptions.TrimEntries).Contains(f, StringComparer.OrdinalIgnoreCase));
    }

    [GlobalSetup]
    public void Setup()
    {
        library = Examples.Library();
        answers = Examples.Answers(Example, library);
        renderer = Renderers.For(Format) ?? throw new InvalidOperationException("no renderer " + Format);
        output = new MemoryStream(1 << 20);

        // One run outside the measurement so fonts and caches are loaded.
        Protocol();
    }

    [Benchmark]
    public long Protocol()
    {
        var document = ProtocolAssembler.Assemble(library, answers, Examples.Options(Language.Nl));
        output.SetLength(0);
        renderer.Render(document, output);
        return output.Length;
    }

    [Benchmark]
    public long Summary()
    {
        var document = ProtocolAssembler.Assemble(library, answers, Examples.Options(Language.Nl));
        var summary = SummaryAssembler.Assemble(library, answers, document);
        output.SetLength(0);
        renderer.Render(summary, output);
        return output.Length;
    }
}

/// <summary>Assembly on its own, to separate its share from the rendering.</summary>
[MemoryDiagnoser]
public class Assemble
{
    private ContentLibrary library = null!;
    private AnswerSet answers = null!;

    [ParamsSource(nameof(ExampleNames))]
    public string Example { get; set; } = "";

    public static IEnumerable<string> ExampleNames() => Examples.Names();

    [GlobalSetup]
    public void Setup()
    {
        library = Examples.Library();
        answers = Examples.Answers(Example, library);
    }

    [Benchmark]
    public int Protocol() => ProtocolAssembler.Assemble(library, answers, Examples.Options(Language.Nl)).Sections.Count;
}

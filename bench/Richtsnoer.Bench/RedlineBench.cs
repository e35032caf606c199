using BenchmarkDotNet.Attributes;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;

namespace Richtsnoer.Bench;

/// <summary>
/// The redline between the bakery's protocol and a variant (another escalation phone number,
/// company channels and a works council: clauses changed, added and removed). The two documents
/// are assembled in the setup; Compare is the diff alone, Render one format from a finished diff.
/// </summary>
[MemoryDiagnoser]
public class RedlineRender
{
    private ProtocolDocument from = null!;
    private ProtocolDocument to = null!;
    private RedlineInput input = null!;
    private IRedlineRenderer renderer = null!;
    private MemoryStream output = null!;

    [ParamsSource(nameof(FormatNames))]
    public string Format { get; set; } = "";

    public static IEnumerable<string> FormatNames() => RedlineRenderers.Formats;

    [GlobalSetup]
    public void Setup()
    {
        (from, to) = RedlineCompare.Versions();
        input = new RedlineInput(RedlineComparer.Compare(from, to), "1.0", "2.0", "Bench", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), Language.Nl);
        renderer = RedlineRenderers.For(Format) ?? throw new InvalidOperationException("no redline renderer " + Format);
        output = new MemoryStream(1 << 20);
        Render();
    }

    [Benchmark]
    public long Render()
    {
        output.SetLength(0);
        renderer.Render(input, output);
        return output.Length;
    }
}

/// <summary>The comparison alone, on the same two versions.</summary>
[MemoryDiagnoser]
public class RedlineCompare
{
    private ProtocolDocument from = null!;
    private ProtocolDocument to = null!;

    public static (ProtocolDocument From, ProtocolDocument To) Versions()
    {
        var library = Examples.Library();
        var bakery = Examples.Answers("bakkerij", library);
        var contact = bakery.Contact("escalation_contact")!;
        var variant = bakery
            .With("escalation_contact", new ContactAnswer(contact with { Phone = "06-99887766" }))
            .With("company_channels", new BoolAnswer(true))
            .With("works_council", new BoolAnswer(true));
        return (ProtocolAssembler.Assemble(library, bakery, Examples.Options(Language.Nl)), ProtocolAssembler.Assemble(library, variant, Examples.Options(Language.Nl)));
    }

    [GlobalSetup]
    public void Setup() => (from, to) = Versions();

    [Benchmark]
    public int Compare() => RedlineComparer.Compare(from, to).Summary.Total;

    /// <summary>Two identical documents: the price of finding that nothing changed.</summary>
    [Benchmark]
    public int CompareIdentical() => RedlineComparer.Compare(from, from).Summary.Total;
}

using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering;

/// <summary>Turns an assembled document into the bytes of one output format. Knows nothing of answers or storage.</summary>
public interface IDocumentRenderer
{
    /// <summary>The format name used on the command line and in URLs: md, html, docx, pdf.</summary>
    string Format { get; }

    string MediaType { get; }

    /// <summary>The file extension, with the dot.</summary>
    string Extension { get; }

    void Render(ProtocolDocument document, Stream output);
}

/// <summary>All renderers, by format name.</summary>
public static class Renderers
{
    private static readonly List<IDocumentRenderer> All = [];

    static Renderers()
    {
        Register(new Markdown.MarkdownRenderer());
        Register(new Html.HtmlRenderer());
        Register(new Docx.DocxRenderer());
        Register(new Pdf.PdfRenderer());
    }

    private static void Register(IDocumentRenderer renderer) => All.Add(renderer);

    public static IReadOnlyList<IDocumentRenderer> Available => All;

    public static IEnumerable<string> Formats => All.Select(r => r.Format);

    public static IDocumentRenderer? For(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    public static byte[] RenderToBytes(this IDocumentRenderer renderer, ProtocolDocument document)
    {
        using var ms = new MemoryStream();
        renderer.Render(document, ms);
        return ms.ToArray();
    }
}

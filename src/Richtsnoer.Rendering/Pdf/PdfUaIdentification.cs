using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// Adds the PDF/UA identification (<c>pdfuaid:part 1</c>) to the XMP metadata of a PDF that
/// PDFsharp 6.2.4 has just saved. PDFsharp writes the metadata stream itself while saving, with
/// no way to add to it, so this appends an incremental update (ISO 32000-1, 7.5.6): the same
/// metadata object once more, with the identification added, and a cross-reference section for
/// that one object pointing back to the original one. Readers take the newest version of an object.
/// </summary>
internal static partial class PdfUaIdentification
{
    private const string Identification =
        "      <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
        "        <pdfuaid:part>1</pdfuaid:part>\n" +
        "      </rdf:Description>\n";

    [GeneratedRegex(@"/Metadata (\d+) 0 R")]
    private static partial Regex MetadataRef();

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    /// <summary>The dictionary that starts at <paramref name="at"/> ("&lt;&lt;" ... the matching "&gt;&gt;"), without what follows (PDFsharp writes a comment after the trailer).</summary>
    private static string Dictionary(string text, int at)
    {
        var depth = 0;
        for (var i = at; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && text[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (text[i] == '>' && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return text[at..(i + 1)];
                }
            }
        }

        throw new InvalidOperationException("Unterminated trailer dictionary; cannot add the PDF/UA identification.");
    }

    /// <summary>Appends the update to <paramref name="pdf"/>, a complete PDF as PDFsharp saved it.</summary>
    public static void Append(MemoryStream pdf)
    {
        var bytes = pdf.GetBuffer().AsSpan(0, (int)pdf.Length);

        // Latin-1 maps every byte to one char, so offsets in the string are offsets in the file.
        var text = Encoding.Latin1.GetString(bytes);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var end = StartXref().Match(text, trailerAt);
        if (trailerAt < 0 || !end.Success)
        {
            throw new InvalidOperationException("PDF without a classic trailer; cannot add the PDF/UA identification.");
        }

        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        var catalogAt = text.LastIndexOf("/Type/Catalog", StringComparison.Ordinal);
        var metadata = MetadataRef().Match(text, text.LastIndexOf("<<", catalogAt, StringComparison.Ordinal));
        if (catalogAt < 0 || !metadata.Success)
        {
            throw new InvalidOperationException("PDF without a metadata stream; cannot add the PDF/UA identification.");
        }

        var number = metadata.Groups[1].Value;
        var objectAt = text.LastIndexOf("\n" + number + " 0 obj", StringComparison.Ordinal) + 1;
        var lengthAt = text.IndexOf("/Length ", objectAt, StringComparison.Ordinal) + "/Length ".Length;
        var length = int.Parse(text.AsSpan(lengthAt, text.IndexOfAny(['/', '>', ' '], lengthAt) - lengthAt), CultureInfo.InvariantCulture);
        var dataAt = text.IndexOf("stream", lengthAt, StringComparison.Ordinal) + "stream".Length;
        dataAt += text[dataAt] == '\r' ? 2 : 1;
        var xmp = Encoding.UTF8.GetString(bytes.Slice(dataAt, length));
        var close = xmp.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal);
        if (close < 0)
        {
            throw new InvalidOperationException("XMP metadata without rdf:RDF; cannot add the PDF/UA identification.");
        }

        var updated = Encoding.UTF8.GetBytes(xmp[..close] + Identification + xmp[close..]);
        var previous = end.Groups[1].Value;

        var w = new StreamWriter(pdf, Encoding.Latin1) { NewLine = "\n" };
        pdf.Position = pdf.Length;
        w.Write('\n');
        w.Flush();
        var objectOffset = pdf.Position;
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {updated.Length}>>\nstream\n"));
        w.Flush();
        pdf.Write(updated);
        w.Write("\nendstream\nendobj\n");
        w.Flush();
        var xrefOffset = pdf.Position;
        var dictionary = trailer[..^2];
        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"xref\n{number} 1\n{objectOffset:D10} 00000 n\r\ntrailer\n{dictionary}/Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n"));
        w.Flush();
    }
}

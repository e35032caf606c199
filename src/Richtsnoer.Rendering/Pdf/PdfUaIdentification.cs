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

    /// <summary>
    /// Appends the update to <paramref name="pdf"/> (readable and seekable), which holds from
    /// <paramref name="start"/> (0 for PDFsharp, whose offsets count from the stream's start) on
    /// a complete PDF as PDFsharp saved it; <paramref name="metadata"/>
    /// is the object number of its metadata stream. Only the end of the file is read: PDFsharp
    /// writes the metadata object last, before the cross-reference table and the trailer.
    /// </summary>
    public static void Append(Stream pdf, long start, int metadata)
    {
        var end = pdf.Length;
        var window = (int)Math.Min(end - start, 64 * 1024);
        var tail = new byte[window];
        pdf.Position = end - window;
        pdf.ReadExactly(tail);

        // Latin-1 maps every byte to one char, so offsets in the string are offsets in the window.
        var text = Encoding.Latin1.GetString(tail);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startXref = trailerAt < 0 ? Match.Empty : StartXref().Match(text, trailerAt);
        var number = metadata.ToString(CultureInfo.InvariantCulture);
        var objectAt = text.LastIndexOf("\n" + number + " 0 obj", StringComparison.Ordinal) + 1;
        if (!startXref.Success || objectAt <= 0)
        {
            throw new InvalidOperationException("Unexpected PDF layout; cannot add the PDF/UA identification.");
        }

        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        var lengthAt = text.IndexOf("/Length ", objectAt, StringComparison.Ordinal) + "/Length ".Length;
        var length = int.Parse(text.AsSpan(lengthAt, text.IndexOfAny(['/', '>', ' '], lengthAt) - lengthAt), CultureInfo.InvariantCulture);
        var dataAt = text.IndexOf("stream", lengthAt, StringComparison.Ordinal) + "stream".Length;
        dataAt += text[dataAt] == '\r' ? 2 : 1;
        var xmp = Encoding.UTF8.GetString(tail, dataAt, length);
        var close = xmp.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal);
        if (close < 0)
        {
            throw new InvalidOperationException("XMP metadata without rdf:RDF; cannot add the PDF/UA identification.");
        }

        var updated = Encoding.UTF8.GetBytes(xmp[..close] + Identification + xmp[close..]);
        var previous = startXref.Groups[1].Value;

        // Offsets in the update count from the start of this PDF, not of the stream.
        pdf.Position = end;
        var objectOffset = end + 1 - start;
        var head = Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {updated.Length}>>\nstream\n"));
        pdf.Write(head);
        pdf.Write(updated);
        var middle = Encoding.Latin1.GetBytes("\nendstream\nendobj\n");
        pdf.Write(middle);
        var xrefOffset = objectOffset - 1 + head.Length + updated.Length + middle.Length;
        pdf.Write(Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"xref\n{number} 1\n{objectOffset:D10} 00000 n\r\ntrailer\n{trailer[..^2]}/Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n")));
    }
}

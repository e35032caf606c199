using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// Writes the XMP metadata of a PDF that PDFsharp 6.2.4 has just saved once more, now with the
/// PDF/UA identification (<c>pdfuaid:part 1</c>) and with its values XML-escaped (PDFsharp 6.2.4
/// writes neither: an organisation called "A &amp; B" made its XMP malformed). PDFsharp writes the
/// metadata stream itself while saving, with no way to change it, so this appends an incremental
/// update (ISO 32000-1, 7.5.6): the metadata object again, and a cross-reference section for that
/// one object pointing back to the original table. Readers take the newest version of an object.
/// </summary>
internal static partial class PdfUaIdentification
{
    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    private const string Bom = "\uFEFF";

    /// <summary>The XMP packet for the document information of <paramref name="pdf"/>.</summary>
    public static byte[] Xmp(PdfDocument pdf)
    {
        static string E(string? text) => SecurityElement.Escape(SafeText.ForXml(text ?? "")) ?? "";
        static string D(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var info = pdf.Info;
        var xml = $"""
            <?xpacket begin="{Bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                  <pdfuaid:part>1</pdfuaid:part>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{E(info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{E(info.Author)}</rdf:li></rdf:Seq></dc:creator>
                  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{E(info.Subject)}</rdf:li></rdf:Alt></dc:description>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <pdf:Producer>{E(info.Producer)}</pdf:Producer>
                  <pdf:Keywords>{E(info.Keywords)}</pdf:Keywords>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                  <xmp:CreatorTool>{E(info.Creator)}</xmp:CreatorTool>
                  <xmp:CreateDate>{D(info.CreationDate)}</xmp:CreateDate>
                  <xmp:ModifyDate>{D(info.ModificationDate)}</xmp:ModifyDate>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
        return Encoding.UTF8.GetBytes(xml);
    }

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
    /// Appends the update to <paramref name="pdf"/> (readable and seekable), which holds a complete
    /// PDF as PDFsharp saved it, from position 0 (PDFsharp's offsets count from the stream's start);
    /// <paramref name="metadata"/> is the object number of its metadata stream, <paramref name="xmp"/>
    /// the new packet. Only the trailer (the last kilobyte) is read.
    /// </summary>
    public static void Append(Stream pdf, int metadata, byte[] xmp)
    {
        var end = pdf.Length;
        var window = new byte[Math.Min(end, 1024)];
        pdf.Position = end - window.Length;
        pdf.ReadExactly(window);
        var text = Encoding.Latin1.GetString(window);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startXref = trailerAt < 0 ? Match.Empty : StartXref().Match(text, trailerAt);
        if (!startXref.Success)
        {
            throw new InvalidOperationException("PDF without a classic trailer; cannot add the PDF/UA identification.");
        }

        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        var number = metadata.ToString(CultureInfo.InvariantCulture);
        pdf.Position = end;
        var objectOffset = end + 1;
        var head = Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n"));
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\n");
        pdf.Write(head);
        pdf.Write(xmp);
        pdf.Write(tail);
        var xrefOffset = end + head.Length + xmp.Length + tail.Length;
        pdf.Write(Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"xref\n{number} 1\n{objectOffset:D10} 00000 n\r\ntrailer\n{trailer[..^2]}/Prev {startXref.Groups[1].Value}>>\nstartxref\n{xrefOffset}\n%%EOF\n")));
    }
}

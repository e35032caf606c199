using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Richtsnoer.Rendering.Docx;

/// <summary>
/// Writes the Open Packaging Conventions container of a DOCX straight into a zip: the parts,
/// their content types and relationships, and the core properties. System.IO.Packaging (under
/// the Open XML SDK) spent about three quarters of the render time on the same job; the SDK
/// still opens and validates every file we write, in the tests.
/// </summary>
internal sealed class OpcPackage : IDisposable
{
    public const string MainUri = "word/document.xml";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private readonly ZipArchive zip;
    private readonly List<(string Part, string ContentType)> overrides = [];
    private readonly List<(string Id, string Type, string Target)> documentRels = [];

    public OpcPackage(Stream output)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>A part of the main document, related from it with <paramref name="relId"/> (null for the main part itself).</summary>
    public Stream Part(string path, string contentType, string? relType = null, string? relId = null)
    {
        overrides.Add((path, contentType));
        if (relType is not null && relId is not null)
        {
            documentRels.Add((relId, Rel + relType, path["word/".Length..]));
        }

        return zip.CreateEntry(path, CompressionLevel.Fastest).Open();
    }

    public void Part(string path, string contentType, string? relType, string? relId, string xml)
    {
        using var s = Part(path, contentType, relType, relId);
        s.Write(Encoding.UTF8.GetBytes(xml));
    }

    public void CoreProperties(CoreProps p)
    {
        var sb = new StringBuilder(1024);
        sb.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
            .Append("""<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">""");
        Element(sb, "dc:title", p.Title);
        Element(sb, "dc:subject", p.Subject);
        Element(sb, "dc:creator", p.Creator);
        Element(sb, "cp:keywords", p.Keywords);
        Element(sb, "dc:description", p.Description);
        Element(sb, "cp:lastModifiedBy", p.Creator);
        Element(sb, "dc:language", p.Language);
        Element(sb, "cp:version", p.Version);
        var when = p.Created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        sb.Append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").Append(when).Append("</dcterms:created>");
        sb.Append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").Append(when).Append("</dcterms:modified>");
        sb.Append("</cp:coreProperties>");
        Write("docProps/core.xml", sb.ToString());
    }

    private static void Element(StringBuilder sb, string name, string value) =>
        sb.Append('<').Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append('>');

    private void Write(string path, string text)
    {
        using var s = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    public void Dispose()
    {
        var types = new StringBuilder(2048);
        types.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""")
            .Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""")
            .Append("""<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>""");
        foreach (var (part, type) in overrides)
        {
            types.Append("<Override PartName=\"/").Append(part).Append("\" ContentType=\"").Append(type).Append("\"/>");
        }

        types.Append("</Types>");
        Write("[Content_Types].xml", types.ToString());

        Write("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"""
            + """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"""
            + """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"""
            + "</Relationships>");

        var rels = new StringBuilder(1024);
        rels.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        foreach (var (id, type, target) in documentRels)
        {
            rels.Append("<Relationship Id=\"").Append(id).Append("\" Type=\"").Append(type).Append("\" Target=\"").Append(target).Append("\"/>");
        }

        rels.Append("</Relationships>");
        Write("word/_rels/document.xml.rels", rels.ToString());
        zip.Dispose();
    }
}

internal sealed record CoreProps(string Title, string Subject, string Creator, string Keywords, string Description, string Language, string Version, DateTime Created);

using System.Text;
using System.Xml;

namespace Richtsnoer.Rendering.Docx;

/// <summary>
/// A thin streaming writer for WordprocessingML parts. Writing the XML directly (rather than
/// building the SDK's object tree) keeps a full protocol well under the 5 ms budget; the tests
/// open every part with the Open XML SDK and run its validator over the result.
/// </summary>
internal sealed class WordXml : IDisposable
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = false,

        // Every text passes SafeText.ForXml first; this is the second line of defence.
        CheckCharacters = true,
    };

    private readonly XmlWriter writer;

    public WordXml(Stream stream, string root)
    {
        writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument(true);
        writer.WriteStartElement("w", root, W);
        writer.WriteAttributeString("xmlns", "r", null, R);
    }

    public WordXml Start(string name)
    {
        writer.WriteStartElement("w", name, W);
        return this;
    }

    public WordXml Attr(string name, string value)
    {
        writer.WriteAttributeString("w", name, W, value);
        return this;
    }

    public WordXml Attr(string name, int value) => Attr(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public WordXml RAttr(string name, string value)
    {
        writer.WriteAttributeString("r", name, R, value);
        return this;
    }

    public WordXml End()
    {
        writer.WriteEndElement();
        return this;
    }

    /// <summary>An empty element with an optional w:val.</summary>
    public WordXml Empty(string name, string? val = null)
    {
        writer.WriteStartElement("w", name, W);
        if (val is not null)
        {
            writer.WriteAttributeString("w", "val", W, val);
        }

        writer.WriteEndElement();
        return this;
    }

    public WordXml Empty(string name, int val) => Empty(name, val.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A w:t with xml:space="preserve", so leading and trailing spaces survive.</summary>
    public WordXml Text(string text)
    {
        writer.WriteStartElement("w", "t", W);
        writer.WriteAttributeString("xml", "space", null, "preserve");
        writer.WriteString(text);
        writer.WriteEndElement();
        return this;
    }

    public WordXml InstrText(string text)
    {
        writer.WriteStartElement("w", "instrText", W);
        writer.WriteAttributeString("xml", "space", null, "preserve");
        writer.WriteString(text);
        writer.WriteEndElement();
        return this;
    }

    public void Dispose()
    {
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
        writer.Dispose();
    }
}

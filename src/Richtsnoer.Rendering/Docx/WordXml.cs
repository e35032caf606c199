using System.Globalization;
using System.Text;

namespace Richtsnoer.Rendering.Docx;

/// <summary>
/// A small streaming writer for WordprocessingML parts: every element is in the w: namespace,
/// so it appends text directly instead of going through XmlWriter's namespace bookkeeping (three
/// times faster for a full protocol). Text is escaped here and cleaned of characters XML cannot
/// hold by <see cref="SafeText.ForXml"/> before; the tests parse every part and run the Open XML
/// SDK's validator over the result.
/// </summary>
internal sealed class WordXml : IDisposable
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly Stream stream;
    private readonly string root;
    private const int FlushAt = 16 * 1024;

    private readonly StringBuilder sb = new(FlushAt + 1024);
    private readonly byte[] buffer = new byte[(FlushAt * 3) + 8];
    private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
    private readonly Stack<string> open = new();
    private bool inStartTag;

    public WordXml(Stream stream, string root)
    {
        this.stream = stream;
        this.root = root;
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:").Append(root)
            .Append(" xmlns:w=\"").Append(W).Append("\" xmlns:r=\"").Append(R).Append('"');
        inStartTag = true;
    }

    private void CloseStartTag()
    {
        if (inStartTag)
        {
            sb.Append('>');
            inStartTag = false;
        }
    }

    /// <summary>Writes what is complete to the stream in small pieces, so no large buffer is ever needed.</summary>
    private void Flush(bool final = false)
    {
        // The encoder keeps a surrogate pair together even when a chunk boundary splits it.
        foreach (var chunk in sb.GetChunks())
        {
            var span = chunk.Span;
            while (span.Length > 0)
            {
                var n = Math.Min(span.Length, FlushAt);
                var bytes = encoder.GetBytes(span[..n], buffer, flush: false);
                stream.Write(buffer, 0, bytes);
                span = span[n..];
            }
        }

        if (final)
        {
            stream.Write(buffer, 0, encoder.GetBytes(ReadOnlySpan<char>.Empty, buffer, flush: true));
        }

        sb.Clear();
    }

    public WordXml Start(string name)
    {
        CloseStartTag();
        if (sb.Length > FlushAt)
        {
            Flush();
        }

        sb.Append("<w:").Append(name);
        open.Push(name);
        inStartTag = true;
        return this;
    }

    public WordXml Attr(string name, string value)
    {
        sb.Append(" w:").Append(name).Append("=\"");
        Escape(value, attribute: true);
        sb.Append('"');
        return this;
    }

    public WordXml Attr(string name, int value)
    {
        sb.Append(" w:").Append(name).Append("=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
        return this;
    }

    public WordXml RAttr(string name, string value)
    {
        sb.Append(" r:").Append(name).Append("=\"");
        Escape(value, attribute: true);
        sb.Append('"');
        return this;
    }

    public WordXml End()
    {
        var name = open.Pop();
        if (inStartTag)
        {
            sb.Append("/>");
            inStartTag = false;
        }
        else
        {
            sb.Append("</w:").Append(name).Append('>');
        }

        return this;
    }

    /// <summary>An empty element with an optional w:val.</summary>
    public WordXml Empty(string name, string? val = null)
    {
        CloseStartTag();
        sb.Append("<w:").Append(name);
        if (val is not null)
        {
            sb.Append(" w:val=\"");
            Escape(val, attribute: true);
            sb.Append('"');
        }

        sb.Append("/>");
        return this;
    }

    public WordXml Empty(string name, int val)
    {
        CloseStartTag();
        sb.Append("<w:").Append(name).Append(" w:val=\"").Append(val.ToString(CultureInfo.InvariantCulture)).Append("\"/>");
        return this;
    }

    /// <summary>A w:t with xml:space="preserve", so leading and trailing spaces survive.</summary>
    public WordXml Text(string text) => Chars("t", text);

    public WordXml InstrText(string text) => Chars("instrText", text);

    /// <summary>Deleted text inside a tracked deletion (w:del), where Word expects w:delText instead of w:t.</summary>
    public WordXml DelText(string text) => Chars("delText", text);

    private WordXml Chars(string name, string text)
    {
        CloseStartTag();
        sb.Append("<w:").Append(name).Append(" xml:space=\"preserve\">");
        Escape(text, attribute: false);
        sb.Append("</w:").Append(name).Append('>');
        return this;
    }

    private void Escape(string text, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\n' when attribute => "&#10;",
                '\r' => "&#13;",
                '\t' when attribute => "&#9;",
                _ => null,
            };
            if (entity is not null)
            {
                sb.Append(text, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        sb.Append(text, start, text.Length - start);
    }

    public void Dispose()
    {
        while (open.Count > 0)
        {
            End();
        }

        CloseStartTag();
        sb.Append("</w:").Append(root).Append('>');
        Flush(final: true);
    }
}

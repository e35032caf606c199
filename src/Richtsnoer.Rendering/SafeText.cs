using System.Text;

namespace Richtsnoer.Rendering;

/// <summary>Makes any text safe to put into an XML-based document (HTML, DOCX).</summary>
public static class SafeText
{
    /// <summary>
    /// Drops the characters XML 1.0 cannot hold (C0 controls other than tab and newline, lone
    /// surrogates, U+FFFE/U+FFFF). Everything else, markup included, stays and is escaped by the writer.
    /// </summary>
    public static string ForXml(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (Allowed(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool Allowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!Allowed(c))
            {
                return false;
            }
        }

        return true;
    }
}

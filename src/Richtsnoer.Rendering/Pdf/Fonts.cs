using System.Buffers.Binary;
using System.Collections.Concurrent;
using PdfSharp.Fonts;
using Richtsnoer.Rendering.Pdf.Layout;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>The DejaVu fonts shipped as embedded resources (licence: Fonts/LICENSE-DejaVu.txt).</summary>
internal static class EmbeddedFonts
{
    public const string SerifFamily = "Richtsnoer Serif";
    public const string SansFamily = "Richtsnoer Sans";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static string FileName(FontFace face) => face switch
    {
        FontFace.Serif => "DejaVuSerif.ttf",
        FontFace.SerifBold => "DejaVuSerif-Bold.ttf",
        FontFace.SerifItalic => "DejaVuSerif-Italic.ttf",
        FontFace.Sans => "DejaVuSans.ttf",
        FontFace.SansBold => "DejaVuSans-Bold.ttf",
        _ => throw new ArgumentOutOfRangeException(nameof(face)),
    };

    public static byte[] Bytes(string fileName) => Cache.GetOrAdd(fileName, static name =>
    {
        using var s = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("Richtsnoer.Rendering.Fonts." + name)
            ?? throw new InvalidOperationException("embedded font missing: " + name);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    public static (string Family, bool Bold, bool Italic) Typeface(FontFace face) => face switch
    {
        FontFace.Serif => (SerifFamily, false, false),
        FontFace.SerifBold => (SerifFamily, true, false),
        FontFace.SerifItalic => (SerifFamily, false, true),
        FontFace.Sans => (SansFamily, false, false),
        FontFace.SansBold => (SansFamily, true, false),
        _ => throw new ArgumentOutOfRangeException(nameof(face)),
    };
}

/// <summary>Gives PDFsharp our embedded fonts, whatever fonts the machine has.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var sans = familyName.Contains("Sans", StringComparison.OrdinalIgnoreCase);
        var face = sans
            ? (bold ? FontFace.SansBold : FontFace.Sans)
            : bold ? FontFace.SerifBold : italic ? FontFace.SerifItalic : FontFace.Serif;
        return new FontResolverInfo(EmbeddedFonts.FileName(face));
    }

    public byte[]? GetFont(string faceName) => EmbeddedFonts.Bytes(faceName);
}

/// <summary>
/// Advance widths straight from the TrueType tables (cmap + hmtx), so the layout engine measures
/// text without a graphics context, thread-safe and fast. PDFsharp draws with the same advances
/// (it applies no kerning), so what we measure is what lands on the page.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly ushort[] advances;
    private readonly Dictionary<int, ushort> glyphs = [];
    private readonly double unitsPerEm;
    private readonly double[] ascii = new double[128];

    public TrueTypeMetrics(byte[] font)
    {
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        var count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var rec = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(font, rec, 4);
            tables[tag] = ((int)U32(font, rec + 8), (int)U32(font, rec + 12));
        }

        unitsPerEm = U16(font, tables["head"].Offset + 18);
        var hhea = tables["hhea"].Offset;
        Ascent = (short)U16(font, hhea + 4) / unitsPerEm;
        Descent = -(short)U16(font, hhea + 6) / unitsPerEm;
        var metrics = U16(font, hhea + 34);
        var hmtx = tables["hmtx"].Offset;
        advances = new ushort[metrics];
        for (var i = 0; i < metrics; i++)
        {
            advances[i] = U16(font, hmtx + (4 * i));
        }

        ReadCmap(font, tables["cmap"].Offset);
        for (var c = 0; c < 128; c++)
        {
            ascii[c] = Advance(c);
        }
    }

    /// <summary>Ascender and descender as fractions of the em.</summary>
    public double Ascent { get; }

    public double Descent { get; }

    /// <summary>Width in em of a text (multiply by the size in points).</summary>
    public double Width(ReadOnlySpan<char> text)
    {
        double w = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                w += ascii[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                w += Advance(char.ConvertToUtf32(c, text[++i]));
            }
            else
            {
                w += Advance(c);
            }
        }

        return w;
    }

    public bool HasGlyph(int codePoint) => glyphs.ContainsKey(codePoint);

    private double Advance(int codePoint)
    {
        var g = glyphs.TryGetValue(codePoint, out var id) ? id : (ushort)0;
        return advances[Math.Min(g, advances.Length - 1)] / unitsPerEm;
    }

    private void ReadCmap(byte[] f, int cmap)
    {
        var n = U16(f, cmap + 2);
        int? format4 = null, format12 = null;
        for (var i = 0; i < n; i++)
        {
            var rec = cmap + 4 + (8 * i);
            var platform = U16(f, rec);
            var encoding = U16(f, rec + 2);
            var sub = cmap + (int)U32(f, rec + 4);
            var format = U16(f, sub);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0))
            {
                format12 = sub;
            }
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0))
            {
                format4 = sub;
            }
        }

        if (format12 is { } t12)
        {
            var groups = U32(f, t12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var p = t12 + 16 + (12 * g);
                var start = U32(f, p);
                var end = U32(f, p + 4);
                var glyph = U32(f, p + 8);
                for (var c = start; c <= end && c - start < 0x10000; c++)
                {
                    glyphs[(int)c] = (ushort)(glyph + (c - start));
                }
            }

            return;
        }

        if (format4 is not { } t)
        {
            return;
        }

        var segs = U16(f, t + 6) / 2;
        var ends = t + 14;
        var starts = ends + (2 * segs) + 2;
        var deltas = starts + (2 * segs);
        var offsets = deltas + (2 * segs);
        for (var s = 0; s < segs; s++)
        {
            int end = U16(f, ends + (2 * s)), start = U16(f, starts + (2 * s));
            var delta = (short)U16(f, deltas + (2 * s));
            int ro = U16(f, offsets + (2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (ro == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = offsets + (2 * s) + ro + (2 * (c - start));
                    glyph = U16(f, at);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                if (glyph != 0)
                {
                    glyphs[c] = (ushort)glyph;
                }
            }
        }
    }

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
}

/// <summary>Measures text in the embedded fonts.</summary>
internal sealed class EmbeddedFontMeasure : ITextMeasure
{
    public static readonly EmbeddedFontMeasure Instance = new();

    private readonly TrueTypeMetrics[] metrics;

    private EmbeddedFontMeasure()
    {
        metrics = Enum.GetValues<FontFace>().Select(f => new TrueTypeMetrics(EmbeddedFonts.Bytes(EmbeddedFonts.FileName(f)))).ToArray();
    }

    public double Width(ReadOnlySpan<char> text, FontFace font, double size) => metrics[(int)font].Width(text) * size;

    public double Ascent(FontFace font) => metrics[(int)font].Ascent;

    /// <summary>
    /// The text as the font can show it: a character the font has no glyph for becomes U+FFFD
    /// (a visible replacement mark, measured and drawn alike) and an invisible one (a format
    /// character, a combining mark) is dropped. Without this, PDFsharp draws missing glyphs at
    /// another width than we measured and words overlap.
    /// </summary>
    public string Displayable(string text, FontFace font)
    {
        var m = metrics[(int)font];
        var clean = true;
        foreach (var c in text)
        {
            if (c >= 0x250 && (char.IsSurrogate(c) || !m.HasGlyph(c)))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x250 || m.HasGlyph(rune.Value) || rune.Value is '\n' or '\t' or '\r')
            {
                sb.Append(rune.ToString());
                continue;
            }

            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Control)
            {
                continue;
            }

            sb.Append(m.HasGlyph(0xFFFD) ? '\uFFFD' : '?');
        }

        return sb.ToString();
    }
}

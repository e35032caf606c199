using System.Globalization;
using System.Text;

namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// Folds one UTF-16 code unit to what the matcher compares: lower case, without diacritics,
/// compatibility forms unfolded (ĳ → ij, ß → ss, ｋ → k, ① → 1). Built once for the whole Basic
/// Multilingual Plane; surrogates and characters that are not letters or digits fold to null.
/// </summary>
internal static class TextFold
{
    private static readonly string?[] Table = Build();

    /// <summary>The folded form (1 to 3 characters), or null for a character that is not a letter or digit.</summary>
    public static string? Fold(char c) => Table[c];

    /// <summary>A combining mark or an invisible format character (zero-width space, soft hyphen): part of the word it sits in.</summary>
    public static bool IsIgnorable(char c)
    {
        if (c < 0x300)
        {
            return c == '\u00AD';
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    private static string?[] Build()
    {
        var table = new string?[char.MaxValue + 1];
        var sb = new StringBuilder(4);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || !char.IsLetterOrDigit(c))
            {
                continue;
            }

            if (c < 128)
            {
                table[i] = char.ToLowerInvariant(c).ToString();
                continue;
            }

            var special = c switch
            {
                'ß' or 'ẞ' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                'ı' => "i",
                'þ' or 'Þ' => "th",
                _ => null,
            };
            if (special is not null)
            {
                table[i] = special;
                continue;
            }

            string decomposed;
            try
            {
                decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
            }
            catch (ArgumentException)
            {
                decomposed = c.ToString();
            }

            sb.Clear();
            foreach (var d in decomposed)
            {
                if (char.IsLetterOrDigit(d))
                {
                    sb.Append(char.ToLowerInvariant(d));
                }
            }

            table[i] = sb.Length is > 0 and <= 3 ? sb.ToString() : char.ToLowerInvariant(c).ToString();
        }

        return table;
    }
}

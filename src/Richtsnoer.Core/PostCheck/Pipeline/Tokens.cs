using System.Globalization;
using System.Text;

namespace Richtsnoer.Core.PostCheck.Pipeline;

[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>Starts with a capital letter in the draft.</summary>
    Capitalised = 1,

    /// <summary>First word of its sentence.</summary>
    SentenceStart = 2,

    /// <summary>Part of a #hashtag.</summary>
    Hashtag = 4,

    /// <summary>An @handle.</summary>
    Handle = 8,

    /// <summary>A number (digits, with , or . inside: 3,2 or 1.100).</summary>
    Number = 16,

    /// <summary>Joined to the word before by a hyphen or slash (customer-centric, kanker-Polen).</summary>
    JoinedBefore = 32,

    /// <summary>Joined to the word after by a hyphen or slash.</summary>
    JoinedAfter = 64,

    /// <summary>Two or more letters, all capitals (MT, HR, NDA).</summary>
    AllCaps = 128,
}

/// <summary>
/// One word of the draft: its span (UTF-16 code units of the draft), its folded form (lower case,
/// no diacritics, letter swaps inside a word undone: sh1t → shit, letters written three times or
/// more once: kkrrr → kkr) and its sentence.
/// </summary>
public readonly record struct Token(int Start, int End, string Norm, int Sentence, TokenFlags Flags)
{
    public bool Is(TokenFlags flag) => (Flags & flag) != 0;
}

/// <summary>
/// Stage 1 of the pipeline: splits a draft into words on real word boundaries. Hyphens,
/// slashes and apostrophes between words split them (an apostrophe before s stays: homo's);
/// emoji and punctuation are boundaries; a #hashtag is split on camel case (#TeamHegeman → team,
/// hegeman); an @handle is one token. Sentences end at . ! ? … and line breaks (not inside a
/// number: 3,2 or 1.100).
/// </summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Split(string draft)
    {
        var tokens = new List<Token>(draft.Length / 5 + 1);
        var sentence = 0;
        var sentenceOpen = false;
        var i = 0;
        var joinNext = false;
        while (i < draft.Length)
        {
            var c = draft[i];
            if (c is '.' or '!' or '?' or '…' or '\n' or '\r')
            {
                if (sentenceOpen)
                {
                    sentence++;
                    sentenceOpen = false;
                }

                joinNext = false;
                i++;
                continue;
            }

            if (c is '-' or '/' or '–')
            {
                // A hyphen between two words joins them; elsewhere it is a boundary.
                joinNext = tokens.Count > 0 && tokens[^1].End == i && i + 1 < draft.Length && char.IsLetterOrDigit(draft[i + 1]);
                if (joinNext)
                {
                    tokens[^1] = tokens[^1] with { Flags = tokens[^1].Flags | TokenFlags.JoinedAfter };
                }

                i++;
                continue;
            }

            if (c is '@' or '#' && i + 1 < draft.Length && char.IsLetterOrDigit(draft[i + 1]) && (i == 0 || !char.IsLetterOrDigit(draft[i - 1])))
            {
                var start = i + 1;
                var end = start;
                while (end < draft.Length && (char.IsLetterOrDigit(draft[end]) || draft[end] == '_'))
                {
                    end++;
                }

                if (c == '@')
                {
                    Add(tokens, draft, start - 1, end, sentence, TokenFlags.Handle, ref sentenceOpen, false);
                }
                else
                {
                    // #TeamHegeman → team + hegeman; #bakencollege stays one word.
                    var s = start;
                    for (var k = start + 1; k <= end; k++)
                    {
                        if (k == end || (char.IsUpper(draft[k]) && char.IsLower(draft[k - 1])))
                        {
                            Add(tokens, draft, s, k, sentence, TokenFlags.Hashtag, ref sentenceOpen, false);
                            s = k;
                        }
                    }
                }

                i = end;
                joinNext = false;
                continue;
            }

            if (char.IsLetterOrDigit(c) || (c is '*' or '$' or '!' && i + 1 < draft.Length && char.IsLetter(draft[i + 1]) && i > 0 && char.IsLetter(draft[i - 1])))
            {
                var start = i;
                var end = i;
                while (end < draft.Length)
                {
                    var d = draft[end];
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark)
                    {
                        end++;
                    }
                    else if (d is '*' or '$' && end + 1 < draft.Length && char.IsLetter(draft[end + 1]) && end > start)
                    {
                        end++;
                    }
                    else if (d is ',' or '.' && end > start && char.IsDigit(draft[end - 1]) && end + 1 < draft.Length && char.IsDigit(draft[end + 1]))
                    {
                        end++;
                    }
                    else if (d is '\'' or '’' && end + 1 < draft.Length && draft[end + 1] is 's' or 'S' && (end + 2 >= draft.Length || !char.IsLetter(draft[end + 2])))
                    {
                        end += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                Add(tokens, draft, start, end, sentence, joinNext ? TokenFlags.JoinedBefore : TokenFlags.None, ref sentenceOpen, true);
                joinNext = false;
                i = end;
                continue;
            }

            joinNext = false;
            i++;
        }

        return tokens;
    }

    private static void Add(List<Token> tokens, string draft, int start, int end, int sentence, TokenFlags flags, ref bool sentenceOpen, bool swaps)
    {
        var span = draft.AsSpan(start, end - start);
        if (span.IsEmpty)
        {
            return;
        }

        if (!sentenceOpen)
        {
            flags |= TokenFlags.SentenceStart;
            sentenceOpen = true;
        }

        if (char.IsUpper(span[0]) || (span[0] == '@' && span.Length > 1 && char.IsUpper(span[1])))
        {
            flags |= TokenFlags.Capitalised;
        }

        var digits = 0;
        var letters = 0;
        foreach (var ch in span)
        {
            digits += char.IsDigit(ch) ? 1 : 0;
            letters += char.IsLetter(ch) ? 1 : 0;
        }

        var upper = 0;
        foreach (var ch in span)
        {
            upper += char.IsUpper(ch) ? 1 : 0;
        }

        if (letters >= 2 && upper == letters)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (letters == 0 && digits > 0)
        {
            flags |= TokenFlags.Number;
        }

        tokens.Add(new Token(start, end, Fold(span, swaps && letters >= 2 && digits > 0), sentence, flags));
    }

    /// <summary>Lower case, no diacritics, letters three or more times in a row once; digits inside a word read as letters when asked.</summary>
    public static string Fold(ReadOnlySpan<char> word, bool swaps = false)
    {
        var sb = new StringBuilder(word.Length);
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c is '’')
            {
                c = '\'';
            }

            string piece;
            if (swaps && k > 0 && k < word.Length - 1 && char.IsDigit(c))
            {
                piece = c switch { '0' => "o", '1' => "i", '3' => "e", '4' => "a", '5' => "s", '7' => "t", _ => c.ToString() };
            }
            else if (c == '$' && k > 0)
            {
                piece = "s";
            }
            else
            {
                piece = TextFold.Fold(c) ?? char.ToLowerInvariant(c).ToString();
            }

            foreach (var p in piece)
            {
                if (TextFold.IsIgnorable(p))
                {
                    continue;
                }

                var lower = char.ToLowerInvariant(p);
                if (sb.Length >= 2 && sb[^1] == lower && sb[^2] == lower && char.IsLetter(lower))
                {
                    continue;
                }

                sb.Append(lower);
            }
        }

        return sb.ToString();
    }
}

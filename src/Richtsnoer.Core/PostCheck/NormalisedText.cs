namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// A draft as the matcher sees it: words in lower case without diacritics, letter swaps undone
/// (k4nk3r → kanker, a$$ → ass; an ambiguous @ inside a word stays a masked letter: f@ck → f*ck), a letter written three times or more in a row written once,
/// every run of spaces and punctuation one space. Every normalised
/// character remembers the span of the draft it came from, so a match maps back to exact
/// UTF-16 offsets of the draft.
/// </summary>
/// <remarks>
/// Hyphens, dots and underscores between two letters or digits join the parts into one word
/// with a <em>soft boundary</em> (kanker-lijer → kankerlijer, B.V. → bv); so does a change from
/// lower to upper case inside a word (#AcmeRocks → acmerocks). A word may end at a soft
/// boundary, so "acme" is a whole word in "acme-collega's" and in "#AcmeRocks", while a
/// compound entry such as "kankerlijer" still matches "kanker-lijer".
/// </remarks>
internal sealed class NormalisedText
{
    private char[] chars;
    private int[] from;
    private int[] to;
    private bool[] soft;
    private byte[] tag;
    private int[] sentence;
    private bool[] upper;

    public const byte Hashtag = 1;
    public const byte Handle = 2;

    private NormalisedText(int capacity)
    {
        chars = new char[capacity];
        from = new int[capacity];
        to = new int[capacity];
        soft = new bool[capacity + 1];
        tag = new byte[capacity];
        sentence = new int[capacity];
        upper = new bool[capacity];
    }

    public int Length { get; private set; }

    public int SentenceCount { get; private set; }

    public ReadOnlySpan<char> Chars => chars.AsSpan(0, Length);

    public char this[int i] => chars[i];

    /// <summary>Start offset in the draft of normalised character i.</summary>
    public int From(int i) => from[i];

    /// <summary>End offset (exclusive) in the draft of normalised character i.</summary>
    public int To(int i) => to[i];

    public int Sentence(int i) => sentence[i];

    public byte Tag(int i) => tag[i];

    public bool Upper(int i) => upper[i];

    /// <summary>True when a word may start at i: at the start, after a space, or at a soft boundary.</summary>
    public bool WordStart(int i) => i <= 0 || chars[i - 1] == ' ' || soft[i];

    /// <summary>True when a word may end just before i.</summary>
    public bool WordEnd(int i) => i >= Length || chars[i] == ' ' || soft[i];

    /// <summary>True at the start of a full word (not only a soft boundary inside a compound).</summary>
    public bool HardWordStart(int i) => i <= 0 || chars[i - 1] == ' ';

    public bool HardWordEnd(int i) => i >= Length || chars[i] == ' ';

    public string Slice(int start, int end) => new(chars, start, end - start);

    /// <summary>The normalised text of a lexicon term (same rules as a draft).</summary>
    public static string Term(string term)
    {
        var n = Of(term);
        return n.Slice(0, n.Length);
    }

    public static NormalisedText Of(string s)
    {
        var n = new NormalisedText(Math.Min(s.Length + 16, int.MaxValue / 4));
        var pendingSpace = false;
        var spaceFrom = 0;
        var pendingBreak = false;
        var sentenceNo = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (TextFold.Fold(c) is not null)
            {
                var end = TokenEnd(s, i);
                if (n.Length > 0 && pendingSpace)
                {
                    n.Emit(' ', spaceFrom, spaceFrom + 1, false, 0, sentenceNo, false);
                }

                if (pendingBreak && n.Length > 0)
                {
                    sentenceNo++;
                }

                n.EmitToken(s, i, end, TagOf(s, i), sentenceNo);
                pendingSpace = false;
                pendingBreak = false;
                i = end;
                continue;
            }

            if (!pendingSpace)
            {
                pendingSpace = true;
                spaceFrom = i;
            }

            if (c is '.' or '!' or '?' or '\n' or '\u2026' or '\u3002' or '\u2029')
            {
                pendingBreak = true;
            }

            i++;
        }

        n.soft[n.Length] = false;
        n.SentenceCount = sentenceNo + 1;
        return n;
    }

    private static byte TagOf(string s, int i)
    {
        if (i == 0)
        {
            return 0;
        }

        var before = s[i - 1];
        if (before is '#' or '\uFF03')
        {
            return Hashtag;
        }

        if (before is '@' or '\uFF20' && (i < 2 || TextFold.Fold(s[i - 2]) is null))
        {
            return Handle;
        }

        return 0;
    }

    private static bool IsJoiner(char c) => c is '-' or '.' or '_' or '\u2010' or '\u2011' or '\u00B7';

    private static bool IsSwapSymbol(char c) => c is '@' or '$' or '!';

    private static bool IsSwapDigit(char c) => c is '0' or '1' or '3' or '4' or '5' or '7';

    private static char Swap(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '$' => 's',
        '!' => 'i',
        _ => c,
    };

    /// <summary>The end (exclusive) of the word that starts at <paramref name="start"/>.</summary>
    private static int TokenEnd(string s, int start)
    {
        var j = start + 1;
        while (j < s.Length)
        {
            var c = s[j];
            if (TextFold.Fold(c) is not null || TextFold.IsIgnorable(c))
            {
                j++;
                continue;
            }

            if (IsJoiner(c) && j + 1 < s.Length && TextFold.Fold(s[j + 1]) is not null && TextFold.Fold(s[j - 1]) is not null)
            {
                j++;
                continue;
            }

            // A masked letter inside a word (k*nker, f**k) stays part of the word as one '*'.
            if (c == '*' && TextFold.Fold(s[j - 1]) is { } before && char.IsLetter(before[0]))
            {
                var k = j;
                while (k < s.Length && s[k] == '*' && k - j < 4)
                {
                    k++;
                }

                if (k < s.Length && TextFold.Fold(s[k]) is { } after && char.IsLetter(after[0]))
                {
                    j = k;
                    continue;
                }
            }

            if (IsSwapSymbol(c) && TextFold.Fold(s[j - 1]) is not null)
            {
                var k = j;
                while (k < s.Length && k - j < 8 && IsSwapSymbol(s[k]))
                {
                    k++;
                }

                if (k < s.Length && TextFold.Fold(s[k]) is not null && !(c == '@' && LooksLikeDomain(s, k)))
                {
                    j = k;
                    continue;
                }
            }

            break;
        }

        return j;
    }

    /// <summary>After an '@': a dot followed by a letter before the next space means an e-mail address, not a letter swap.</summary>
    private static bool LooksLikeDomain(string s, int k)
    {
        for (var m = k; m < s.Length && m < k + 100; m++)
        {
            var c = s[m];
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            if (c == '.' && m + 1 < s.Length && char.IsLetter(s[m + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private void EmitToken(string s, int start, int end, byte tokenTag, int sentenceNo)
    {
        // Undo letter swaps only in words that are clearly words: two letters or more, no other
        // digits (so 2020, 06-12345678, 1234AB and covid-19 stay as they are).
        int letters = 0, swaps = 0;
        var otherDigits = false;
        for (var k = start; k < end; k++)
        {
            var c = s[k];
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (IsSwapDigit(c) || IsSwapSymbol(c))
            {
                swaps++;
            }
            else if (char.IsDigit(c))
            {
                otherDigits = true;
            }
        }

        var swap = swaps > 0 && letters >= 2 && !otherDigits && swaps <= letters + 1;
        var softNext = false;
        var previousLower = false;
        var tripled = false;
        var lastTripled = '\0';
        for (var k = start; k < end; k++)
        {
            var c = s[k];
            if (IsJoiner(c))
            {
                softNext = true;
                previousLower = false;
                continue;
            }

            if (c == '*')
            {
                if (Length > 0 && chars[Length - 1] == '*')
                {
                    to[Length - 1] = k + 1;
                }
                else
                {
                    Emit('*', k, k + 1, false, tokenTag, sentenceNo, false);
                }

                continue;
            }

            if (TextFold.IsIgnorable(c))
            {
                if (Length > 0)
                {
                    to[Length - 1] = k + 1;
                }

                continue;
            }

            var isUpper = char.IsUpper(c);
            if (isUpper && previousLower)
            {
                softNext = true;
            }

            previousLower = char.IsLower(c);
            if (swap && c == '@')
            {
                // '@' is read as a, o or u (f@ck, k@nker, h@er): it stays a masked letter, so
                // the masked forms of the abusive words (f*ck, k*nker) find it whatever vowel is meant.
                if (Length > 0 && chars[Length - 1] == '*' && from[Length - 1] >= start)
                {
                    to[Length - 1] = k + 1;
                }
                else
                {
                    Emit('*', k, k + 1, softNext, tokenTag, sentenceNo, false);
                }

                softNext = false;
                continue;
            }

            if (swap && (IsSwapDigit(c) || IsSwapSymbol(c)))
            {
                Emit(Swap(c), k, k + 1, softNext, tokenTag, sentenceNo, false);
                softNext = false;
                continue;
            }

            var folded = TextFold.Fold(c);
            if (folded is null)
            {
                // A swap symbol in a word that is not swapped: a boundary inside the word.
                softNext = true;
                continue;
            }

            foreach (var f in folded)
            {
                // A letter written three times or more in a row counts once (kankerrrr, fuuuck,
                // shiiit); a double letter stays (negeer is not neger).
                if (!softNext && Length > 1 && char.IsLetter(f) && chars[Length - 1] == f && from[Length - 1] >= start)
                {
                    if (chars[Length - 2] == f && from[Length - 2] >= start)
                    {
                        Length--;
                        to[Length - 1] = k + 1;
                        tripled = true;
                        continue;
                    }

                    if (tripled && lastTripled == f)
                    {
                        to[Length - 1] = k + 1;
                        continue;
                    }
                }

                tripled = false;
                lastTripled = f;

                Emit(f, k, k + 1, softNext, tokenTag, sentenceNo, isUpper);
                softNext = false;
            }
        }
    }

    private void Emit(char c, int start, int end, bool softBefore, byte t, int sentenceNo, bool isUpper)
    {
        if (Length == chars.Length)
        {
            Grow();
        }

        chars[Length] = c;
        from[Length] = start;
        to[Length] = end;
        soft[Length] = softBefore && Length > 0 && chars[Length - 1] != ' ';
        tag[Length] = t;
        sentence[Length] = sentenceNo;
        upper[Length] = isUpper;
        Length++;
    }

    private void Grow()
    {
        var size = chars.Length * 2;
        Array.Resize(ref chars, size);
        Array.Resize(ref from, size);
        Array.Resize(ref to, size);
        Array.Resize(ref soft, size + 1);
        Array.Resize(ref tag, size);
        Array.Resize(ref sentence, size);
        Array.Resize(ref upper, size);
    }
}

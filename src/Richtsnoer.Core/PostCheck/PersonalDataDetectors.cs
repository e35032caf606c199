namespace Richtsnoer.Core.PostCheck;

/// <summary>A piece of personal data in the draft: [Start, End) in UTF-16 code units.</summary>
internal readonly record struct DetectedSpan(int Start, int End, string Kind);

/// <summary>
/// Finds numbers and addresses that identify people, each validated: e-mail addresses (not role
/// mailboxes such as info@), IBANs (mod 97), phone numbers (Dutch and international), BSNs
/// (elfproef), street addresses with a house number and postcodes with a house number. Every
/// scan moves forward through the draft, so the work grows linearly with its length.
/// </summary>
internal sealed class PersonalDataDetectors(
    IReadOnlySet<string> roleMailboxes,
    IReadOnlyList<string> streetSuffixes,
    IReadOnlySet<string> afterHouseNumber)
{
    private const int MaxRunGroups = 8;

    private readonly HashSet<char> suffixEnds = streetSuffixes.Select(s => char.ToLowerInvariant(s[^1])).ToHashSet();

    public void Find(string s, List<DetectedSpan> found)
    {
        var start = found.Count;
        FindEmails(s, found);
        FindIbans(s, found);
        FindNumbers(s, found);
        FindAddresses(s, found);
        FindPostcodes(s, found);

        if (found.Count - start < 2)
        {
            return;
        }

        // Later scans may overlap earlier ones (a number inside an address): keep the longest.
        var mine = found.GetRange(start, found.Count - start);
        mine.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : (y.End - y.Start).CompareTo(x.End - x.Start));
        var kept = new List<DetectedSpan>(mine.Count);
        foreach (var d in mine)
        {
            if (kept.Count > 0 && d.Start < kept[^1].End)
            {
                continue;
            }

            kept.Add(d);
        }

        found.RemoveRange(start, found.Count - start);
        found.AddRange(kept);
    }

    private static bool WordChar(char c) => char.IsLetterOrDigit(c);

    private void FindEmails(string s, List<DetectedSpan> found)
    {
        var from = 0;
        while (from < s.Length)
        {
            var at = s.IndexOf('@', from);
            if (at < 0)
            {
                return;
            }

            from = at + 1;
            var left = at;
            while (left > 0 && at - left < 64 && (WordChar(s[left - 1]) || s[left - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                left--;
            }

            while (left < at && s[left] is '.' or '-' or '_')
            {
                left++;
            }

            if (left == at)
            {
                continue;
            }

            var j = at + 1;
            var lastDot = -1;
            while (j < s.Length && j - at < 255
                && (WordChar(s[j]) || s[j] == '-' || (s[j] == '.' && j + 1 < s.Length && WordChar(s[j + 1]) && s[j - 1] != '.')))
            {
                if (s[j] == '.')
                {
                    lastDot = j;
                }

                j++;
            }

            if (lastDot <= at + 1 || j - lastDot - 1 < 2 || s.AsSpan(lastDot + 1, j - lastDot - 1).ContainsAnyExcept(LettersOnly))
            {
                continue;
            }

            from = j;
            var local = s[left..at].ToLowerInvariant();
            if (roleMailboxes.Contains(local))
            {
                continue;
            }

            found.Add(new DetectedSpan(left, j, "email"));
        }
    }

    private static readonly System.Buffers.SearchValues<char> LettersOnly =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static void FindIbans(string s, List<DetectedSpan> found)
    {
        Span<int> pos = stackalloc int[34];
        for (var i = 0; i + 15 <= s.Length; i++)
        {
            if (!(char.IsAsciiLetter(s[i]) && char.IsAsciiLetter(s[i + 1]) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3]))
                || (i > 0 && WordChar(s[i - 1])))
            {
                continue;
            }

            // Collect up to 34 letters and digits, allowing one space or dash between groups.
            var count = 0;
            var j = i;
            while (j < s.Length && count < 34)
            {
                if (char.IsAsciiLetterOrDigit(s[j]))
                {
                    pos[count++] = j;
                    j++;
                }
                else if (s[j] is ' ' or '-' or '\u00A0' && j + 1 < s.Length && char.IsAsciiLetterOrDigit(s[j + 1]) && count > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var country = char.ToUpperInvariant(s[i]).ToString() + char.ToUpperInvariant(s[i + 1]);
            int[] lengths = Validators.IbanLengths.TryGetValue(country, out var known)
                ? [known]
                : Enumerable.Range(15, 20).Reverse().ToArray();
            foreach (var length in lengths)
            {
                if (length > count)
                {
                    continue;
                }

                var end = pos[length - 1] + 1;
                if (end < s.Length && WordChar(s[end]))
                {
                    continue;
                }

                if (Validators.IsIban(s[i..end]))
                {
                    found.Add(new DetectedSpan(i, end, "iban"));
                    i = end - 1;
                    break;
                }
            }
        }
    }

    private readonly record struct Group(int Start, int End, bool SpaceBefore);

    /// <summary>Phone numbers and BSNs: runs of digit groups, tried from the longest window down.</summary>
    private static void FindNumbers(string s, List<DetectedSpan> found)
    {
        var groups = new List<Group>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var startsRun = (char.IsAsciiDigit(c) || (c is '+' or '(' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
                && (i == 0 || !(WordChar(s[i - 1]) || s[i - 1] is '+' or '.' or ',' or '-' or '/' or '€' or '$'));
            if (!startsRun)
            {
                i++;
                continue;
            }

            var runStart = i;
            var plus = c == '+';
            var j = plus ? i + 1 : i;
            groups.Clear();
            var spaceBefore = false;
            while (j < s.Length)
            {
                var open = s[j] == '(';
                if (open)
                {
                    j++;
                }

                var k = j;
                while (k < s.Length && char.IsAsciiDigit(s[k]) && k - j < 16)
                {
                    k++;
                }

                if (k == j)
                {
                    break;
                }

                groups.Add(new Group(open ? j - 1 : j, k, spaceBefore));
                if (k < s.Length && s[k] == ')')
                {
                    k++;
                }

                // A separator: up to three spaces, dashes, dots or slashes ("020 - 123 45 67").
                var m = k;
                spaceBefore = false;
                while (m < s.Length && m - k < 3 && s[m] is ' ' or '-' or '.' or '/' or '\u00A0')
                {
                    spaceBefore |= s[m] is ' ' or '\u00A0';
                    m++;
                }

                j = k;
                var next = m < s.Length && (char.IsAsciiDigit(s[m]) || (s[m] == '(' && m + 1 < s.Length && char.IsAsciiDigit(s[m + 1])));

                // Without a separator only "(" or a digit after ")" continue the number: +31(0)6.
                if (!next || groups.Count >= 64 || (m == k && !(s[m] == '(' || (k > 0 && s[k - 1] == ')'))))
                {
                    break;
                }

                j = m;
            }

            var runEnd = groups.Count > 0 ? groups[^1].End : i + 1;
            if (runEnd < s.Length && s[runEnd] == ')')
            {
                runEnd++;
            }

            if (groups.Count > 0 && !(runEnd < s.Length && char.IsLetterOrDigit(s[runEnd])))
            {
                Classify(s, groups, plus, runStart, found);
            }

            i = Math.Max(runEnd, i + 1);
        }
    }

    private static void Classify(string s, List<Group> groups, bool plus, int runStart, List<DetectedSpan> found)
    {
        var a = 0;
        while (a < groups.Count)
        {
            var matched = false;
            for (var b = Math.Min(groups.Count, a + MaxRunGroups); b > a; b--)
            {
                // A window starts at the run or after a space, and ends at the run's end or before a space.
                if ((a > 0 && !groups[a].SpaceBefore) || (b < groups.Count && !groups[b].SpaceBefore))
                {
                    continue;
                }

                // Phone numbers and BSNs have 8 to 17 digits: count before building the string.
                var count = 0;
                for (var g = a; g < b; g++)
                {
                    count += groups[g].End - groups[g].Start - (s[groups[g].Start] == '(' ? 1 : 0);
                }

                if (count < 8)
                {
                    break;
                }

                if (count > 17)
                {
                    continue;
                }

                var sb = new System.Text.StringBuilder(count);
                for (var g = a; g < b; g++)
                {
                    sb.Append(s.AsSpan(groups[g].Start, groups[g].End - groups[g].Start).TrimStart('('));
                }

                var digits = sb.ToString();

                var withPlus = plus && a == 0;
                var start = withPlus ? runStart : groups[a].Start;
                var end = groups[b - 1].End;
                if (end < s.Length && s[end] == ')' && s[start] == '(')
                {
                    end++;
                }

                string? kind = null;
                if (Validators.PhoneKind(digits, withPlus) != Validators.PhoneType.None)
                {
                    kind = "phone";
                }
                else if (!withPlus && digits.Length == 9 && Validators.IsBsn(digits))
                {
                    kind = "bsn";
                }

                if (kind is not null)
                {
                    found.Add(new DetectedSpan(start, end, kind));
                    a = b;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                a++;
            }
        }
    }

    /// <summary>A street name ending in a street word, with a house number: Dorpsstraat 12a, Van Baerlestraat 5, 10 Downing Street.</summary>
    private void FindAddresses(string s, List<DetectedSpan> found)
    {
        var i = 0;
        var previousWordStart = -1;
        var previousCapital = false;
        while (i < s.Length)
        {
            if (!char.IsLetter(s[i]) || (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] is '\'' or '’')))
            {
                i++;
                continue;
            }

            var start = i;
            var j = i;
            while (j < s.Length && (char.IsLetter(s[j]) || (s[j] is '-' or '\'' && j + 1 < s.Length && char.IsLetter(s[j + 1]))))
            {
                j++;
            }

            var word = s.AsSpan(start, j - start);
            var capital = char.IsUpper(word[0]);
            var suffix = StreetSuffix(word, out var distinctive);
            if (suffix > 0 && (word.Length > suffix ? capital || distinctive : previousCapital))
            {
                var streetStart = word.Length > suffix || previousWordStart < 0 ? start : previousWordStart;
                if (HouseNumberAfter(s, j) is { } end)
                {
                    found.Add(new DetectedSpan(streetStart, PostcodeAfter(s, end) ?? end, "address"));
                }
                else if (word.Length == suffix && HouseNumberBefore(s, streetStart) is { } numberStart)
                {
                    found.Add(new DetectedSpan(numberStart, j, "address"));
                }
            }

            previousWordStart = capital ? (previousCapital && previousWordStart >= 0 && start - previousWordStart < 40 ? previousWordStart : start) : -1;
            previousCapital = capital;
            i = j;
        }
    }

    /// <summary>
    /// Street words that are clearly streets even in lower case (kerkstraat 5); shorter ones such as
    /// -weg or -markt also end ordinary words (snelweg, supermarkt) and need a capital.
    /// </summary>
    private static readonly HashSet<string> Distinctive = new(StringComparer.OrdinalIgnoreCase)
    {
        "straat", "laan", "gracht", "plein", "kade", "singel", "steeg", "dreef", "street", "road", "avenue",
    };

    private int StreetSuffix(ReadOnlySpan<char> word, out bool distinctive)
    {
        distinctive = false;
        if (word.Length < 3 || !suffixEnds.Contains(char.ToLowerInvariant(word[^1])))
        {
            return 0;
        }

        foreach (var suffix in streetSuffixes)
        {
            if (word.Length >= suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                distinctive = Distinctive.Contains(suffix) && word.Length > suffix.Length + 2;
                return suffix.Length;
            }
        }

        distinctive = false;
        return 0;
    }

    /// <summary>The end of a house number right after a street (" 12", " 12a", " 12-3", " 12 bis"), or null.</summary>
    private int? HouseNumberAfter(string s, int j)
    {
        var k = j;
        while (k < s.Length && k - j < 2 && s[k] is ' ' or '\u00A0')
        {
            k++;
        }

        if (k == j || k >= s.Length || !char.IsAsciiDigit(s[k]) || s[k] == '0')
        {
            return null;
        }

        var d = k;
        while (d < s.Length && char.IsAsciiDigit(s[d]) && d - k < 5)
        {
            d++;
        }

        if (d < s.Length && char.IsAsciiDigit(s[d]))
        {
            return null;
        }

        // "Stationsplein 2027" is an event, not an address.
        if (d - k == 4 && int.Parse(s.AsSpan(k, 4), System.Globalization.CultureInfo.InvariantCulture) is >= 1900 and <= 2099)
        {
            return null;
        }

        // An addition: a letter (12a, 12 A), or -digits (12-3).
        if (d < s.Length && char.IsLetter(s[d]) && (d + 1 >= s.Length || !char.IsLetter(s[d + 1])))
        {
            d++;
        }
        else if (d + 1 < s.Length && s[d] == '-' && char.IsAsciiDigit(s[d + 1]))
        {
            d += 2;
            while (d < s.Length && char.IsAsciiDigit(s[d]))
            {
                d++;
            }
        }

        if (d < s.Length && (char.IsLetterOrDigit(s[d]) || s[d] is '/' or '%' or '.' && d + 1 < s.Length && char.IsAsciiDigit(s[d + 1])))
        {
            return null;
        }

        return FollowerOk(s, d) ? d : null;
    }

    /// <summary>After a house number: the end, punctuation, a postcode, a capitalised word (a city), or a small word such as "in".</summary>
    private bool FollowerOk(string s, int d)
    {
        var k = d;
        while (k < s.Length && s[k] is ' ' or '\u00A0')
        {
            k++;
        }

        if (k >= s.Length || !char.IsLetterOrDigit(s[k]))
        {
            return true;
        }

        if (char.IsDigit(s[k]) || char.IsUpper(s[k]))
        {
            return true;
        }

        var e = k;
        while (e < s.Length && char.IsLetter(s[e]) && e - k < 20)
        {
            e++;
        }

        return afterHouseNumber.Contains(s[k..e].ToLowerInvariant());
    }

    /// <summary>English order: "10 Downing Street", "221B Baker Street": the number before the street name.</summary>
    private static int? HouseNumberBefore(string s, int streetStart)
    {
        var k = streetStart - 1;
        if (k < 1 || s[k] != ' ')
        {
            return null;
        }

        k--;
        if (char.IsLetter(s[k]) && k > 0 && char.IsAsciiDigit(s[k - 1]))
        {
            k--;
        }

        var end = k;
        while (k >= 0 && char.IsAsciiDigit(s[k]) && end - k < 5)
        {
            k--;
        }

        if (k == end || (k >= 0 && char.IsLetterOrDigit(s[k])))
        {
            return null;
        }

        return k + 1;
    }

    /// <summary>A postcode right after an address (", 1234 AB"), returning its end.</summary>
    private static int? PostcodeAfter(string s, int d)
    {
        var k = d;
        while (k < s.Length && k - d < 3 && s[k] is ' ' or ',' or '\u00A0')
        {
            k++;
        }

        return Postcode(s, k) is { } end ? end : null;
    }

    /// <summary>The end of a Dutch postcode at <paramref name="k"/> (1234 AB, 1234AB), or null.</summary>
    private static int? Postcode(string s, int k)
    {
        if (k + 6 > s.Length || s[k] is < '1' or > '9' || !char.IsAsciiDigit(s[k + 1]) || !char.IsAsciiDigit(s[k + 2]) || !char.IsAsciiDigit(s[k + 3]))
        {
            return null;
        }

        if (k > 0 && char.IsLetterOrDigit(s[k - 1]))
        {
            return null;
        }

        var l = k + 4;
        var spaced = s[l] == ' ';
        if (spaced)
        {
            l++;
        }

        if (l + 2 > s.Length || !char.IsAsciiLetter(s[l]) || !char.IsAsciiLetter(s[l + 1]))
        {
            return null;
        }

        var upper = char.IsAsciiLetterUpper(s[l]) && char.IsAsciiLetterUpper(s[l + 1]);
        if (spaced && !upper)
        {
            return null;
        }

        var letters = char.ToUpperInvariant(s[l]).ToString() + char.ToUpperInvariant(s[l + 1]);
        if (letters is "SA" or "SD" or "SS" || (l + 2 < s.Length && char.IsLetterOrDigit(s[l + 2])))
        {
            return null;
        }

        return l + 2;
    }

    /// <summary>A postcode with a house number near it: "1234 AB 12", "1234AB, huisnummer 12", "nr. 12, 1234 AB".</summary>
    private static void FindPostcodes(string s, List<DetectedSpan> found)
    {
        for (var k = 0; k + 6 <= s.Length; k++)
        {
            if (Postcode(s, k) is not { } end)
            {
                continue;
            }

            var after = NumberNear(s, end, forward: true);
            var before = after is null ? NumberNear(s, k, forward: false) : null;
            if (after is not null || before is not null)
            {
                found.Add(new DetectedSpan(before ?? k, after ?? end, "address"));
            }

            k = end - 1;
        }
    }

    /// <summary>A house number within a few characters after (or before) a postcode, optionally after "huisnummer"/"nr".</summary>
    private static int? NumberNear(string s, int at, bool forward)
    {
        if (forward)
        {
            var k = at;
            while (k < s.Length && k - at < 16 && !char.IsAsciiDigit(s[k]))
            {
                if (char.IsLetter(s[k]) && !IsNumberWord(s, ref k))
                {
                    return null;
                }

                k++;
            }

            if (k >= s.Length || !char.IsAsciiDigit(s[k]) || k == at)
            {
                return null;
            }

            var d = k;
            while (d < s.Length && char.IsAsciiDigit(s[d]) && d - k < 5)
            {
                d++;
            }

            if (d < s.Length && char.IsAsciiLetter(s[d]) && (d + 1 >= s.Length || !char.IsLetter(s[d + 1])))
            {
                d++;
            }

            return d < s.Length && char.IsLetterOrDigit(s[d]) ? null : d;
        }
        else
        {
            var k = at - 1;
            while (k >= 0 && at - k < 4 && s[k] is ' ' or ',')
            {
                k--;
            }

            if (k < 0 || k == at - 1 || !char.IsLetterOrDigit(s[k]))
            {
                return null;
            }

            var e = k;
            if (char.IsAsciiLetter(s[k]) && k > 0 && char.IsAsciiDigit(s[k - 1]))
            {
                k--;
            }

            if (!char.IsAsciiDigit(s[k]))
            {
                return null;
            }

            while (k >= 0 && char.IsAsciiDigit(s[k]) && e - k < 6)
            {
                k--;
            }

            return k >= 0 && char.IsLetterOrDigit(s[k]) ? null : k + 1;
        }
    }

    /// <summary>Skips "huisnummer", "nr", "nummer", "no" between a postcode and its number.</summary>
    private static bool IsNumberWord(string s, ref int k)
    {
        foreach (var w in (string[])["huisnummer", "nummer", "nr", "no"])
        {
            if (string.Compare(s, k, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (k + w.Length >= s.Length || !char.IsLetter(s[k + w.Length])))
            {
                k += w.Length - 1;
                return true;
            }
        }

        return false;
    }
}

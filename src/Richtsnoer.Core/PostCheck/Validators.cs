namespace Richtsnoer.Core.PostCheck;

/// <summary>Checks on numbers that identify people: BSN (elfproef), IBAN (mod 97), Dutch phone numbers.</summary>
public static class Validators
{
    /// <summary>
    /// A BSN is 9 digits (an 8-digit one is written with a leading zero) for which
    /// 9a + 8b + 7c + 6d + 5e + 4f + 3g + 2h - 1i is divisible by 11. Separators are ignored.
    /// </summary>
    public static bool IsBsn(string text)
    {
        var digits = Digits(text);
        if (digits is null || digits.Length != 9 || digits.All(c => c == '0'))
        {
            return false;
        }

        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += (9 - k) * (digits[k] - '0');
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>IBAN lengths of the countries most often met in Dutch posts.</summary>
    internal static readonly IReadOnlyDictionary<string, int> IbanLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["NL"] = 18, ["BE"] = 16, ["DE"] = 22, ["LU"] = 20, ["FR"] = 27, ["GB"] = 22, ["IE"] = 22,
        ["ES"] = 24, ["PT"] = 25, ["IT"] = 27, ["AT"] = 20, ["CH"] = 21, ["DK"] = 18, ["SE"] = 24,
        ["NO"] = 15, ["FI"] = 18, ["PL"] = 28, ["CZ"] = 24, ["GR"] = 27, ["HU"] = 28, ["TR"] = 26,
    };

    /// <summary>
    /// An IBAN: two letters, two check digits and the account, written with or without spaces,
    /// in any case; the mod-97 check must give 1. For NL also the shape: a 4-letter bank code and 10 digits.
    /// </summary>
    public static bool IsIban(string text)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        if (!char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        var country = compact[..2];
        if (IbanLengths.TryGetValue(country, out var length) && compact.Length != length)
        {
            return false;
        }

        if (country == "NL" && !(compact[4..8].All(char.IsAsciiLetter) && compact[8..].All(char.IsAsciiDigit)))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>
    /// A Dutch phone number: 10 digits starting with 0 (06-12345678, 020-1234567, (010) 123 45 67),
    /// or +31 / 0031 followed by 9 digits (+31 6 12345678, +31 (0)20 1234567). Service numbers
    /// (0800, 0900) are not personal and not matched.
    /// </summary>
    public static bool IsDutchPhone(string text)
    {
        var plus = text.TrimStart().StartsWith('+');
        var digits = Digits(text);
        return digits is not null && PhoneKind(digits, plus) == PhoneType.Dutch;
    }

    internal enum PhoneType
    {
        None,
        Dutch,
        International,
    }

    internal static PhoneType PhoneKind(string digits, bool plus)
    {
        string? national = null;
        if (plus && digits.StartsWith("31", StringComparison.Ordinal))
        {
            national = digits[2..];
        }
        else if (!plus && digits.StartsWith("0031", StringComparison.Ordinal))
        {
            national = digits[4..];
        }

        if (national is not null)
        {
            if (national.StartsWith('0'))
            {
                national = national[1..];
            }

            return national.Length == 9 && national[0] != '0' && !IsServiceNumber("0" + national) ? PhoneType.Dutch : PhoneType.None;
        }

        if (plus)
        {
            return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? PhoneType.International : PhoneType.None;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits.Length is >= 11 and <= 17 && digits[2] != '0' ? PhoneType.International : PhoneType.None;
        }

        return digits.Length == 10 && digits[0] == '0' && digits[1] != '0' && !IsServiceNumber(digits) ? PhoneType.Dutch : PhoneType.None;
    }

    private static bool IsServiceNumber(string digits) =>
        digits.StartsWith("0800", StringComparison.Ordinal) || digits.StartsWith("090", StringComparison.Ordinal);

    /// <summary>The digits of a number written with spaces, dashes, dots, slashes or brackets; null when anything else is in it.</summary>
    private static string? Digits(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in text.Trim().TrimStart('+'))
        {
            if (char.IsAsciiDigit(c))
            {
                chars.Add(c);
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0'))
            {
                return null;
            }
        }

        return new string([.. chars]);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Answers;

/// <summary>What is wrong with one answer, in both languages.</summary>
public sealed record AnswerProblem(string Code, LocalText Message, string? SubField = null);

/// <summary>
/// Turns a raw value (from a YAML file or a web form) into a checked answer of the question's
/// type. The same rules apply everywhere, so the CLI and the web app accept exactly the same.
/// </summary>
public static partial class AnswerConverter
{
    public const int MaxListItems = 100;

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-.]{6,25}$")]
    private static partial Regex PhonePattern();

    /// <summary>
    /// A date as 2027-01-01 (year, month and day, two digits each after the year), 1-1-2027 or
    /// 01-01-2027 (day and month with one or two digits) or 1/1/2027, nothing around it; null when
    /// it is none of these or no real date. The same dates as
    /// <c>DateOnly.TryParseExact(s, ["yyyy-MM-dd", "d-M-yyyy", "dd-MM-yyyy", "d/M/yyyy"], invariant)</c>
    /// (a test compares them), without the culture machinery that cost a fresh CLI process 12 ms.
    /// </summary>
    internal static DateOnly? ParseDate(string s)
    {
        var parts = s.Split(s.Contains('/') ? '/' : '-');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        int year, month, day;
        if (parts[0].Length == 4 && parts[1].Length == 2 && parts[2].Length == 2 && !s.Contains('/'))
        {
            (year, month, day) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        else if (parts[0].Length <= 2 && parts[1].Length <= 2 && parts[2].Length == 4)
        {
            (day, month, year) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        else
        {
            return null;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    public static (AnswerValue? Value, AnswerProblem? Problem) Convert(Question q, RawValue? raw)
    {
        if (raw is null)
        {
            return (null, null);
        }

        return q.Type switch
        {
            QuestionType.Text when raw is RawValue.Map m => TwoLanguages(q, m),
            QuestionType.Text => Scalar(q, raw, s => Text(q, s) is { } p ? (null, p) : (new TextAnswer(s), null)),
            QuestionType.Email => Scalar(q, raw, s => Email(s) is { } p ? (null, p) : (new TextAnswer(s), null)),
            QuestionType.Date => Scalar(q, raw, Date),
            QuestionType.Number => Scalar(q, raw, s => Number(q, s)),
            QuestionType.YesNo => Scalar(q, raw, YesNo),
            QuestionType.Choice => Scalar(q, raw, s => Choice(q, s)),
            QuestionType.Multi => Multi(q, raw),
            QuestionType.List => List(q, raw),
            QuestionType.Contact => ContactValue(q, raw),
            _ => (null, null),
        };
    }

    private static (AnswerValue?, AnswerProblem?) Scalar(Question q, RawValue raw, Func<string, (AnswerValue?, AnswerProblem?)> convert)
    {
        if (raw is not RawValue.Scalar s)
        {
            return (null, new AnswerProblem("not-a-single-value", new("verwacht één waarde, geen lijst of tabel", "expected a single value, not a list or map")));
        }

        var value = s.Value.Trim();
        return value.Length == 0 ? (null, null) : convert(value);
    }

    /// <summary>A text given in both languages: <c>{nl: ..., en: ...}</c>.</summary>
    private static (AnswerValue?, AnswerProblem?) TwoLanguages(Question q, RawValue.Map m)
    {
        if (m.Fields.Keys.Any(k => k is not ("nl" or "en")) || !m.Fields.TryGetValue("nl", out var nl))
        {
            return (null, new AnswerProblem("not-a-single-value", new("verwacht een tekst, of nl en en", "expected a text, or nl and en")));
        }

        var en = m.Fields.TryGetValue("en", out var e) && !string.IsNullOrWhiteSpace(e) ? e.Trim() : null;
        nl = nl.Trim();
        if (nl.Length == 0)
        {
            return (null, null);
        }

        var problem = Text(q, nl, "nl") ?? (en is null ? null : Text(q, en, "en"));
        return problem is null ? (new TextAnswer(nl, en), null) : (null, problem);
    }

    /// <summary>Checks free text: length and characters that no document can hold.</summary>
    public static AnswerProblem? Text(Question q, string s, string? subField = null) => CheckText(s, q.EffectiveMaxLength, subField);

    public static AnswerProblem? CheckText(string s, int maxLength, string? subField = null)
    {
        if (s.Length > maxLength)
        {
            return new AnswerProblem(
                "too-long",
                new($"is {s.Length} tekens lang; het maximum is {maxLength}", $"is {s.Length} characters long; the maximum is {maxLength}"),
                subField);
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }

            var bad = (char.IsControl(c) && c is not ('\n' or '\t')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
            if (bad)
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return new AnswerProblem(
                    "control-character",
                    new($"bevat een onzichtbaar stuurteken (U+{code}) op positie {i + 1}; haal het weg", $"contains an invisible control character (U+{code}) at position {i + 1}; remove it"),
                    subField);
            }
        }

        return null;
    }

    private static AnswerProblem? Email(string s, string? subField = null)
    {
        if (s.Length > 254 || !EmailPattern().IsMatch(s))
        {
            return new AnswerProblem("invalid-email", new($"'{Short(s)}' is geen geldig e-mailadres", $"'{Short(s)}' is not a valid e-mail address"), subField);
        }

        return null;
    }

    private static (AnswerValue?, AnswerProblem?) Date(string s)
    {
        if (ParseDate(s) is { } d)
        {
            if (d.Year is < 2000 or > 2100)
            {
                return (null, new AnswerProblem("date-out-of-range", new($"{s} ligt niet tussen 2000 en 2100", $"{s} is not between 2000 and 2100")));
            }

            return (new DateAnswer(d), null);
        }

        return (null, new AnswerProblem("invalid-date", new($"'{Short(s)}' is geen datum; schrijf bijvoorbeeld 2027-01-01", $"'{Short(s)}' is not a date; write for example 2027-01-01")));
    }

    private static (AnswerValue?, AnswerProblem?) Number(Question q, string s)
    {
        if (!long.TryParse(s.Replace(".", "").Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return (null, new AnswerProblem("invalid-number", new($"'{Short(s)}' is geen heel getal", $"'{Short(s)}' is not a whole number")));
        }

        if ((q.Min is { } min && n < min) || (q.Max is { } max && n > max))
        {
            return (null, new AnswerProblem("number-out-of-range", new($"{n} ligt niet tussen {q.Min} en {q.Max}", $"{n} is not between {q.Min} and {q.Max}")));
        }

        return (new NumberAnswer(n), null);
    }

    private static (AnswerValue?, AnswerProblem?) YesNo(string s) => s.ToLowerInvariant() switch
    {
        "true" or "yes" or "ja" or "y" or "j" or "on" => (new BoolAnswer(true), null),
        "false" or "no" or "nee" or "n" or "off" => (new BoolAnswer(false), null),
        _ => (null, new AnswerProblem("invalid-yesno", new($"'{Short(s)}' is geen ja of nee; schrijf true of false", $"'{Short(s)}' is not yes or no; write true or false"))),
    };

    private static (AnswerValue?, AnswerProblem?) Choice(Question q, string s) =>
        FindOption(q, s) is { } id ? (new ChoiceAnswer(id), null) : (null, UnknownOption(q, s));

    private static string? FindOption(Question q, string s) =>
        q.Options.FirstOrDefault(o => string.Equals(o.Id, s, StringComparison.OrdinalIgnoreCase))?.Id;

    private static AnswerProblem UnknownOption(Question q, string s)
    {
        var options = string.Join(", ", q.Options.Select(o => o.Id));
        return new AnswerProblem("unknown-option", new($"'{Short(s)}' is geen mogelijke keuze; kies uit: {options}", $"'{Short(s)}' is not one of the choices: {options}"));
    }

    private static IReadOnlyList<string> Items(RawValue raw) => raw switch
    {
        RawValue.Sequence seq => seq.Items,
        RawValue.Scalar s => [s.Value],
        _ => [],
    };

    private static (AnswerValue?, AnswerProblem?) Multi(Question q, RawValue raw)
    {
        if (raw is RawValue.Map)
        {
            return (null, new AnswerProblem("not-a-list", new("verwacht een lijst van keuzes", "expected a list of choices")));
        }

        var ids = new List<string>();
        foreach (var item in Items(raw).Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            if (FindOption(q, item) is not { } id)
            {
                return (null, UnknownOption(q, item));
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return (new ListAnswer(ids), null);
    }

    private static (AnswerValue?, AnswerProblem?) List(Question q, RawValue raw)
    {
        if (raw is RawValue.Map)
        {
            return (null, new AnswerProblem("not-a-list", new("verwacht een lijst", "expected a list")));
        }

        var english = raw is RawValue.Sequence { En: { } en } ? en : null;
        var pairs = Items(raw).Select((item, i) => (Nl: item.Trim(), En: english is not null && i < english.Count ? english[i]?.Trim() : null))
            .Where(p => p.Nl.Length > 0).DistinctBy(p => p.Nl, StringComparer.Ordinal).ToList();
        var items = pairs.Select(p => p.Nl).ToList();
        if (items.Count > MaxListItems)
        {
            return (null, new AnswerProblem("too-many-items", new($"heeft {items.Count} regels; het maximum is {MaxListItems}", $"has {items.Count} items; the maximum is {MaxListItems}")));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var problem = Text(q, items[i], $"[{i + 1}]") ?? (pairs[i].En is { } e ? Text(q, e, $"[{i + 1}].en") : null);
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        var itemsEn = pairs.Any(p => !string.IsNullOrEmpty(p.En)) ? pairs.Select(p => string.IsNullOrEmpty(p.En) ? null : p.En).ToList() : null;
        return (new ListAnswer(items, itemsEn), null);
    }

    private static (AnswerValue?, AnswerProblem?) ContactValue(Question q, RawValue raw)
    {
        IReadOnlyDictionary<string, string> fields = raw switch
        {
            RawValue.Map m => m.Fields,
            RawValue.Scalar s => new Dictionary<string, string> { ["name"] = s.Value },
            _ => new Dictionary<string, string>(),
        };
        if (raw is RawValue.Sequence)
        {
            return (null, new AnswerProblem("not-a-contact", new("verwacht name, email en phone", "expected name, email and phone")));
        }

        foreach (var key in fields.Keys.Where(k => k is not ("name" or "name_en" or "email" or "phone")))
        {
            return (null, new AnswerProblem("unknown-field", new($"onbekend veld '{Short(key)}'; gebruik name, name_en, email en phone", $"unknown field '{Short(key)}'; use name, name_en, email and phone"), key));
        }

        string? Field(string key) => fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var name = Field("name");
        var nameEn = Field("name_en");
        var email = Field("email");
        var phone = Field("phone");
        if (name is null)
        {
            return email is null && phone is null
                ? (null, null)
                : (null, new AnswerProblem("required", new("een naam (afdeling of persoon) is verplicht", "a name (department or person) is required"), "name"));
        }

        if ((Text(q, name, "name") ?? (nameEn is null ? null : Text(q, nameEn, "name_en"))) is { } pn)
        {
            return (null, pn);
        }

        if (email is not null && Email(email, "email") is { } pe)
        {
            return (null, pe);
        }

        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            return (null, new AnswerProblem("invalid-phone", new($"'{Short(phone)}' is geen telefoonnummer", $"'{Short(phone)}' is not a phone number"), "phone"));
        }

        return (new ContactAnswer(new Contact(name, email, phone) { NameEn = nameEn }), null);
    }

    /// <summary>Quotes at most 40 characters of user input in an error message.</summary>
    internal static string Short(string s)
    {
        var clean = new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }
}

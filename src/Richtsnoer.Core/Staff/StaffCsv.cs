using System.Globalization;
using System.Text;

namespace Richtsnoer.Core.Staff;

/// <summary>One valid row of a staff file: what the staff list keeps of a person.</summary>
public sealed record StaffRow(int Line, string Email, string Name, string? Department, Language Language, string? Role)
{
    public string NormalizedEmail => EmailAddress.Normalize(Email);
}

/// <summary>A row that cannot be imported, with the line of the file it starts on (the header is line 1).</summary>
public sealed record StaffCsvError(int Line, LocalText Message);

/// <summary>
/// The result of reading a staff file: the valid rows, the refused rows by line, and a problem
/// with the file as a whole (not CSV, too large, no e-mail column), in which case there are no rows.
/// </summary>
public sealed record StaffCsvResult(IReadOnlyList<StaffRow> Rows, IReadOnlyList<StaffCsvError> Errors, LocalText? FileError, char Separator)
{
    public static StaffCsvResult Refused(LocalText problem) => new([], [], problem, ',');
}

/// <summary>
/// Reads a staff list from CSV, as people make it: UTF-8 with or without BOM, or Excel's Dutch
/// variant (semicolons, and Windows-1252 when the bytes are not valid UTF-8). Fields may be quoted,
/// with separators, doubled quotes and line breaks inside. The header names the columns in Dutch
/// or English, in any order; other columns are ignored. Pure: bytes in, rows and errors out.
/// Nothing in a field is interpreted: a formula, markup or script stays the text it is.
/// </summary>
public static class StaffCsv
{
    /// <summary>At most this many people per file.</summary>
    public const int MaxRows = 10_000;

    /// <summary>At most this many bytes per file (within the 2 MB a request may carry).</summary>
    public const int MaxBytes = 1_800_000;

    public const int MaxName = 200;
    public const int MaxDepartment = 100;
    public const int MaxRole = 100;

    /// <summary>Header names (lower case, spaces and dashes removed) and the field each one means.</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["naam"] = "name", ["name"] = "name", ["volledigenaam"] = "name", ["fullname"] = "name",
        ["email"] = "email", ["emailadres"] = "email", ["emailaddress"] = "email", ["mail"] = "email",
        ["afdeling"] = "department", ["department"] = "department", ["team"] = "department",
        ["taal"] = "language", ["language"] = "language",
        ["functie"] = "role", ["role"] = "role", ["rol"] = "role",
    };

    public static StaffCsvResult Parse(byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return StaffCsvResult.Refused(new(
                $"Het bestand is te groot: {Kb(bytes.Length, Language.Nl)} KB. Het maximum is {Kb(MaxBytes, Language.Nl)} KB (ruim {Count(MaxRows, Language.Nl)} mensen).",
                $"The file is too large: {Kb(bytes.Length, Language.En)} KB. The maximum is {Kb(MaxBytes, Language.En)} KB (over {Count(MaxRows, Language.En)} people)."));
        }

        if (LooksBinary(bytes) is { } binary)
        {
            return StaffCsvResult.Refused(binary);
        }

        return Parse(Decode(bytes));
    }

    public static StaffCsvResult Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = DetectSeparator(text);
        var records = Records(text, separator);
        using var e = records.GetEnumerator();
        while (true)
        {
            if (!e.MoveNext())
            {
                return StaffCsvResult.Refused(new("Het bestand is leeg. Zet op de eerste regel de kolomnamen, bijvoorbeeld naam;e-mail;afdeling;taal.", "The file is empty. Put the column names on the first line, for example name,email,department,language."));
            }

            if (!IsBlank(e.Current.Fields))
            {
                break;
            }
        }

        var header = e.Current;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var key = new string(header.Fields[i].Trim().ToLowerInvariant().Where(c => c is not (' ' or '-' or '_')).ToArray());
            if (Headers.TryGetValue(key, out var field) && !columns.ContainsKey(field))
            {
                columns[field] = i;
            }
        }

        if (!columns.ContainsKey("email") || !columns.ContainsKey("name"))
        {
            return StaffCsvResult.Refused(new(
                "De eerste regel moet de kolomnamen noemen, met ten minste naam en e-mail (ook mogelijk: afdeling, taal, functie). Is dit wel een CSV-bestand?",
                "The first line must name the columns, with at least name and email (also possible: department, language, role). Is this a CSV file?"));
        }

        var rows = new List<StaffRow>();
        var errors = new List<StaffCsvError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        while (e.MoveNext())
        {
            var record = e.Current;
            if (record.Unclosed)
            {
                errors.Add(new(record.Line, new("Een aanhalingsteken wordt niet gesloten; de rest van het bestand is niet gelezen.", "A quotation mark is never closed; the rest of the file was not read.")));
                break;
            }

            if (IsBlank(record.Fields))
            {
                continue;
            }

            if (++count > MaxRows)
            {
                return StaffCsvResult.Refused(new(
                    $"Het bestand heeft meer dan {Count(MaxRows, Language.Nl)} mensen. Splits het in delen en importeer die na elkaar.",
                    $"The file has more than {Count(MaxRows, Language.En)} people. Split it into parts and import them one after the other."));
            }

            if (Row(record, columns, seen) is { } problem)
            {
                errors.Add(new(record.Line, problem));
                continue;
            }

            var row = new StaffRow(
                record.Line,
                Get(record, columns, "email"),
                Get(record, columns, "name"),
                Optional(Get(record, columns, "department")),
                ParseLanguage(Get(record, columns, "language")) ?? Language.Nl,
                Optional(Get(record, columns, "role")));
            seen[row.NormalizedEmail] = record.Line;
            rows.Add(row);
        }

        return new StaffCsvResult(rows, errors, null, separator);
    }

    /// <summary>What is wrong with one row, or null.</summary>
    private static LocalText? Row(Record record, Dictionary<string, int> columns, Dictionary<string, int> seen)
    {
        var email = Get(record, columns, "email");
        if (email.Length == 0)
        {
            return new("Het e-mailadres ontbreekt.", "The e-mail address is missing.");
        }

        if (!EmailAddress.IsValid(email))
        {
            return new("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.", "This is not a valid e-mail address. Write it like name@example.com.");
        }

        if (seen.TryGetValue(EmailAddress.Normalize(email), out var earlier))
        {
            return new($"Dit e-mailadres staat ook op regel {earlier}.", $"This e-mail address is also on line {earlier}.");
        }

        var name = Get(record, columns, "name");
        if (name.Length == 0)
        {
            return new("De naam ontbreekt.", "The name is missing.");
        }

        if (Text(name, MaxName, new("naam", "name")) is { } n)
        {
            return n;
        }

        if (Text(Get(record, columns, "department"), MaxDepartment, new("afdeling", "department")) is { } d)
        {
            return d;
        }

        if (Text(Get(record, columns, "role"), MaxRole, new("functie", "role")) is { } r)
        {
            return r;
        }

        var language = Get(record, columns, "language");
        if (language.Length > 0 && ParseLanguage(language) is null)
        {
            return new("Onbekende taal: gebruik nl of en.", "Unknown language: use nl or en.");
        }

        return null;
    }

    /// <summary>A one-line text field: not too long, no control characters (line breaks included).</summary>
    public static LocalText? Text(string value, int max, LocalText field)
    {
        if (value.Length > max)
        {
            return new($"De {field.Nl} is {value.Length} tekens lang; het maximum is {max}.", $"The {field.En} is {value.Length} characters long; the maximum is {max}.");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return new($"De {field.Nl} bevat een onzichtbaar stuurteken (U+{code}); haal het weg.", $"The {field.En} contains an invisible control character (U+{code}); remove it.");
            }
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return new($"De {field.Nl} bevat een ongeldig teken; haal het weg.", $"The {field.En} contains an invalid character; remove it.");
            }
        }

        return null;
    }

    /// <summary>nl or en, also written out in either language; null when unknown.</summary>
    public static Language? ParseLanguage(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "" or null => null,
        "nl" or "nl-nl" or "nederlands" or "dutch" => Language.Nl,
        "en" or "en-gb" or "en-us" or "engels" or "english" => Language.En,
        _ => null,
    };

    private static string Get(Record record, Dictionary<string, int> columns, string field) =>
        columns.TryGetValue(field, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : string.Empty;

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static bool IsBlank(List<string> fields) => fields.All(f => f.Trim().Length == 0);

    private static string Kb(int bytes, Language language) => Count(bytes / 1024, language);

    private static string Count(int n, Language language) => n.ToString("N0", language.Culture());

    /// <summary>Files that are plainly not text: a spreadsheet, a PDF, anything with NUL bytes.</summary>
    private static LocalText? LooksBinary(byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4
            || bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            return new(
                "Dit lijkt een Excel-bestand, geen CSV. Kies in Excel 'Opslaan als' en dan 'CSV (gescheiden door lijstscheidingsteken)'.",
                "This looks like an Excel workbook, not CSV. In Excel choose 'Save as' and then 'CSV (comma delimited)'.");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0 || bytes.Length >= 4 && bytes.AsSpan(0, 4).SequenceEqual("%PDF"u8))
        {
            return new("Dit is geen CSV-bestand. Sla de lijst op als CSV (tekst met komma's of puntkomma's) en probeer het opnieuw.", "This is not a CSV file. Save the list as CSV (text with commas or semicolons) and try again.");
        }

        return null;
    }

    /// <summary>UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Windows-1252 (what Excel writes in the Netherlands).</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var chars = new char[span.Length];
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252[b - 0x80] : (char)b;
            }

            return new string(chars);
        }
    }

    /// <summary>Windows-1252 where it differs from Latin-1 (0x80 to 0x9F); the five unused bytes keep their C1 code, which the control-character check refuses.</summary>
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The separator of the first line outside quotes: semicolon, comma or tab, whichever occurs most.</summary>
    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (semicolons + commas + tabs > 0)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons >= commas && semicolons >= tabs && semicolons > 0 ? ';' : tabs > commas ? '\t' : ',';
    }

    private sealed record Record(int Line, List<string> Fields, bool Unclosed);

    /// <summary>RFC 4180 records, with the line each starts on; CR LF, LF and CR all end a line.</summary>
    private static IEnumerable<Record> Records(string text, char separator)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var unclosed = false;
            while (true)
            {
                if (i < text.Length && text[i] == '"' && field.Length == 0)
                {
                    // A quoted field: up to the closing quote, "" is one quote, line breaks are kept.
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            closed = true;
                            break;
                        }

                        if (c == '\r' || c == '\n')
                        {
                            line++;
                            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                            {
                                field.Append('\r');
                                i++;
                            }
                        }

                        field.Append(text[i]);
                        i++;
                    }

                    if (!closed)
                    {
                        unclosed = true;
                        break;
                    }
                }

                // Unquoted text (or what follows a closing quote) up to the separator or the line end.
                while (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                {
                    field.Append(text[i]);
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == separator)
                {
                    i++;
                    continue;
                }

                if (i < text.Length)
                {
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                }

                break;
            }

            yield return new Record(start, fields, unclosed);
            if (unclosed)
            {
                yield break;
            }
        }
    }
}

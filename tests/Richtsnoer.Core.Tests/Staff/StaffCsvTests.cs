using System.Text;
using Richtsnoer.Core.Staff;

namespace Richtsnoer.Core.Tests.Staff;

public sealed class StaffCsvTests
{
    private static StaffCsvResult Parse(string text) => StaffCsv.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_plain_utf8_file_with_english_headers_gives_one_row_per_person()
    {
        var result = Parse("name,email,department,language,role\nAnna de Vries,anna@voorbeeld.nl,Sales,en,Accountmanager\nBram Jansen,bram@voorbeeld.nl,,,\n");
        Assert.Null(result.FileError);
        Assert.Empty(result.Errors);
        Assert.Equal(',', result.Separator);
        Assert.Equal(
            [new StaffRow(2, "anna@voorbeeld.nl", "Anna de Vries", "Sales", Language.En, "Accountmanager"), new StaffRow(3, "bram@voorbeeld.nl", "Bram Jansen", null, Language.Nl, null)],
            result.Rows);
    }

    [Fact]
    public void Excel_dutch_with_semicolons_windows_1252_and_dutch_headers_in_another_order()
    {
        // Latin-1 covers the accents; byte 0x80 is the euro sign in Windows-1252 only.
        var bytes = Encoding.Latin1.GetBytes("Afdeling;E-mail;Naam;Taal;Functie\r\nFinanciën;jose@voorbeeld.nl;José Müller;Nederlands;Hoofd\r\nKas;e@voorbeeld.nl;P")
            .Concat(new byte[] { 0x80 }).Concat(Encoding.Latin1.GetBytes("\r\n")).ToArray();
        var result = StaffCsv.Parse(bytes);
        Assert.Null(result.FileError);
        Assert.Equal(';', result.Separator);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(new StaffRow(2, "jose@voorbeeld.nl", "José Müller", "Financiën", Language.Nl, "Hoofd"), result.Rows[0]);
        Assert.Equal("P€", result.Rows[1].Name);
    }

    [Fact]
    public void A_utf8_bom_is_dropped_and_valid_utf8_is_never_read_as_windows_1252()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("naam;e-mail\nZoë Çelik;zoe@voorbeeld.nl\n")).ToArray();
        var result = StaffCsv.Parse(bytes);
        Assert.Null(result.FileError);
        Assert.Equal("Zoë Çelik", Assert.Single(result.Rows).Name);
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_line_numbers_follow_the_file()
    {
        var result = Parse("name,email,department\n\"Vries, Anna de\",anna@voorbeeld.nl,\"Zeg \"\"hallo\"\"\"\n\"Bram\",bram@voorbeeld.nl,\"Twee\nregels\"\nCor,geen-adres,\n");
        Assert.Equal("Vries, Anna de", result.Rows[0].Name);
        Assert.Equal("Zeg \"hallo\"", result.Rows[0].Department);
        // A line break is not allowed in a one-line field: the row is refused, and the next row's line counts it.
        var errors = result.Errors.Select(e => e.Line).ToList();
        Assert.Equal([3, 5], errors);
        Assert.Contains("stuurteken", result.Errors[0].Message.Nl);
        Assert.Contains("geen geldig e-mailadres", result.Errors[1].Message.Nl);
        Assert.Contains("not a valid e-mail address", result.Errors[1].Message.En);
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_and_good_rows_still_come_through()
    {
        var result = Parse(string.Join("\r\n",
            "naam;e-mail;taal",
            "Anna;anna@voorbeeld.nl;nl",
            ";bram@voorbeeld.nl;nl",
            "Cor;;nl",
            "",
            "Dirk;ANNA@voorbeeld.nl ;en",
            "Eva;eva@voorbeeld.nl;fr",
            "Fien;fien@voorbeeld.nl;" + "",
            new string('x', 201) + ";lang@voorbeeld.nl;"));
        Assert.Equal(["anna@voorbeeld.nl", "fien@voorbeeld.nl"], result.Rows.Select(r => r.Email));
        Assert.Equal([3, 4, 6, 7, 9], result.Errors.Select(e => e.Line));
        Assert.Contains("naam ontbreekt", result.Errors[0].Message.Nl);
        Assert.Contains("ontbreekt", result.Errors[1].Message.Nl);
        Assert.Equal("Dit e-mailadres staat ook op regel 2.", result.Errors[2].Message.Nl);
        Assert.Contains("Onbekende taal", result.Errors[3].Message.Nl);
        Assert.Contains("maximum is 200", result.Errors[4].Message.Nl);
    }

    [Fact]
    public void A_file_without_name_and_email_columns_or_that_is_not_text_is_refused_as_a_whole()
    {
        Assert.NotNull(Parse("voornaam,adres\nAnna,anna@voorbeeld.nl\n").FileError);
        Assert.NotNull(Parse("").FileError);
        Assert.Contains("Excel", StaffCsv.Parse([(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0]).FileError!.Nl);
        Assert.Contains("geen CSV", StaffCsv.Parse("%PDF-1.7\n"u8.ToArray()).FileError!.Nl);
        Assert.Contains("geen CSV", StaffCsv.Parse(Encoding.Unicode.GetBytes("name,email\n")).FileError!.Nl);
    }

    [Fact]
    public void At_most_ten_thousand_people_and_1_8_MB_per_file()
    {
        string File(int people) => "name,email\n" + string.Concat(Enumerable.Range(0, people).Select(i => $"Persoon {i},p{i}@voorbeeld.nl\n"));
        var full = Parse(File(StaffCsv.MaxRows));
        Assert.Null(full.FileError);
        Assert.Equal(StaffCsv.MaxRows, full.Rows.Count);
        Assert.Equal(StaffCsv.MaxRows + 1, full.Rows[^1].Line);
        Assert.Contains("meer dan 10.000", Parse(File(StaffCsv.MaxRows + 1)).FileError!.Nl);
        Assert.Contains("more than 10,000", Parse(File(StaffCsv.MaxRows + 1)).FileError!.En);
        var big = StaffCsv.Parse(new byte[StaffCsv.MaxBytes + 1].Select(_ => (byte)'a').ToArray());
        Assert.Contains("te groot", big.FileError!.Nl);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_line_where_its_row_starts()
    {
        var result = Parse("name,email\nAnna,anna@voorbeeld.nl\n\"Bram,bram@voorbeeld.nl\nCor,cor@voorbeeld.nl\n");
        Assert.Single(result.Rows);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE staff_members; --")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("﷽ 𝓗𝓮𝓵𝓵𝓸 👩🏽‍💻 ٱلرَّحِيمِ")]
    public void Hostile_text_stays_the_same_text(string hostile)
    {
        var quoted = "\"" + hostile.Replace("\"", "\"\"") + "\"";
        var result = Parse($"name,email,department,role\n{quoted},anna@voorbeeld.nl,{quoted},{quoted}\n");
        var row = Assert.Single(result.Rows);
        Assert.Equal(hostile, row.Name);
        Assert.Equal(hostile, row.Department);
        Assert.Equal(hostile, row.Role);
    }

    [Theory]
    [InlineData("anna@voorbeeld")]
    [InlineData("anna voorbeeld@nl.nl")]
    [InlineData("anna@@voorbeeld.nl")]
    [InlineData("anna\u0007@voorbeeld.nl")]
    public void The_app_s_e_mail_rule_decides_which_addresses_are_valid(string email)
    {
        Assert.False(EmailAddress.IsValid(email));
        var result = Parse($"name,email\nAnna,\"{email}\"\n");
        Assert.Equal(2, Assert.Single(result.Errors).Line);
    }
}

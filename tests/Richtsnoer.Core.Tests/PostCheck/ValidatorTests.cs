using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

public class ValidatorTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("1234.56.782")]
    [InlineData("123 456 782")]
    [InlineData("012345672")]
    public void Valid_bsn_passes_the_elfproef(string bsn) => Assert.True(Validators.IsBsn(bsn));

    [Theory]
    [InlineData("123456789")]
    [InlineData("111222334")]
    [InlineData("000000000")]
    [InlineData("12345678")]
    [InlineData("1234567820")]
    [InlineData("12345678a")]
    [InlineData("")]
    public void Invalid_bsn_fails(string bsn) => Assert.False(Validators.IsBsn(bsn));

    [Theory]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData("NL20INGB0001234567")]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("GB29 NWBK 6016 1331 9268 19")]
    public void Valid_iban_passes_mod_97(string iban) => Assert.True(Validators.IsIban(iban));

    [Theory]
    [InlineData("NL91ABNA0417164301")]
    [InlineData("NL92ABNA0417164300")]
    [InlineData("NL91ABNA041716430")]
    [InlineData("NL9112340417164300")]
    [InlineData("BE68 5390 0754 703")]
    [InlineData("XX00")]
    [InlineData("")]
    public void Invalid_iban_fails(string iban) => Assert.False(Validators.IsIban(iban));

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("0612345678")]
    [InlineData("06 12345678")]
    [InlineData("06 12 34 56 78")]
    [InlineData("+31 6 12345678")]
    [InlineData("+31612345678")]
    [InlineData("+31 (0)6 12345678")]
    [InlineData("0031 6 12345678")]
    [InlineData("020-1234567")]
    [InlineData("(010) 123 45 67")]
    [InlineData("010-123 45 67")]
    [InlineData("088-1234567")]
    [InlineData("+31 38 760 4420")]
    public void Dutch_phone_numbers_in_the_usual_formats(string phone) => Assert.True(Validators.IsDutchPhone(phone));

    [Theory]
    [InlineData("06-1234567")]
    [InlineData("061234567890")]
    [InlineData("0800-1234")]
    [InlineData("0900-1234567")]
    [InlineData("0012345678")]
    [InlineData("+32 470 12 34 56")]
    [InlineData("12-05-2027")]
    [InlineData("1234567890")]
    public void Not_a_dutch_phone_number(string text) => Assert.False(Validators.IsDutchPhone(text));

    [Theory]
    [InlineData("Bel 06-12345678 vandaag", "06-12345678")]
    [InlineData("tel: +31 (0)6 1234 5678.", "+31 (0)6 1234 5678")]
    [InlineData("Bel me op (010) 123 45 67!", "(010) 123 45 67")]
    [InlineData("Sinds 2019 06-12345678", "06-12345678")]
    [InlineData("Nummer +44 20 7946 0958 graag", "+44 20 7946 0958")]
    [InlineData("Bel 020 - 123 45 67 of mail", "020 - 123 45 67")]
    public void Phone_numbers_are_found_with_their_exact_span(string text, string expected)
    {
        var finding = Assert.Single(PostCheckFixture.Check(text).Findings, f => f.Kind == "phone");
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Datum 12-05-2027 om 14.30 uur")]
    [InlineData("Bestelnummer 123456789")]
    [InlineData("Het kost € 1.234.567,00")]
    [InlineData("KvK 12345678")]
    [InlineData("In 2024 was 25% van de 1000 klanten tevreden")]
    [InlineData("Versie 10.0.401 van de SDK")]
    [InlineData("Bel de servicelijn op 0800-1234567")]
    public void Numbers_that_identify_nobody_are_not_flagged(string text) =>
        Assert.DoesNotContain(PostCheckFixture.Check(text).Findings, f => f.Category == CheckCategory.PersonalData);

    [Theory]
    [InlineData("Mijn BSN is 111222333.", "111222333", "bsn")]
    [InlineData("IBAN: NL91 ABNA 0417 1643 00, graag.", "NL91 ABNA 0417 1643 00", "iban")]
    [InlineData("iban nl91abna0417164300", "nl91abna0417164300", "iban")]
    [InlineData("Mail piet.jansen@gmail.com!", "piet.jansen@gmail.com", "email")]
    [InlineData("Ze woont op Kerkstraat 12a in Zwolle.", "Kerkstraat 12a", "address")]
    [InlineData("Adres: Dorpsweg 14, 1234 AB Ergens", "Dorpsweg 14, 1234 AB", "address")]
    [InlineData("Postcode 8011 AB, huisnummer 7", "8011 AB, huisnummer 7", "address")]
    [InlineData("He lives at 221B Baker Street now", "221B Baker Street", "address")]
    public void Personal_data_is_found_with_its_kind_and_span(string text, string expected, string kind)
    {
        var finding = Assert.Single(PostCheckFixture.Check(text).Findings, f => f.Category == CheckCategory.PersonalData);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Mail info@datastroom.nl voor vragen")]
    [InlineData("Solliciteren via vacatures@example.nl")]
    [InlineData("Postcode 3811 AB is het centrum")]
    [InlineData("Ga naar de supermarkt 2x per week")]
    [InlineData("De snelweg 3 uur dicht")]
    [InlineData("Stationsplein 2027: het festival")]
    public void Role_mailboxes_and_addresses_without_a_house_number_are_fine(string text) =>
        Assert.DoesNotContain(PostCheckFixture.Check(text).Findings, f => f.Category == CheckCategory.PersonalData);
}

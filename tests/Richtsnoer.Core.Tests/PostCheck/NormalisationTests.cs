using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

public class NormalisationTests
{
    private static string Norm(string s) => NormalisedText.Term(s);

    [Theory]
    [InlineData("KANKER", "kanker")]
    [InlineData("Café Élysée", "cafe elysee")]
    [InlineData("k4nk3r", "kanker")]
    [InlineData("k@nker", "k*nker")]
    [InlineData("f@ck", "f*ck")]
    [InlineData("a$$hole", "asshole")]
    [InlineData("sh!t", "shit")]
    [InlineData("1d10t", "idiot")]
    [InlineData("fuuuuck", "fuck")]
    [InlineData("kankerrrrr", "kanker")]
    [InlineData("negeer", "negeer")]
    [InlineData("kanker-lijer", "kankerlijer")]
    [InlineData("B.V.", "bv")]
    [InlineData("#Kanker_Zooi!!", "kankerzooi")]
    [InlineData("ｋａｎｋｅｒ", "kanker")]
    [InlineData("ĳs", "ijs")]
    [InlineData("kan\u200Bker", "kanker")]
    [InlineData("ka\u0301nker", "kanker")]
    [InlineData("Hallo,   wereld...  ", "hallo wereld")]
    [InlineData("2020 06-12345678 1234AB covid-19", "2020 0612345678 1234ab covid19")]
    [InlineData("info@acme.nl", "info acmenl")]
    public void Folds_case_diacritics_and_letter_swaps(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Fact]
    public void Every_character_maps_back_to_the_draft()
    {
        const string draft = "Wat een K4NK3R-dag, échte #TeringZooi!";
        var n = NormalisedText.Of(draft);
        var s = n.Slice(0, n.Length);
        var at = s.IndexOf("kanker", StringComparison.Ordinal);
        Assert.Equal("K4NK3R", draft[n.From(at)..n.To(at + 5)]);
        var zooi = s.IndexOf("teringzooi", StringComparison.Ordinal);
        Assert.Equal("TeringZooi", draft[n.From(zooi)..n.To(zooi + 9)]);
        var echte = s.IndexOf("echte", StringComparison.Ordinal);
        Assert.Equal("échte", draft[n.From(echte)..n.To(echte + 4)]);
    }

    [Fact]
    public void Soft_boundaries_inside_joined_and_camel_case_words()
    {
        var n = NormalisedText.Of("#AcmeRocks acme-collega");
        var s = n.Slice(0, n.Length);
        Assert.Equal("acmerocks acmecollega", s);
        Assert.True(n.WordEnd(4));
        Assert.True(n.WordStart(4));
        Assert.False(n.WordEnd(3));
        Assert.True(n.WordEnd(14));
        Assert.Equal(NormalisedText.Hashtag, n.Tag(0));
    }

    [Fact]
    public void Sentences_are_counted()
    {
        var n = NormalisedText.Of("Een. Twee! Drie? Vier\nVijf");
        Assert.Equal(5, n.SentenceCount);
    }
}

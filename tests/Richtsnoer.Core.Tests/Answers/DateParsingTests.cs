using System.Globalization;
using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core.Tests.Answers;

/// <summary>The answers file's own date parser accepts exactly the dates the four .NET formats accept.</summary>
public sealed class DateParsingTests
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy", "dd-MM-yyyy", "d/M/yyyy"];

    private static DateOnly? Framework(string s) =>
        DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [Theory]
    [InlineData("2027-01-01", "2027-01-01")]
    [InlineData("1-1-2027", "2027-01-01")]
    [InlineData("01-02-2027", "2027-02-01")]
    [InlineData("29/2/2028", "2028-02-29")]
    [InlineData("29-2-2027", null)]
    [InlineData("2027-1-01", null)]
    [InlineData("2027/01/01", null)]
    [InlineData(" 2027-01-01", null)]
    [InlineData("2027-01-01 ", null)]
    [InlineData("1-13-2027", null)]
    [InlineData("0-1-2027", null)]
    [InlineData("1-1-0000", null)]
    [InlineData("１-1-2027", null)]
    [InlineData("", null)]
    public void Reads_the_dates_people_write(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, CultureInfo.InvariantCulture), AnswerConverter.ParseDate(text));
        Assert.Equal(Framework(text), AnswerConverter.ParseDate(text));
    }

    [Fact]
    public void Agrees_with_the_framework_on_random_strings_of_digits_and_separators()
    {
        var random = new Random(20261201);
        const string alphabet = "0123456789-/";
        for (var i = 0; i < 50_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(5, 12)).Select(_ => alphabet[random.Next(random.Next(4) == 0 ? alphabet.Length : 10)]).ToArray());
            if (i % 3 == 0)
            {
                // Mostly well-formed: d-M-yyyy, dd/MM/yyyy or yyyy-MM-dd with random numbers.
                text = random.Next(3) switch
                {
                    0 => $"{random.Next(0, 40)}-{random.Next(0, 15)}-{random.Next(0, 10000)}",
                    1 => $"{random.Next(0, 40):00}/{random.Next(0, 15):00}/{random.Next(0, 10000)}",
                    _ => $"{random.Next(0, 10000):0000}-{random.Next(0, 15):00}-{random.Next(0, 40):00}",
                };
            }

            Assert.True(Framework(text) == AnswerConverter.ParseDate(text), $"'{text}': framework {Framework(text)}, ours {AnswerConverter.ParseDate(text)}");
        }
    }
}

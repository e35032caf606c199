using System.Globalization;

namespace Richtsnoer.Core;

/// <summary>The two languages Richtsnoer writes in: Dutch first, English second.</summary>
public enum Language
{
    Nl,
    En,
}

public static class LanguageExtensions
{
    public static string Code(this Language language) => language == Language.Nl ? "nl" : "en";

    /// <summary>The BCP 47 tag used for spell checking and document metadata.</summary>
    public static string Tag(this Language language) => language == Language.Nl ? "nl-NL" : "en-GB";

    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language.Tag());

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "nl":
            case "nl-nl":
                language = Language.Nl;
                return true;
            case "en":
            case "en-gb":
                language = Language.En;
                return true;
            default:
                language = Language.Nl;
                return false;
        }
    }
}

/// <summary>A text in both languages.</summary>
public sealed record LocalText(string Nl, string En)
{
    public static readonly LocalText Empty = new(string.Empty, string.Empty);

    public string this[Language language] => language == Language.Nl ? Nl : En;

    public string Get(Language language) => this[language];
}

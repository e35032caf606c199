namespace Richtsnoer.Core;

/// <summary>The fixed words around a document (not clause content): titles, headers, footers.</summary>
public static class Labels
{
    public static readonly LocalText ProtocolTitle = new("Social-mediaprotocol", "Social media protocol");
    public static readonly LocalText SummaryTitle = new("Social media in het kort", "Social media in brief");
    public static readonly LocalText Subject = new("Social-mediaprotocol voor medewerkers", "Social media protocol for staff");
    public static readonly LocalText Contents = new("Inhoud", "Contents");
    public static readonly LocalText Version = new("Versie", "Version");
    public static readonly LocalText EffectiveDate = new("Ingangsdatum", "Effective date");
    public static readonly LocalText GeneratedOn = new("Opgesteld op", "Drawn up on");
    public static readonly LocalText Adopted = new("Vastgesteld", "Adopted");
    public static readonly LocalText Organisation = new("Organisatie", "Organisation");
    public static readonly LocalText Language = new("Taal", "Language");
    public static readonly LocalText LanguageName = new("Nederlands", "English");
    public static readonly LocalText Example = new("Voorbeeld", "Example");
    public static readonly LocalText Appendix = new("Bijlage", "Appendix");
    public static readonly LocalText Adapted = new("aangepast", "adapted");
    public static readonly LocalText Own = new("eigen bepaling", "own clause");

    /// <summary>"Pagina {0} van {1}" / "Page {0} of {1}".</summary>
    public static readonly LocalText PageOf = new("Pagina {0} van {1}", "Page {0} of {1}");
    public static readonly LocalText SummaryRules = new("Dit zijn de regels", "These are the rules");
    public static readonly LocalText SummaryAsk = new("Twijfel je? Vraag het eerst", "In doubt? Ask first");
    public static readonly LocalText SummaryAskText = new("Weet je niet zeker of een bericht kan? Vraag het dan vóór je het plaatst aan je leidinggevende, of aan", "Not sure whether a post is all right? Ask your manager before you post, or ask");
    public static readonly LocalText SummaryEscalateText = new("Loopt een discussie over {0} uit de hand? Reageer dan niet alleen, maar neem meteen contact op met", "Is a discussion about {0} getting out of hand? Do not respond on your own; contact at once:");
    public static readonly LocalText SummaryFullText = new("Alle regels staan in het volledige protocol: ‘{0}’, versie {1}.", "All the rules are in the full protocol: ‘{0}’, version {1}.");
    public static readonly LocalText See = new("zie", "see");

    /// <summary>The words in a computed cross-reference: "hoofdstuk 3", "bijlage B".</summary>
    public static readonly LocalText ChapterWord = new("hoofdstuk", "chapter");
    public static readonly LocalText AppendixWord = new("bijlage", "appendix");

    /// <summary>Headings of the staff summary, by the group of its rules (content/summary.yaml).</summary>
    public static readonly IReadOnlyDictionary<string, LocalText> SummaryGroups = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["allowed"] = new("Dit mag", "You may"),
        ["not-allowed"] = new("Dit mag niet", "You may not"),
        ["consequences"] = new("Als het misgaat", "If things go wrong"),
        ["monitoring"] = new("Wat de organisatie ziet", "What the organisation sees"),
    };
    public static readonly LocalText And = new("en", "and");
    public static readonly LocalText Yes = new("ja", "yes");
    public static readonly LocalText No = new("nee", "no");

    public static string Date(DateOnly date, Language language) =>
        date.ToString("d MMMM yyyy", language.Culture());
}

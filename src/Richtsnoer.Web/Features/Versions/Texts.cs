using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>The words for states, moves and bases, Dutch and English.</summary>
public static class Texts
{
    public static LocalText State(VersionState state) => state switch
    {
        VersionState.Draft => new("Concept", "Draft"),
        VersionState.Submitted => new("Voorgelegd aan de ondernemingsraad", "Submitted to the works council"),
        VersionState.Consented => new("Instemming ontvangen", "Consent received"),
        VersionState.ConsentedWithConditions => new("Instemming onder voorwaarden", "Consent with conditions"),
        VersionState.Refused => new("Instemming geweigerd", "Consent refused"),
        VersionState.Withdrawn => new("Ingetrokken", "Withdrawn"),
        VersionState.Published => new("Gepubliceerd: geldt nu", "Published: in force"),
        VersionState.Superseded => new("Vervangen door een nieuwere versie", "Superseded by a newer version"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static LocalText Move(VersionMove move) => move switch
    {
        VersionMove.Submit => new("Voorleggen aan de ondernemingsraad", "Submit to the works council"),
        VersionMove.RecordConsent => new("Instemming vastleggen", "Record consent"),
        VersionMove.RecordConsentWithConditions => new("Instemming onder voorwaarden vastleggen", "Record consent with conditions"),
        VersionMove.RecordRefusal => new("Weigering vastleggen", "Record refusal"),
        VersionMove.RecordSubstituteConsent => new("Vervangende toestemming van de kantonrechter vastleggen", "Record the court's substitute consent"),
        VersionMove.Withdraw => new("Intrekken", "Withdraw"),
        VersionMove.Publish => new("Publiceren", "Publish"),
        VersionMove.Supersede => new("Vervangen", "Supersede"),
        _ => new(move.ToString(), move.ToString()),
    };

    public static LocalText Basis(PublicationBasis basis) => basis switch
    {
        PublicationBasis.Consent => new("met instemming van de ondernemingsraad", "with the works council's consent"),
        PublicationBasis.ConsentWithConditions => new("met instemming van de ondernemingsraad, onder voorwaarden", "with the works council's consent, with conditions"),
        PublicationBasis.SubstituteConsent => new("met vervangende toestemming van de kantonrechter (WOR art. 27 lid 4)", "with the court's substitute consent (WOR art. 27(4))"),
        PublicationBasis.NoWorksCouncil => new("zonder instemming: er is geen ondernemingsraad", "without consent: there is no works council"),
        PublicationBasis.CaoRegulatesAndNoMonitoring => new("zonder instemming: de cao regelt het onderwerp volledig en er is geen toezicht (WOR art. 27 lid 3)", "without consent: the collective agreement fully regulates the matter and there is no monitoring (WOR art. 27(3))"),
        _ => new(basis.ToString(), basis.ToString()),
    };

    /// <summary>Whether a move records a decision of the works council (and so asks its date and letter).</summary>
    public static bool IsDecision(VersionMove move) =>
        move is VersionMove.RecordConsent or VersionMove.RecordConsentWithConditions or VersionMove.RecordRefusal or VersionMove.RecordSubstituteConsent;
}

namespace Richtsnoer.Core.Adoption;

/// <summary>Where a version of the protocol stands on its way to being the rule in force.</summary>
public enum VersionState
{
    Draft,
    Submitted,
    Consented,
    ConsentedWithConditions,
    Refused,
    Withdrawn,
    Published,
    Superseded,
}

/// <summary>What a person (or, for <see cref="Supersede"/>, the publication of a newer version) does to a version.</summary>
public enum VersionMove
{
    /// <summary>Send the consent request to the works council (WOR art. 27 lid 2).</summary>
    Submit,

    /// <summary>Record that the works council consented.</summary>
    RecordConsent,

    /// <summary>Record that the works council consented with conditions.</summary>
    RecordConsentWithConditions,

    /// <summary>Record that the works council refused.</summary>
    RecordRefusal,

    /// <summary>Record the kantonrechter's substitute consent after a refusal (WOR art. 27 lid 4).</summary>
    RecordSubstituteConsent,

    /// <summary>The employer withdraws the version or its consent request.</summary>
    Withdraw,

    /// <summary>Make the version the rule in force from its effective date.</summary>
    Publish,

    /// <summary>A newer version was published.</summary>
    Supersede,
}

/// <summary>Why a version may be published: the consent that was recorded, or why none was needed.</summary>
public enum PublicationBasis
{
    Consent,
    ConsentWithConditions,
    SubstituteConsent,
    NoWorksCouncil,
    CaoRegulatesAndNoMonitoring,
}

/// <summary>A move the state machine does not allow; every illegal move gives the same message.</summary>
public sealed class IllegalMoveException(VersionState from, VersionMove move)
    : InvalidOperationException($"A version in state {from} cannot take the step {move}.")
{
    public VersionState From { get; } = from;

    public VersionMove Move { get; } = move;

    /// <summary>The message for the user, the same for every illegal move.</summary>
    public static readonly LocalText UserMessage = new(
        "Deze stap kan niet in de fase waarin deze versie nu is. Ververs de pagina: misschien heeft iemand anders de versie net een stap verder gebracht.",
        "This step is not possible in the stage this version is in now. Refresh the page: perhaps someone else has just moved the version on.");
}

/// <summary>
/// The life of a version. Without a consent requirement a draft is published directly; with one
/// it is published only after consent (or the kantonrechter's substitute consent) is recorded.
/// The machine is the only place that decides; storage records its result as an audit event.
/// </summary>
public static class VersionStateMachine
{
    /// <summary>The state after <paramref name="move"/>, or an <see cref="IllegalMoveException"/>.</summary>
    public static VersionState Next(VersionState from, VersionMove move, ConsentRequirement requirement) =>
        TryNext(from, move, requirement) ?? throw new IllegalMoveException(from, move);

    public static VersionState? TryNext(VersionState from, VersionMove move, ConsentRequirement requirement) => (from, move, requirement.Required) switch
    {
        (VersionState.Draft, VersionMove.Submit, true) => VersionState.Submitted,
        (VersionState.Draft, VersionMove.Publish, false) => VersionState.Published,
        (VersionState.Draft, VersionMove.Withdraw, _) => VersionState.Withdrawn,

        // The works council's stages exist only where its consent is required.
        (VersionState.Submitted, VersionMove.RecordConsent, true) => VersionState.Consented,
        (VersionState.Submitted, VersionMove.RecordConsentWithConditions, true) => VersionState.ConsentedWithConditions,
        (VersionState.Submitted, VersionMove.RecordRefusal, true) => VersionState.Refused,
        (VersionState.Submitted, VersionMove.Withdraw, true) => VersionState.Withdrawn,
        (VersionState.Refused, VersionMove.RecordSubstituteConsent, true) => VersionState.Consented,
        (VersionState.Refused, VersionMove.Withdraw, true) => VersionState.Withdrawn,
        (VersionState.Consented or VersionState.ConsentedWithConditions, VersionMove.Publish, true) => VersionState.Published,
        (VersionState.Consented or VersionState.ConsentedWithConditions, VersionMove.Withdraw, true) => VersionState.Withdrawn,

        (VersionState.Published, VersionMove.Supersede, _) => VersionState.Superseded,
        _ => null,
    };

    /// <summary>The moves a person can take from <paramref name="from"/> (not <see cref="VersionMove.Supersede"/>, which publication does).</summary>
    public static IReadOnlyList<VersionMove> Allowed(VersionState from, ConsentRequirement requirement) =>
        Enum.GetValues<VersionMove>().Where(m => m != VersionMove.Supersede && TryNext(from, m, requirement) is not null).ToList();

    /// <summary>Why the version may be published, given the moves it went through.</summary>
    public static PublicationBasis Basis(IEnumerable<VersionMove> history, ConsentRequirement requirement)
    {
        var moves = history.ToList();
        if (moves.Contains(VersionMove.RecordSubstituteConsent))
        {
            return PublicationBasis.SubstituteConsent;
        }

        if (moves.Contains(VersionMove.RecordConsentWithConditions))
        {
            return PublicationBasis.ConsentWithConditions;
        }

        if (moves.Contains(VersionMove.RecordConsent))
        {
            return PublicationBasis.Consent;
        }

        return requirement.WorksCouncil ? PublicationBasis.CaoRegulatesAndNoMonitoring : PublicationBasis.NoWorksCouncil;
    }
}

/// <summary>
/// Whether the works council must consent (WOR art. 27 lid 1 sub k and l): yes when there is one,
/// unless the cao regulates social media use and the employer monitors nothing (lid 3 then
/// removes the consent right, insofar as the cao regulates the matter).
/// </summary>
public sealed record ConsentRequirement(bool WorksCouncil, bool CaoRegulates, bool Monitoring)
{
    public bool Required => WorksCouncil && !(CaoRegulates && !Monitoring);

    public static ConsentRequirement From(Answers.AnswerSet answers) => new(
        answers.Bool("works_council") == true,
        answers.Bool("cao_regulates") == true,
        answers.Choice("monitoring") is { } m && m != "none");

    /// <summary>The sentence a published document carries when no consent was needed.</summary>
    public LocalText? WhyNotNeeded => Required
        ? null
        : WorksCouncil
            ? new("De ondernemingsraad hoefde niet in te stemmen: de cao regelt het gebruik van sociale media volledig en de werkgever houdt geen toezicht (WOR art. 27 lid 3).", "The works council did not need to consent: the collective agreement fully regulates social media use and the employer does not monitor (WOR art. 27(3)).")
            : new("Er is geen ondernemingsraad, dus er was geen instemming nodig.", "There is no works council, so no consent was needed.");
}

/// <summary>A version's number: 1.0, 1.1, 2.0.</summary>
public readonly record struct VersionLabel(int Major, int Minor)
{
    public static readonly VersionLabel First = new(1, 0);

    /// <summary>An editorial change raises the minor number, a substantive one the major.</summary>
    public VersionLabel Next(bool substantive) => substantive ? new(Major + 1, 0) : new(Major, Minor + 1);

    public override string ToString() => $"{Major}.{Minor}";
}

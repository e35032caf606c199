namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Stage 4b in order: names first (the matters use them), then matters, the private secret,
/// persons, threats, groups, innocent intensifiers and hearsay. A new rule family is one class
/// here and its tests.
/// </summary>
public static class ContextRules
{
    public static IReadOnlyList<IContextRule> For(CheckLexicon lexicon) =>
    [
        new NamePartRule(lexicon),
        new MatterRule(lexicon),
        new PrivateSecretRule(lexicon),
        new PersonContextRule(lexicon),
        new ThreatRule(),
        new UltimatumRule(),
        new GroupGeneralisationRule(),
        new IntensifierRule(),
        new OnBehalfRoleRule(),
        new HearsayRule(),
    ];
}

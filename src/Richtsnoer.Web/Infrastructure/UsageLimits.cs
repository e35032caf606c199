namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// <c>Richtsnoer:Limits</c>: how much one account or organisation may create, so one user cannot
/// fill the database. Generous for real use: a protocol rarely needs more than a handful of own clauses.
/// </summary>
public sealed class UsageLimits
{
    /// <summary>Organisations one account may own.</summary>
    public int OrganisationsPerAccount { get; set; } = 20;

    /// <summary>Own clauses per organisation.</summary>
    public int OwnClauses { get; set; } = 25;
}

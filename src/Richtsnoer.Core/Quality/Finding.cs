namespace Richtsnoer.Core.Quality;

/// <summary>How much a finding matters. Only errors make the check fail.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One check: its stable id, its usual severity, a title and the legal or practical basis.</summary>
public sealed record CheckDefinition(string Id, Severity Severity, LocalText Title, LocalText Basis);

/// <summary>
/// What a check found: the matter itself, why it matters (citing the basis), and what to do.
/// <see cref="Where"/> points at the answer, clause or section concerned.
/// </summary>
public sealed record Finding(
    CheckDefinition Check,
    Severity Severity,
    LocalText Message,
    LocalText Explanation,
    LocalText Fix,
    string? Where = null)
{
    public string Id => Check.Id;
}

public static class SeverityExtensions
{
    public static LocalText Label(this Severity severity) => severity switch
    {
        Severity.Error => new("fout", "error"),
        Severity.Warning => new("waarschuwing", "warning"),
        _ => new("info", "info"),
    };

    public static string Code(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}

namespace Richtsnoer.Core.Assembly;

public sealed record AssemblyProblem(string Code, LocalText Message);

/// <summary>Assembly refused: a required topic stays uncovered, or a clause needs an answer that is missing.</summary>
public sealed class AssemblyException(IReadOnlyList<AssemblyProblem> problems)
    : Exception(string.Join("\n", problems.Select(p => p.Message.En)))
{
    public IReadOnlyList<AssemblyProblem> Problems { get; } = problems;

    public string Format(Language language) => string.Join("\n", Problems.Select(p => p.Message[language]));
}

public sealed record AssemblyOptions(Language Language, string Version = "1.0", DateOnly? GeneratedOn = null, bool RequireFullCoverage = true);

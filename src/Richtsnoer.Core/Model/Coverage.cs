namespace Richtsnoer.Core.Model;

public sealed record Topic(string Key, int Number, LocalText Name);

public sealed record TopicCoverage(Topic Topic, IReadOnlyList<string> ClauseNumbers)
{
    public bool Covered => ClauseNumbers.Count > 0;
}

/// <summary>Which clause numbers cover which of the 25 topics.</summary>
public sealed record CoverageReport(IReadOnlyList<TopicCoverage> Topics)
{
    public IEnumerable<Topic> Uncovered => Topics.Where(t => !t.Covered).Select(t => t.Topic);

    public bool IsComplete => Topics.All(t => t.Covered);
}

using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Core.Rollout;

/// <summary>A version as the roll-out sees it: its id and number.</summary>
public sealed record RolloutVersion(Guid Id, string Label)
{
    public VersionLabel Number { get; } = ParseLabel(Label);

    public static VersionLabel ParseLabel(string label)
    {
        var parts = label.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            ? new VersionLabel(major, minor)
            : throw new FormatException($"Not a version label: '{label}'.");
    }
}

/// <summary>What a person still has to do for the version in force.</summary>
public sealed record Need(bool Done, AcknowledgementScope Scope, RolloutVersion? Since, RolloutVersion? CoveredBy)
{
    public static readonly Need ReadAll = new(false, AcknowledgementScope.Full, null, null);
}

/// <summary>
/// Which acknowledgement covers which version. An acknowledgement of a version also covers every
/// later minor version with the same major number (an editorial change asks nothing new); a new
/// major version asks whoever acknowledged an earlier one to acknowledge only the changes since
/// their latest acknowledgement, and everyone else to read the whole text.
/// </summary>
public static class Coverage
{
    public static Need For(RolloutVersion inForce, IEnumerable<RolloutVersion> acknowledged)
    {
        var earlier = acknowledged
            .Where(a => a.Number.CompareTo(inForce.Number) <= 0)
            .OrderByDescending(a => a.Number.Major)
            .ThenByDescending(a => a.Number.Minor)
            .ToList();
        if (earlier.Count == 0)
        {
            return Need.ReadAll;
        }

        var latest = earlier[0];
        return latest.Number.Major == inForce.Number.Major
            ? new Need(true, AcknowledgementScope.Full, null, latest)
            : new Need(false, AcknowledgementScope.Changes, latest, null);
    }

    private static int CompareTo(this VersionLabel a, VersionLabel b) =>
        a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor.CompareTo(b.Minor);
}

/// <summary>
/// When reminders go out: a number of days after the invitation, at most three, never to someone
/// who has acknowledged, and only for the version still in force.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<int> Days)
{
    public const int MaxReminders = 3;

    public static readonly ReminderSchedule Default = new([7, 14]);

    /// <summary>Checks the days: positive, rising, at most <see cref="MaxReminders"/>.</summary>
    public static ReminderSchedule Of(IEnumerable<int> days)
    {
        var list = days.ToList();
        if (list.Count > MaxReminders)
        {
            throw new ArgumentException($"At most {MaxReminders} reminders.", nameof(days));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] < 1 || (i > 0 && list[i] <= list[i - 1]))
            {
                throw new ArgumentException("Reminder days must be positive and rising.", nameof(days));
            }
        }

        return new ReminderSchedule(list);
    }

    /// <summary>
    /// The number of the next message that is due (1 for the first reminder), or null. Only one is
    /// ever due at a time: after an outage the person gets the next reminder, not all missed ones.
    /// </summary>
    public int? Due(DateTimeOffset invitedAt, int sentReminders, DateTimeOffset now)
    {
        if (sentReminders >= Days.Count)
        {
            return null;
        }

        return now >= invitedAt.AddDays(Days[sentReminders]) ? sentReminders + 1 : null;
    }
}

namespace Richtsnoer.Core.Staff;

/// <summary>What an import does with one valid row.</summary>
public enum StaffImportAction
{
    Add,
    Update,
    Unchanged,

    /// <summary>The address belongs to someone who was deactivated: left alone; reactivate by hand.</summary>
    SkipInactive,
}

/// <summary>What the staff list holds for one address, as far as an import compares it.</summary>
public sealed record StaffEntry(Guid Id, string NormalizedEmail, string Name, string? Department, Language Language, string? Role, bool Active);

public sealed record StaffImportStep(StaffRow Row, StaffImportAction Action, Guid? ExistingId);

/// <summary>
/// Compares the rows of a file with the list: a new address is added, a known one with other
/// details is updated, the same details are unchanged. Matching is on the e-mail address only,
/// so importing the same file twice changes nothing the second time. Pure.
/// </summary>
public static class StaffImportPlan
{
    public static IReadOnlyList<StaffImportStep> Compare(IEnumerable<StaffRow> rows, IEnumerable<StaffEntry> existing)
    {
        var byEmail = existing.ToDictionary(e => e.NormalizedEmail, StringComparer.Ordinal);
        var steps = new List<StaffImportStep>();
        foreach (var row in rows)
        {
            if (!byEmail.TryGetValue(row.NormalizedEmail, out var e))
            {
                steps.Add(new(row, StaffImportAction.Add, null));
            }
            else if (!e.Active)
            {
                steps.Add(new(row, StaffImportAction.SkipInactive, e.Id));
            }
            else if (e.Name == row.Name && e.Department == row.Department && e.Language == row.Language && e.Role == row.Role)
            {
                steps.Add(new(row, StaffImportAction.Unchanged, e.Id));
            }
            else
            {
                steps.Add(new(row, StaffImportAction.Update, e.Id));
            }
        }

        return steps;
    }
}

/// <summary>The counts an import reports; skipped are the refused rows plus deactivated people.</summary>
public sealed record StaffImportReport(int Added, int Updated, int Unchanged, int Skipped)
{
    public static StaffImportReport Of(IReadOnlyList<StaffImportStep> steps, int refused) => new(
        steps.Count(s => s.Action == StaffImportAction.Add),
        steps.Count(s => s.Action == StaffImportAction.Update),
        steps.Count(s => s.Action == StaffImportAction.Unchanged),
        steps.Count(s => s.Action == StaffImportAction.SkipInactive) + refused);
}

using Richtsnoer.Core;
using Richtsnoer.Core.Staff;

namespace Richtsnoer.Web.Features.Staff;

/// <summary>The fields of one person, as the add and edit forms post them, with the same checks as a CSV row.</summary>
public sealed class StaffForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Team { get; set; }

    public string? Language { get; set; }

    public string? Role { get; set; }

    public static StaffForm From(Storage.Staff.StaffMember m) => new() { Name = m.Name, Email = m.Email, Team = m.Department, Language = m.Language.Code(), Role = m.Role };

    /// <summary>The person, or null with the problems in <paramref name="errors"/> under "{prefix}.Field".</summary>
    public StaffRow? Check(Dictionary<string, LocalText> errors, string prefix)
    {
        var name = Name?.Trim() ?? string.Empty;
        var email = Email?.Trim() ?? string.Empty;
        var team = Team?.Trim() ?? string.Empty;
        var role = Role?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors[prefix + ".Name"] = new("Vul de naam in.", "Enter the name.");
        }
        else if (StaffCsv.Text(name, StaffCsv.MaxName, new("naam", "name")) is { } n)
        {
            errors[prefix + ".Name"] = n;
        }

        if (!EmailAddress.IsValid(email))
        {
            errors[prefix + ".Email"] = email.Length == 0
                ? new("Vul het e-mailadres in.", "Enter the e-mail address.")
                : new("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.", "This is not a valid e-mail address. Write it like name@example.com.");
        }

        if (StaffCsv.Text(team, StaffCsv.MaxDepartment, new("afdeling", "department")) is { } d)
        {
            errors[prefix + ".Team"] = d;
        }

        if (StaffCsv.Text(role, StaffCsv.MaxRole, new("functie", "role")) is { } r)
        {
            errors[prefix + ".Role"] = r;
        }

        return errors.Count == 0
            ? new StaffRow(0, email, name, team.Length == 0 ? null : team, StaffCsv.ParseLanguage(Language) ?? Core.Language.Nl, role.Length == 0 ? null : role)
            : null;
    }
}

using System.Text.RegularExpressions;
using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core;

/// <summary>The app's one rule for an e-mail address, for accounts, invitations and the staff list alike.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex Pattern();

    /// <summary>True when the trimmed address has one @, a dot in the domain, no spaces or control characters, and at most 254 characters.</summary>
    public static bool IsValid(string? email)
    {
        var trimmed = email?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= MaxLength
            && AnswerConverter.CheckText(trimmed, MaxLength) is null && Pattern().IsMatch(trimmed);
    }

    /// <summary>The form two addresses are compared in: trimmed and upper case (as accounts are).</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

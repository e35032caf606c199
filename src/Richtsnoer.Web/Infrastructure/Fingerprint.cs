using System.Security.Cryptography;
using System.Text;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Short fingerprints of the part of a draft a form edits. A form carries the fingerprint of what
/// it showed; on save, a different fingerprint means someone else changed that part meanwhile.
/// Saves to other parts (another step, another clause) do not count as a conflict.
/// </summary>
public static class Fingerprint
{
    public static string Of(params IEnumerable<string?> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            sb.Append(p is null ? "\u0000" : p.Replace("\u0001", "\u0001\u0001")).Append('\u0001');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..20];
    }

    /// <summary>The stored answers of one interview step.</summary>
    public static string OfStep(Step step, AnswerSet answers) =>
        Of(step.Questions.SelectMany(q => (IEnumerable<string?>)[q.Id, Canonical(answers.Get(q.Id))]));

    /// <summary>Every part of an answer, so a change to a contact's phone number counts too.</summary>
    public static string? Canonical(AnswerValue? value) => value switch
    {
        null => null,
        ContactAnswer c => string.Join("\u0002", c.Contact.Name, c.Contact.Email ?? "\u0000", c.Contact.Phone ?? "\u0000", c.Contact.NameEn ?? "\u0000"),
        TextAnswer t => string.Join("\u0002", t.Value, t.En ?? "\u0000"),
        ListAnswer { En: { } en } l => string.Join("\u0002", l.Items) + "\u0003" + string.Join("\u0002", en.Select(e => e ?? "\u0000")),
        _ => string.Join("\u0002", value.Scalars()),
    };

    /// <summary>An own clause in every part the form edits; a deleted one has a fingerprint of its own.</summary>
    public static string OfOwnClause(CustomClause? c) =>
        c is null ? Of("deleted") : Of([c.SectionId, string.Join(",", c.Topics), c.Nl?.Title, c.Nl?.Body, c.En?.Title, c.En?.Body]);

    /// <summary>The stored text of one clause in one language (null parts: not adapted).</summary>
    public static string OfText(ClauseText? text) => Of(text?.Title, text?.Body);
}

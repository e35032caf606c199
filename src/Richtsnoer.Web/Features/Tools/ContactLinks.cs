using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Richtsnoer.Core.Answers;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>
/// A contact in the employee tools as links: the e-mail address as <c>mailto:</c>, the phone number
/// as <c>tel:</c>. The texts from Core write a contact as "name (e-mail, phone)"; when the name or
/// the number has brackets of its own ("(020) 555 12 34"), that would read "((", so the details
/// then follow after commas instead.
/// </summary>
public static class ContactLinks
{
    /// <summary>The contact, linked, under the given name (the Dutch or English one).</summary>
    public static string Html(Contact contact, string name)
    {
        var encoder = HtmlEncoder.Default;
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            details.Add($"<a href=\"mailto:{encoder.Encode(contact.Email.Trim())}\">{encoder.Encode(contact.Email.Trim())}</a>");
        }

        if (!string.IsNullOrWhiteSpace(contact.Phone) && TelHref(contact.Phone) is { } tel)
        {
            details.Add($"<a href=\"{encoder.Encode(tel)}\">{encoder.Encode(contact.Phone.Trim())}</a>");
        }
        else if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            details.Add(encoder.Encode(contact.Phone.Trim()));
        }

        var html = encoder.Encode(name);
        if (details.Count == 0)
        {
            return html;
        }

        var bracketed = name.IndexOfAny(['(', ')']) >= 0 || (contact.Phone?.IndexOfAny(['(', ')']) ?? -1) >= 0;
        return bracketed ? html + ", " + string.Join(", ", details) : html + " (" + string.Join(", ", details) + ")";
    }

    /// <summary>"tel:+31205551234" from "+31 (0)20 555 12 34", "tel:0205551234" from "(020) 555 12 34"; null without digits.</summary>
    public static string? TelHref(string phone)
    {
        var trimmed = phone.Trim();
        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        var withoutTrunk = trimmed.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new string(withoutTrunk.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 3)
        {
            return null;
        }

        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return "tel:" + (international ? "+" : "") + digits;
    }

    /// <summary>
    /// A text from Core with every mention of the contact, as Core writes it, replaced by the
    /// linked contact; the rest of the text encoded as it is.
    /// </summary>
    public static IHtmlContent Linked(string text, Contact? contact)
    {
        var encoder = HtmlEncoder.Default;
        if (contact is null)
        {
            return new HtmlString(encoder.Encode(text));
        }

        var forms = new[] { contact.Name, contact.NameEn }.OfType<string>().Where(n => n.Length > 0).Distinct()
            .Select(n => (Text: Format(contact, n), Name: n))
            .Where(f => f.Text != f.Name) // without e-mail or phone there is nothing to link
            .OrderByDescending(f => f.Text.Length)
            .ToList();
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var best = forms
                .Select(f => (f.Text, f.Name, At: text.IndexOf(f.Text, i, StringComparison.Ordinal)))
                .Where(f => f.At >= 0)
                .OrderBy(f => f.At).ThenByDescending(f => f.Text.Length)
                .FirstOrDefault();
            if (best.Text is null)
            {
                break;
            }

            sb.Append(encoder.Encode(text[i..best.At])).Append(Html(contact, best.Name));
            i = best.At + best.Text.Length;
        }

        sb.Append(encoder.Encode(text[i..]));
        return new HtmlString(sb.ToString());
    }

    /// <summary>The contact as Core's texts write it (PostChecker.FormatContact, Variables.FormatContact).</summary>
    private static string Format(Contact contact, string name) => Core.PostCheck.PostChecker.FormatContact(contact with { Name = name });
}

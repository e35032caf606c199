using MimeKit;
using MimeKit.Text;
using Richtsnoer.Storage.Email;

namespace Richtsnoer.Email;

/// <summary>Turns an outbox row into a MIME message: multipart/alternative with text and HTML.</summary>
public static class MessageBuilder
{
    public static MimeMessage Build(OutboxMessage message, EmailOptions options)
    {
        var from = MailboxAddress.Parse(options.From);
        from.Name = options.FromName;
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Date = message.CreatedAt;

        // The same id on every attempt: a receiver can recognise a message sent twice after a crash.
        mime.MessageId = $"{message.Id:N}@{DomainOf(from.Address)}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-Auto-Response-Suppress", "All");
        mime.Headers.Add(HeaderId.ContentLanguage, message.Language);

        var alternative = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = message.TextBody },
            new TextPart(TextFormat.Html) { Text = message.HtmlBody },
        };
        mime.Body = alternative;
        return mime;
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "richtsnoer.local";
    }
}

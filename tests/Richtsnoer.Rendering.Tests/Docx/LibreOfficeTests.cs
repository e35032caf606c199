using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Rendering.Docx;

namespace Richtsnoer.Rendering.Tests.Docx;

/// <summary>
/// LibreOffice (libreoffice-writer-nogui, installed by .ci/run) opens our DOCX files and converts
/// them to PDF: the protocols keep every clause heading in order and the staff summaries stay on one page.
/// </summary>
public class LibreOfficeTests
{
    [Fact]
    public void LibreOffice_converts_every_example_and_each_summary_is_one_page()
    {
        if (!Samples.Has("soffice") && !Samples.Has("libreoffice"))
        {
            Assert.Skip("LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui");
        }

        var dir = Samples.TempDir("rs-lo");
        try
        {
            var renderer = new DocxRenderer();
            var files = new List<(string Name, Core.Model.ProtocolDocument Document, bool Summary)>();
            foreach (var example in Samples.ExampleNames())
            {
                foreach (var language in new[] { Language.Nl, Language.En })
                {
                    var protocol = Samples.Protocol(example, language);
                    var summary = Samples.Summary(example, language);
                    files.Add(($"{example}-{language.Code()}", protocol, false));
                    files.Add(($"{example}-{language.Code()}-summary", summary, true));
                }
            }

            foreach (var f in files)
            {
                File.WriteAllBytes(Path.Combine(dir, f.Name + ".docx"), renderer.RenderToBytes(f.Document));
            }

            // One run for all files, with a profile of its own so parallel runs do not collide.
            var tool = Samples.Has("soffice") ? "soffice" : "libreoffice";
            string[] args = ["-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, .. files.Select(f => Path.Combine(dir, f.Name + ".docx"))];
            Samples.Run(tool, args);

            foreach (var f in files)
            {
                var pdf = Path.Combine(dir, f.Name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice did not convert {f.Name}.docx");
                using var read = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
                if (f.Summary)
                {
                    Assert.True(read.PageCount == 1, $"{f.Name} has {read.PageCount} pages in LibreOffice");
                    continue;
                }

                Assert.True(read.PageCount > 3);
                if (Samples.Has("pdftotext"))
                {
                    var text = string.Join(" ", Samples.Run("pdftotext", "-enc", "UTF-8", pdf, "-").Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
                    var at = 0;
                    foreach (var clause in f.Document.AllClauses)
                    {
                        var title = string.Join(" ", clause.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                        var found = text.IndexOf(title, at, StringComparison.Ordinal);
                        Assert.True(found >= 0, $"{f.Name}: clause {clause.Number} {title} not found in order");
                        at = found + title.Length;
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

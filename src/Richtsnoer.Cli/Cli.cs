using System.CommandLine;
using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Cli;

/// <summary>What every command shares: exit codes, the language option, loading, safe writing.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    public static int Run(RootCommand root, string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            Console.Error.WriteLine("Zie/see: richtsnoer --help");
            return UsageError;
        }

        try
        {
            return parsed.Invoke();
        }
        catch (ContentException e)
        {
            Console.Error.WriteLine(e.Message);
            return InvalidInput;
        }
    }

    public static Option<string> LanguageOption(string description = "Taal / language: nl of en")
    {
        var option = new Option<string>("--lang") { Description = description };
        option.AcceptOnlyFromAmong("nl", "en");
        return option;
    }

    public static Option<FileInfo> AnswersOption() => new("--answers")
    {
        Description = "Het antwoordenbestand (YAML) / the answers file (YAML)",
        Required = true,
    };

    public static Language Lang(string? code, Language fallback = Language.Nl) =>
        LanguageExtensions.TryParse(code, out var l) ? l : fallback;

    /// <summary>Reads an answers file; on errors prints every one (file:line: field: message) and returns null.</summary>
    public static AnswerSet? ReadAnswers(FileInfo file, ContentLibrary library, Language language, TextWriter error)
    {
        var result = AnswersFile.Read(file.ToString(), library);
        if (result.Ok)
        {
            return result.Answers;
        }

        foreach (var e in result.Errors)
        {
            error.WriteLine(e.Format(language));
        }

        return null;
    }

    /// <summary>
    /// Writes a file all at once: first to a temporary file beside it, then renamed over the
    /// target, so a failure never leaves a half-written document.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

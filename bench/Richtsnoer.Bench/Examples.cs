using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Bench;

/// <summary>The example organisations of examples/answers/, found from the repository root.</summary>
public static class Examples
{
    public static readonly DateOnly FixedDate = new(2026, 11, 1);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
            {
                return dir.FullName;
            }
        }

        // BenchmarkDotNet runs the code in a generated project under the artifacts folder.
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Richtsnoer.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The example names (file names without extension), sorted.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), "examples", "answers"), "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

    public static ContentLibrary Library() => ContentLoader.Load(Path.Combine(RepoRoot(), "content"));

    public static AnswerSet Answers(string name, ContentLibrary library)
    {
        var path = Path.Combine(RepoRoot(), "examples", "answers", name + ".yaml");
        var result = AnswersFile.Read(path, library);
        if (!result.Ok)
        {
            throw new InvalidOperationException($"{path}: " + string.Join("; ", result.Errors.Select(e => e.Format(Language.En))));
        }

        return result.Answers!;
    }

    public static AssemblyOptions Options(Language language) => new(language, "1.0", FixedDate);
}

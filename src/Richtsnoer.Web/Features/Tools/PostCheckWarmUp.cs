using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>
/// Builds a post checker once while the app starts (the lexicons are read, the automaton code
/// and the rules are compiled), so the first check after a restart costs what every other check
/// costs. Holds no draft; the checker it builds is thrown away, and so is the garbage of building it.
/// </summary>
public sealed class PostCheckWarmUp(CheckLexicon lexicon, ILogger<PostCheckWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answers = new AnswerSet()
            .With("org_name", new TextAnswer("Opwarmen B.V."))
            .With("relations", new ListAnswer(["Klant Voorbeeld"]))
            .With("competitors", new ListAnswer(["Concurrent Voorbeeld"]))
            .With("confidential_matters", new ListAnswer(["de planning van volgend jaar"]));
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            PostChecker.Create(lexicon, answers, null, language)
                .Check("Collega Jan is ziek. Wat een kkr dag bij Klant Voorbeeld, bel 06-12345678 #opwarmen");
        }

        // Reading the lexicons and building the automaton leave tens of megabytes of garbage that
        // the collector would otherwise keep committed for as long as the process lives; one
        // compacting collection here gives it back before the first request.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation("Post check warmed up in {Ms} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Logging.Abstractions;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Protocols;

namespace Richtsnoer.Web.Tests.Storage;

public sealed class ProtocolDraftTests
{
    private static ProtocolDraft NewDraft() => new(Guid.NewGuid(), AnswerSet.Empty, ProtocolStatus.Interview, null, 1, DateTimeOffset.UtcNow);

    [Fact]
    public void A_draft_cannot_be_adapted_before_it_is_generated()
    {
        var draft = NewDraft();
        var e = Assert.Throws<InvalidTransitionException>(() => draft.Customise(Customisations.None));
        Assert.Equal(ProtocolStatus.Interview, e.From);
    }

    [Fact]
    public void A_draft_with_missing_answers_cannot_be_generated()
    {
        var draft = NewDraft();
        Assert.Throws<InvalidTransitionException>(() => draft.Generate([new AnswerError("sector", "required", new("verplicht", "required"))]));
        Assert.Equal(ProtocolStatus.Interview, draft.Status);
        draft.Generate([]);
        Assert.Equal(ProtocolStatus.Generated, draft.Status);
    }

    [Fact]
    public void Recording_answers_keeps_the_adaptations_and_moves_the_current_step()
    {
        var draft = NewDraft();
        draft.Generate([]);
        var custom = new Customisations(new Dictionary<string, string> { ["g"] = "c" }, [], []);
        draft.Customise(custom);
        draft.RecordAnswers("contacts", AnswerSet.Empty.With("org_name", new TextAnswer("X")));
        Assert.Equal("contacts", draft.CurrentStep);
        Assert.Equal("X", draft.Answers.Text("org_name"));
        Assert.Equal(custom, draft.Answers.Customisations);
    }
}

public sealed class AnswersCodecTests
{
    private static readonly AnswersCodec Codec = new(ContentLibrary.Default, NullLogger<AnswersCodec>.Instance);

    [Fact]
    public void An_incomplete_draft_survives_the_round_trip()
    {
        var answers = AnswerSet.Empty
            .With("org_name", new TextAnswer("Bakkerij \"De Korst\" <b>&</b>\nregel twee"))
            .With("works_council", new BoolAnswer(true))
            .With("confidential_matters", new ListAnswer(["recepten", "prijzen: inkoop"]));
        var yaml = Codec.Write(answers);
        Assert.Equal(answers, Codec.Read(yaml, Guid.NewGuid()));
    }

    [Fact]
    public void Answers_that_no_longer_fit_the_content_are_dropped_and_the_rest_is_kept()
    {
        var yaml = "org_name: \"Bakkerij\"\nquestion_that_was_removed: ja\nsector: option_that_was_removed\nworks_council: true\n"
            + "adapted_clauses:\n  clause-that-was-removed:\n    nl:\n      title: \"T\"\n      text: \"B\"\n";
        var answers = Codec.Read(yaml, Guid.NewGuid());
        Assert.Equal("Bakkerij", answers.Text("org_name"));
        Assert.True(answers.Bool("works_council"));
        Assert.Null(answers.Get("sector"));
        Assert.Empty(answers.Customisations.Adapted);
    }

    [Fact]
    public void Unreadable_yaml_gives_empty_answers_instead_of_an_error()
    {
        Assert.Equal(AnswerSet.Empty, Codec.Read("org_name: [unclosed", Guid.NewGuid()));
    }
}

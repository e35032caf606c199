using Richtsnoer.Core.Answers;

namespace Richtsnoer.Storage.Protocols;

public enum ProtocolStatus
{
    /// <summary>The interview is under way; the protocol exists only as a preview.</summary>
    Interview,

    /// <summary>Every required answer is given and the protocol was generated; it can be adapted and downloaded.</summary>
    Generated,
}

/// <summary>An illegal move of a protocol's state, always reported the same way.</summary>
public sealed class InvalidTransitionException(ProtocolStatus from, string action)
    : InvalidOperationException($"A protocol in status {from} cannot {action}.")
{
    public ProtocolStatus From { get; } = from;

    public string Action { get; } = action;
}

/// <summary>
/// The protocol of one organisation while it is being written: its answers (with its own
/// adaptations) and where the interview stands. Its state changes only through these methods.
/// </summary>
public sealed class ProtocolDraft(Guid organisationId, AnswerSet answers, ProtocolStatus status, string? currentStep, int revision, DateTimeOffset updatedAt)
{
    public Guid OrganisationId { get; } = organisationId;

    public AnswerSet Answers { get; private set; } = answers;

    public ProtocolStatus Status { get; private set; } = status;

    /// <summary>The interview step the user saved last: where "continue" leads.</summary>
    public string? CurrentStep { get; private set; } = currentStep;

    /// <summary>Goes up by one with every save.</summary>
    public int Revision { get; } = revision;

    public DateTimeOffset UpdatedAt { get; } = updatedAt;

    public static string StatusName(ProtocolStatus status) => status == ProtocolStatus.Generated ? "generated" : "interview";

    /// <summary>Stores the answers of one step. The organisation's adaptations are kept as they are.</summary>
    public void RecordAnswers(string stepId, AnswerSet answers)
    {
        Answers = new AnswerSet(answers.Values, Answers.Customisations);
        CurrentStep = stepId;
    }

    /// <summary>Generates the protocol: only when no required answer is missing.</summary>
    public void Generate(IReadOnlyList<AnswerError> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidTransitionException(Status, $"be generated while {problems.Count} answer(s) are missing or wrong");
        }

        Status = ProtocolStatus.Generated;
    }

    /// <summary>Replaces the organisation's adaptations: only after generation.</summary>
    public void Customise(Customisations customisations)
    {
        if (Status != ProtocolStatus.Generated)
        {
            throw new InvalidTransitionException(Status, "be adapted before it is generated");
        }

        Answers = Answers with { Customisations = customisations };
    }
}

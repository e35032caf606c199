namespace Richtsnoer.Core.Answers;

/// <summary>
/// The answers of one organisation plus its own adaptations of the protocol. Immutable: every
/// change returns a new set.
/// </summary>
public sealed record AnswerSet
{
    public static readonly AnswerSet Empty = new();

    public AnswerSet()
        : this(new Dictionary<string, AnswerValue>(StringComparer.Ordinal), Customisations.None)
    {
    }

    public AnswerSet(IReadOnlyDictionary<string, AnswerValue> values, Customisations? customisations = null)
    {
        Values = values;
        Customisations = customisations ?? Customisations.None;
    }

    public IReadOnlyDictionary<string, AnswerValue> Values { get; }

    public Customisations Customisations { get; init; }

    public AnswerValue? Get(string id) =>
        Values.TryGetValue(id, out var v) && !v.IsEmpty ? v : null;

    public bool Has(string id) => Get(id) is not null;

    public T? Get<T>(string id)
        where T : AnswerValue => Get(id) as T;

    public string? Text(string id) => Get<TextAnswer>(id)?.Value;

    public bool? Bool(string id) => Get<BoolAnswer>(id)?.Value;

    public string? Choice(string id) => Get<ChoiceAnswer>(id)?.OptionId;

    public IReadOnlyList<string> List(string id) => Get<ListAnswer>(id)?.Items ?? [];

    public Contact? Contact(string id) => Get<ContactAnswer>(id)?.Contact;

    public DateOnly? Date(string id) => Get<DateAnswer>(id)?.Value;

    public AnswerSet With(string id, AnswerValue? value)
    {
        var copy = new Dictionary<string, AnswerValue>(Values, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(id);
        }
        else
        {
            copy[id] = value;
        }

        return new AnswerSet(copy, Customisations);
    }

    public bool Equals(AnswerSet? other) =>
        other is not null
        && Customisations.Equals(other.Customisations)
        && Values.Count == other.Values.Count
        && Values.All(kv => other.Values.TryGetValue(kv.Key, out var o) && o.Equals(kv.Value));

    public override int GetHashCode() => Values.Count;
}

/// <summary>The text an organisation wrote instead of a library clause, per language.</summary>
public sealed record ClauseText(string Title, string Body);

/// <summary>A library clause whose text the organisation replaced (per language; a missing language keeps the library text).</summary>
public sealed record AdaptedClause(string ClauseId, ClauseText? Nl, ClauseText? En)
{
    public ClauseText? For(Language language) => language == Language.Nl ? Nl : En;
}

/// <summary>A clause the organisation added itself, tagged with the topics it covers.</summary>
public sealed record CustomClause(string Id, string SectionId, IReadOnlyList<string> Topics, ClauseText? Nl, ClauseText? En)
{
    public ClauseText? For(Language language) => language == Language.Nl ? Nl : En;
}

/// <summary>What the organisation changed after generation.</summary>
public sealed record Customisations(
    IReadOnlyDictionary<string, string> Alternatives,
    IReadOnlyList<AdaptedClause> Adapted,
    IReadOnlyList<CustomClause> Custom)
{
    public static readonly Customisations None = new(new Dictionary<string, string>(), [], []);

    public bool IsEmpty => Alternatives.Count == 0 && Adapted.Count == 0 && Custom.Count == 0;

    public bool Equals(Customisations? other) =>
        other is not null
        && Alternatives.Count == other.Alternatives.Count
        && Alternatives.All(kv => other.Alternatives.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && Adapted.SequenceEqual(other.Adapted)
        && Custom.Count == other.Custom.Count
        && Custom.Zip(other.Custom).All(p => p.First.Id == p.Second.Id && p.First.SectionId == p.Second.SectionId
            && p.First.Topics.SequenceEqual(p.Second.Topics) && Equals(p.First.Nl, p.Second.Nl) && Equals(p.First.En, p.Second.En));

    public override int GetHashCode() => Alternatives.Count + Adapted.Count + Custom.Count;
}

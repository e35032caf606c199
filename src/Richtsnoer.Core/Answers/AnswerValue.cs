using System.Globalization;

namespace Richtsnoer.Core.Answers;

/// <summary>A checked answer of the type its question asks for.</summary>
public abstract record AnswerValue
{
    /// <summary>The answer as the plain values conditions compare against.</summary>
    public abstract IEnumerable<string> Scalars();

    public abstract bool IsEmpty { get; }
}

/// <summary>Free text. <see cref="En"/> is an English version, used in English documents when given.</summary>
public sealed record TextAnswer(string Value, string? En = null) : AnswerValue
{
    public string For(Language language) => language == Language.En && En is not null ? En : Value;

    public override IEnumerable<string> Scalars() => [Value];

    public override bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}

public sealed record BoolAnswer(bool Value) : AnswerValue
{
    public override IEnumerable<string> Scalars() => [Value ? "true" : "false"];

    public override bool IsEmpty => false;
}

public sealed record NumberAnswer(long Value) : AnswerValue
{
    public override IEnumerable<string> Scalars() => [Value.ToString(CultureInfo.InvariantCulture)];

    public override bool IsEmpty => false;
}

public sealed record DateAnswer(DateOnly Value) : AnswerValue
{
    public override IEnumerable<string> Scalars() => [Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    public override bool IsEmpty => false;
}

/// <summary>One option id of a choice question.</summary>
public sealed record ChoiceAnswer(string OptionId) : AnswerValue
{
    public override IEnumerable<string> Scalars() => [OptionId];

    public override bool IsEmpty => false;
}

/// <summary>
/// A list of strings (list question) or of option ids (multi question). <see cref="En"/>, when
/// given, holds an English text per item (null where an item has none).
/// </summary>
public sealed record ListAnswer(IReadOnlyList<string> Items, IReadOnlyList<string?>? En = null) : AnswerValue
{
    public override IEnumerable<string> Scalars() => Items;

    public override bool IsEmpty => Items.Count == 0;

    /// <summary>The English text of item <paramref name="i"/>, or null.</summary>
    public string? EnglishItem(int i) => En is not null && i < En.Count ? En[i] : null;

    public bool Equals(ListAnswer? other) => other is not null && Items.SequenceEqual(other.Items)
        && Enumerable.Range(0, Items.Count).All(i => EnglishItem(i) == other.EnglishItem(i));

    public override int GetHashCode() => Items.Count;
}

/// <summary>A department or person; <see cref="NameEn"/> is the name in English documents when given.</summary>
public sealed record Contact(string Name, string? Email, string? Phone)
{
    public string? NameEn { get; init; }
}

public sealed record ContactAnswer(Contact Contact) : AnswerValue
{
    public override IEnumerable<string> Scalars() => [Contact.Name];

    public override bool IsEmpty => string.IsNullOrWhiteSpace(Contact.Name);
}

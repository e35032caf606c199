using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core.Content;

/// <summary>A structured condition from content (<c>when:</c>), never code.</summary>
public abstract record Condition
{
    public abstract bool Holds(AnswerSet answers);

    /// <summary>Every question id this condition reads.</summary>
    public abstract IEnumerable<string> Questions();

    public sealed record EqualsValue(string Question, string Value) : Condition
    {
        public override bool Holds(AnswerSet answers) =>
            answers.Get(Question) is { } v && v.Scalars().Count() == 1 && v.Scalars().Single() == Value;

        public override IEnumerable<string> Questions() => [Question];
    }

    public sealed record In(string Question, IReadOnlyList<string> Values) : Condition
    {
        public override bool Holds(AnswerSet answers) =>
            answers.Get(Question) is { } v && v.Scalars().Count() == 1 && Values.Contains(v.Scalars().Single());

        public override IEnumerable<string> Questions() => [Question];
    }

    public sealed record Contains(string Question, string Value) : Condition
    {
        public override bool Holds(AnswerSet answers) =>
            answers.Get(Question) is { } v && v.Scalars().Contains(Value);

        public override IEnumerable<string> Questions() => [Question];
    }

    public sealed record Answered(string Question, bool Expected) : Condition
    {
        public override bool Holds(AnswerSet answers) => answers.Has(Question) == Expected;

        public override IEnumerable<string> Questions() => [Question];
    }

    /// <summary>A number answer of at least <see cref="Value"/> (e.g. <c>{question: employee_count, at_least: 50}</c>).</summary>
    public sealed record AtLeast(string Question, long Value) : Condition
    {
        public override bool Holds(AnswerSet answers) => answers.Get(Question) is NumberAnswer n && n.Value >= Value;

        public override IEnumerable<string> Questions() => [Question];
    }

    public sealed record All(IReadOnlyList<Condition> Parts) : Condition
    {
        public override bool Holds(AnswerSet answers) => Parts.All(p => p.Holds(answers));

        public override IEnumerable<string> Questions() => Parts.SelectMany(p => p.Questions());
    }

    public sealed record Any(IReadOnlyList<Condition> Parts) : Condition
    {
        public override bool Holds(AnswerSet answers) => Parts.Any(p => p.Holds(answers));

        public override IEnumerable<string> Questions() => Parts.SelectMany(p => p.Questions());
    }

    public sealed record Not(Condition Inner) : Condition
    {
        public override bool Holds(AnswerSet answers) => !Inner.Holds(answers);

        public override IEnumerable<string> Questions() => Inner.Questions();
    }
}

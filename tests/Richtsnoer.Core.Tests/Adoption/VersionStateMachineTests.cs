using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Core.Tests.Adoption;

public sealed class VersionStateMachineTests
{
    private static readonly ConsentRequirement WithCouncil = new(WorksCouncil: true, CaoRegulates: false, Monitoring: false);
    private static readonly ConsentRequirement NoCouncil = new(WorksCouncil: false, CaoRegulates: false, Monitoring: false);
    private static readonly ConsentRequirement CaoNoMonitoring = new(WorksCouncil: true, CaoRegulates: true, Monitoring: false);
    private static readonly ConsentRequirement CaoWithMonitoring = new(WorksCouncil: true, CaoRegulates: true, Monitoring: true);

    /// <summary>Every allowed move, written out by hand from the issue: everything else is illegal.</summary>
    private static readonly HashSet<(VersionState, VersionMove, bool Required)> Legal =
    [
        (VersionState.Draft, VersionMove.Submit, true),
        (VersionState.Draft, VersionMove.Withdraw, true),
        (VersionState.Draft, VersionMove.Withdraw, false),
        (VersionState.Draft, VersionMove.Publish, false),
        (VersionState.Submitted, VersionMove.RecordConsent, true),
        (VersionState.Submitted, VersionMove.RecordConsentWithConditions, true),
        (VersionState.Submitted, VersionMove.RecordRefusal, true),
        (VersionState.Submitted, VersionMove.Withdraw, true),
        (VersionState.Refused, VersionMove.RecordSubstituteConsent, true),
        (VersionState.Refused, VersionMove.Withdraw, true),
        (VersionState.Consented, VersionMove.Publish, true),
        (VersionState.Consented, VersionMove.Withdraw, true),
        (VersionState.ConsentedWithConditions, VersionMove.Publish, true),
        (VersionState.ConsentedWithConditions, VersionMove.Withdraw, true),
        (VersionState.Published, VersionMove.Supersede, true),
        (VersionState.Published, VersionMove.Supersede, false),
    ];

    public static TheoryData<VersionState, VersionMove, bool> AllPairs()
    {
        var data = new TheoryData<VersionState, VersionMove, bool>();
        foreach (var s in Enum.GetValues<VersionState>())
        {
            foreach (var m in Enum.GetValues<VersionMove>())
            {
                data.Add(s, m, true);
                data.Add(s, m, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_pair_of_state_and_move_is_allowed_exactly_when_the_table_says_so(VersionState from, VersionMove move, bool required)
    {
        var requirement = required ? WithCouncil : NoCouncil;
        if (Legal.Contains((from, move, required)))
        {
            Assert.NotNull(VersionStateMachine.TryNext(from, move, requirement));
        }
        else
        {
            var e = Assert.Throws<IllegalMoveException>(() => VersionStateMachine.Next(from, move, requirement));
            Assert.Equal(from, e.From);
            Assert.Equal(move, e.Move);
        }
    }

    [Fact]
    public void Publication_is_refused_while_consent_is_required_and_not_recorded()
    {
        Assert.Throws<IllegalMoveException>(() => VersionStateMachine.Next(VersionState.Draft, VersionMove.Publish, WithCouncil));
        Assert.Throws<IllegalMoveException>(() => VersionStateMachine.Next(VersionState.Submitted, VersionMove.Publish, WithCouncil));
        Assert.Throws<IllegalMoveException>(() => VersionStateMachine.Next(VersionState.Refused, VersionMove.Publish, WithCouncil));
        var afterSubstitute = VersionStateMachine.Next(VersionState.Refused, VersionMove.RecordSubstituteConsent, WithCouncil);
        Assert.Equal(VersionState.Published, VersionStateMachine.Next(afterSubstitute, VersionMove.Publish, WithCouncil));
    }

    [Fact]
    public void Consent_is_needed_with_a_works_council_unless_the_cao_regulates_and_nothing_is_monitored()
    {
        Assert.True(WithCouncil.Required);
        Assert.False(NoCouncil.Required);
        Assert.False(CaoNoMonitoring.Required);
        Assert.True(CaoWithMonitoring.Required);
        Assert.Contains("geen ondernemingsraad", NoCouncil.WhyNotNeeded!.Nl);
        Assert.Contains("WOR art. 27 lid 3", CaoNoMonitoring.WhyNotNeeded!.Nl);
        Assert.Null(WithCouncil.WhyNotNeeded);
    }

    [Fact]
    public void The_basis_of_publication_names_the_consent_that_was_recorded_or_why_none_was_needed()
    {
        Assert.Equal(PublicationBasis.Consent, VersionStateMachine.Basis([VersionMove.Submit, VersionMove.RecordConsent], WithCouncil));
        Assert.Equal(PublicationBasis.ConsentWithConditions, VersionStateMachine.Basis([VersionMove.Submit, VersionMove.RecordConsentWithConditions], WithCouncil));
        Assert.Equal(PublicationBasis.SubstituteConsent, VersionStateMachine.Basis([VersionMove.Submit, VersionMove.RecordRefusal, VersionMove.RecordSubstituteConsent], WithCouncil));
        Assert.Equal(PublicationBasis.NoWorksCouncil, VersionStateMachine.Basis([], NoCouncil));
        Assert.Equal(PublicationBasis.CaoRegulatesAndNoMonitoring, VersionStateMachine.Basis([], CaoNoMonitoring));
    }

    [Fact]
    public void Labels_go_up_by_minor_for_editorial_and_by_major_for_substantive_changes()
    {
        var v = VersionLabel.First;
        Assert.Equal("1.0", v.ToString());
        Assert.Equal("1.1", v.Next(substantive: false).ToString());
        Assert.Equal("1.2", v.Next(false).Next(false).ToString());
        Assert.Equal("2.0", v.Next(false).Next(true).ToString());
    }
}

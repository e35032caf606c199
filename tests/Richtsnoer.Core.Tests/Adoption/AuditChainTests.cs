using Richtsnoer.Core.Adoption;

namespace Richtsnoer.Core.Tests.Adoption;

public sealed class AuditChainTests
{
    private static readonly Guid Org = Guid.Parse("6f1c1f7e-6a55-4d44-9d6c-0c7a3e0c2b11");

    private static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        var at = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= n; i++)
        {
            var data = $"{{\"n\":{i}}}";
            var hash = AuditChain.Hash(i, Org, at.AddMinutes(i), null, "hr@voorbeeld.nl", "draft.changed", null, data, previous);
            list.Add(new AuditEntry(i, Org, at.AddMinutes(i), null, "hr@voorbeeld.nl", "draft.changed", null, data, previous, hash));
            previous = hash;
        }

        return list;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        Assert.Null(AuditChain.Verify(Chain(5)));
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Changing_one_field_of_an_entry_names_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Data = "{\"n\":4}" };
        Assert.Equal(3, AuditChain.Verify(chain)!.Sequence);

        chain = Chain(5);
        chain[1] = chain[1] with { At = chain[1].At.AddTicks(10) };
        Assert.Equal(2, AuditChain.Verify(chain)!.Sequence);

        chain = Chain(5);
        chain[3] = chain[3] with { Actor = "iemand@anders.nl" };
        Assert.Equal(4, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Removing_an_entry_or_recomputing_its_hash_is_found_at_the_first_wrong_place()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        var gap = AuditChain.Verify(chain)!;
        Assert.Equal(3, gap.Sequence);
        Assert.Contains("missing", gap.Reason);

        // Rewriting an entry and its own hash still breaks the link from the next one.
        chain = Chain(5);
        var forged = chain[1] with { Data = "{\"n\":99}" };
        forged = forged with { Hash = AuditChain.Hash(forged.Sequence, forged.OrganisationId, forged.At, forged.ActorId, forged.Actor, forged.Kind, forged.VersionId, forged.Data, forged.PreviousHash) };
        chain[1] = forged;
        var broken = AuditChain.Verify(chain)!;
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("chain", broken.Reason);
    }

    [Fact]
    public void The_hashed_text_is_the_documented_one()
    {
        var text = AuditChain.Canonical(7, Org, new DateTimeOffset(2027, 1, 4, 9, 30, 15, 123, TimeSpan.FromHours(1)).AddTicks(4560), null, "a@b.nl", "version.created", null, "{}", AuditChain.Genesis);
        Assert.Equal(
            "richtsnoer-audit-1\n7\n6f1c1f7e-6a55-4d44-9d6c-0c7a3e0c2b11\n2027-01-04T08:30:15.123456Z\n\na@b.nl\nversion.created\n\n{}\n" + new string('0', 64),
            text);
    }
}

using System.Security.Cryptography;
using System.Text;
using Richtsnoer.Core.Rollout;

namespace Richtsnoer.Core.Tests.Rollout;

public sealed class AcknowledgementTests
{
    [Fact]
    public void The_seal_is_the_SHA256_of_the_documented_lines_and_can_be_recomputed_by_hand()
    {
        var r = PackSamples.Record(3, "line\nbreak \\ and, comma");
        var byHand = string.Join("", new[]
        {
            "recipe=richtsnoer-ack-1", $"id={r.Id:D}", $"organisation={r.OrganisationId:D}", $"version={r.VersionId:D}", "version_label=1.0",
            $"version_sha256={r.VersionSha256}", "language=nl", $"staff_member={r.StaffMemberId:D}", "staff_name=Medewerker 3", "staff_email=medewerker3@voorbeeld.nl",
            "scope=full", "since_label=", $"statement_sha256={r.StatementSha256}", "method=email-link", $"link={r.LinkId:D}",
            "sent_at=2026-11-30T09:30:15.123456Z", "opened_at=2026-12-01T09:33:15.123000Z", "acknowledged_at=2026-12-01T09:38:15.123000Z",
            "user_agent=line\\nbreak \\\\ and, comma", "ip=",
        }.Select(l => l + "\n"));
        Assert.Equal(byHand, r.Canonical());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(byHand))), r.Seal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Statement))), r.StatementSha256);
        Assert.Null(r.Problem());
    }

    [Fact]
    public void Times_are_stored_hashed_and_printed_at_the_same_microsecond_precision()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        var cut = AcknowledgementRecord.Microseconds(at);
        Assert.Equal("2026-12-01T09:00:00.123456Z", AcknowledgementRecord.Time(cut));
        Assert.Equal(cut, DateTimeOffset.Parse(AcknowledgementRecord.Time(cut), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Changing_any_field_breaks_the_seal()
    {
        var r = PackSamples.Record(1);
        var changed = new AcknowledgementRecord[]
        {
            r with { StaffName = "Iemand Anders" }, r with { StaffEmail = "x@voorbeeld.nl" }, r with { VersionLabel = "2.0" }, r with { VersionSha256 = new string('0', 64) },
            r with { Language = "en" }, r with { Scope = AcknowledgementScope.Changes }, r with { SinceLabel = "0.9" }, r with { Method = "sso" }, r with { LinkId = Guid.NewGuid() },
            r with { SentAt = null }, r with { OpenedAt = r.OpenedAt!.Value.AddTicks(10) }, r with { AcknowledgedAt = r.AcknowledgedAt.AddSeconds(-1) },
            r with { UserAgent = null }, r with { IpAddress = "192.0.2.1" }, r with { StaffMemberId = Guid.NewGuid() }, r with { VersionId = Guid.NewGuid() },
            r with { OrganisationId = Guid.NewGuid() }, r with { Id = Guid.NewGuid() },
        };
        Assert.All(changed, c => Assert.Equal("seal", c.Problem()));
        Assert.Equal("statement_sha256", (r with { Statement = "Ik heb niets gelezen." }).Problem());
        Assert.Equal(r.Fields().Count - 2, changed.Length); // every field but the recipe and the statement hash, tested just above
    }

    [Fact]
    public void The_Merkle_root_follows_RFC_6962_and_changes_with_any_seal_order_or_count()
    {
        var seals = new[] { "a1", "b2", "c3" };
        byte[] Leaf(string s) => SHA256.HashData([0, .. Encoding.UTF8.GetBytes(s)]);
        byte[] Node(byte[] l, byte[] r) => SHA256.HashData([1, .. l, .. r]);
        Assert.Equal(Convert.ToHexStringLower(Leaf("a1")), MerkleTree.Root(["a1"]));
        Assert.Equal(Convert.ToHexStringLower(Node(Node(Leaf("a1"), Leaf("b2")), Leaf("c3"))), MerkleTree.Root(seals));
        Assert.NotEqual(MerkleTree.Root(seals), MerkleTree.Root(["b2", "a1", "c3"]));
        Assert.NotEqual(MerkleTree.Root(seals), MerkleTree.Root(["a1", "b2"]));
        Assert.NotEqual(MerkleTree.Root(seals), MerkleTree.Root(["a1", "b2", "c4"]));
    }

    [Fact]
    public void A_minor_version_keeps_an_acknowledgement_and_a_major_one_asks_only_for_the_changes()
    {
        var v10 = new RolloutVersion(Guid.NewGuid(), "1.0");
        var v11 = new RolloutVersion(Guid.NewGuid(), "1.1");
        var v20 = new RolloutVersion(Guid.NewGuid(), "2.0");
        var v21 = new RolloutVersion(Guid.NewGuid(), "2.1");
        Assert.Equal(Need.ReadAll, Coverage.For(v11, []));
        Assert.True(Coverage.For(v11, [v10]).Done);
        Assert.Equal(v10, Coverage.For(v11, [v10]).CoveredBy);
        var major = Coverage.For(v20, [v10]);
        Assert.False(major.Done);
        Assert.Equal(AcknowledgementScope.Changes, major.Scope);
        Assert.Equal(v10, major.Since);
        Assert.Equal(v11, Coverage.For(v21, [v10, v11]).Since);
        Assert.True(Coverage.For(v21, [v10, v20]).Done);

        // An acknowledgement of a later version says nothing about an earlier one.
        Assert.Equal(Need.ReadAll, Coverage.For(v10, [v20]));
    }

    [Fact]
    public void Reminders_go_out_on_their_days_one_at_a_time_and_at_most_three()
    {
        var schedule = ReminderSchedule.Default;
        var invited = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Null(schedule.Due(invited, 0, invited.AddDays(6.9)));
        Assert.Equal(1, schedule.Due(invited, 0, invited.AddDays(7)));
        Assert.Null(schedule.Due(invited, 1, invited.AddDays(13)));
        Assert.Equal(2, schedule.Due(invited, 1, invited.AddDays(40)));
        Assert.Null(schedule.Due(invited, 2, invited.AddDays(400)));
        Assert.Throws<ArgumentException>(() => ReminderSchedule.Of([3, 7, 14, 21]));
        Assert.Throws<ArgumentException>(() => ReminderSchedule.Of([7, 7]));
        Assert.Throws<ArgumentException>(() => ReminderSchedule.Of([0]));
    }

    [Fact]
    public void The_statement_names_the_version_and_the_organisation_in_the_reader_s_language()
    {
        Assert.Equal("I have read and understood version 2.0 of the social media protocol of Acme.", Statements.Default.For(Language.En, AcknowledgementScope.Full, "Acme", "2.0", null));
        Assert.Equal("Ik heb de wijzigingen in versie 2.0 van het social-mediaprotocol van Acme ten opzichte van versie 1.0 gelezen en begrepen.",
            Statements.Default.For(Language.Nl, AcknowledgementScope.Changes, "Acme", "2.0", "1.0"));
    }
}

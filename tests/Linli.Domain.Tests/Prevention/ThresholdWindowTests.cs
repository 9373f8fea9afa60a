using Linli.Domain.Prevention;

namespace Linli.Domain.Tests.Prevention;

public class ThresholdWindowTests
{
    private static readonly DateTime Start = new(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static CountedOrder At(int hours) => new(Guid.CreateVersion7(new DateTimeOffset(Start.AddHours(hours))), Start.AddHours(hours));

    [Fact]
    public void FiresAtTheFifth_NotAtTheFourth()
    {
        var orders = Enumerable.Range(0, 4).Select(i => At(i * 10)).ToList();
        ThresholdWindow.Triggering(orders, 5, Week, Start.AddHours(40), null).ShouldBeNull();
        orders.Add(At(45));
        ThresholdWindow.Triggering(orders, 5, Week, Start.AddHours(45), null)!.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData(null, false)] // never fired
    [InlineData(0, true)] // fired just now
    [InlineData(-(7 * 24) + 1, true)] // an hour before the window has passed
    [InlineData(-(7 * 24), false)] // exactly a window ago: counting resumes
    [InlineData(-(8 * 24), false)]
    public void QuietIsAWholeWindowFromTheLastFiring(int? lastFiredHoursAgo, bool quiet) =>
        ThresholdWindow.IsQuiet(Week, Start, lastFiredHoursAgo is { } h ? Start.AddHours(h) : null).ShouldBe(quiet);

    [Fact]
    public void QuietWithinTheWindowAfterFiring_FiresAgainAfterIt()
    {
        var orders = Enumerable.Range(0, 5).Select(i => At(i)).ToList();
        var firedAt = Start.AddHours(4);
        orders.AddRange(Enumerable.Range(0, 5).Select(i => At(10 + i)));
        ThresholdWindow.Triggering(orders, 5, Week, Start.AddHours(20), firedAt).ShouldBeNull();

        var later = firedAt + Week + TimeSpan.FromHours(1);
        var again = Enumerable.Range(0, 5).Select(i => At(24 * 7 + i)).ToList();
        // Everything received after the last firing and within the window counts: the 5 quiet-period orders and the 5 new ones.
        ThresholdWindow.Triggering(orders.Concat(again), 5, Week, later, firedAt)!.Count.ShouldBe(10);
    }

    [Fact]
    public void OrdersOutsideTheWindow_DoNotCount()
    {
        var orders = new[] { At(0), At(1), At(2), At(200), At(201) };
        ThresholdWindow.Triggering(orders, 5, Week, Start.AddHours(202), null).ShouldBeNull();
    }

    [Fact]
    public void Rule_RejectsBadSpecs()
    {
        var spec = new ThresholdRuleSpec("漏水预警", ThresholdScope.Building, null, true, 5, 168, null, true, ThresholdOrderTarget.PropertyCompany, null, false, true);
        ThresholdRule.Create(spec, Start).IsSuccess.ShouldBeTrue();
        ThresholdRule.Create(spec with { MinCount = 0 }, Start).Error.ShouldBe(ThresholdErrors.Invalid);
        ThresholdRule.Create(spec with { Name = " " }, Start).Error.ShouldBe(ThresholdErrors.Invalid);
        ThresholdRule.Create(spec with { OrderTarget = ThresholdOrderTarget.Unit }, Start).Error.ShouldBe(ThresholdErrors.UnitRequired);
    }
}

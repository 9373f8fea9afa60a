using System.Globalization;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Tests.Persistence;

/// <summary>The demo street's history: the requested size, deterministic, consistent order by order, and inside its 90 days.</summary>
public class DemoSeederTests(DemoSeederTests.FullHistoryApp app) : IClassFixture<DemoSeederTests.FullHistoryApp>
{
    /// <summary>The host as a demo install starts it: the default number of historical orders.</summary>
    public sealed class FullHistoryApp : LinliApp
    {
        protected override int DemoOrders => DemoSeeder.DefaultHistoricalOrders;
    }

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime Now => LinliApp.Start.UtcDateTime;

    [Fact]
    public async Task Seeds_the_requested_number_of_orders_and_about_300_residents()
    {
        var (orders, residents) = await app.WithDbAsync(async db =>
            (await db.WorkOrders.CountAsync(o => o.ReceivedAt < Now), await db.Residents.CountAsync()));

        orders.ShouldBe(DemoSeeder.DefaultHistoricalOrders);
        residents.ShouldBeInRange(300, 310);
    }

    [Fact]
    public async Task Every_history_runs_from_receive_to_the_current_status_without_gaps()
    {
        var orders = await SeededOrdersAsync(app);

        foreach (var order in orders)
        {
            var history = order.History.OrderBy(h => h.Sequence).ToList();
            history.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, history.Count), order.Number);
            history[0].Trigger.ShouldBe(WorkOrderTrigger.Receive, order.Number);
            history[0].From.ShouldBeNull(order.Number);
            for (var i = 1; i < history.Count; i++)
            {
                history[i].From.ShouldBe(history[i - 1].To, $"{order.Number} #{history[i].Sequence}");
                history[i].At.ShouldBeGreaterThanOrEqualTo(history[i - 1].At, $"{order.Number} #{history[i].Sequence}");
            }
            history[^1].To.ShouldBe(order.Status, order.Number);
        }
    }

    [Fact]
    public async Task Order_numbers_are_unique_and_count_from_one_per_local_day()
    {
        var orders = await SeededOrdersAsync(app);
        var sequences = await app.WithDbAsync(db => db.NumberSequences.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value));

        orders.Select(o => o.Number).Distinct().Count().ShouldBe(orders.Count);
        foreach (var day in orders.GroupBy(o => o.Number[..8]))
        {
            var inOrder = day.OrderBy(o => o.ReceivedAt).ToList();
            inOrder.Select(o => o.Number).ShouldBe(inOrder.Select((_, i) => $"{day.Key}-{i + 1:0000}"), day.Key);
            inOrder.ShouldAllBe(o => TimeZoneInfo.ConvertTimeFromUtc(o.ReceivedAt, Beijing).ToString("yyyyMMdd", CultureInfo.InvariantCulture) == day.Key);
            sequences["order:" + day.Key].ShouldBe(inOrder.Count, "new intake must continue after the seeded numbers");
        }
        orders.Where(o => o.ExternalReference is not null).GroupBy(o => (o.Channel, o.ExternalReference)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task Every_moment_lies_within_the_last_90_days_and_none_in_the_future()
    {
        var orders = await SeededOrdersAsync(app);

        orders.ShouldAllBe(o => o.ReceivedAt >= Now.AddDays(-90) && o.ReceivedAt <= Now);
        orders.SelectMany(o => o.History).ShouldAllBe(h => h.At >= Now.AddDays(-90) && h.At <= Now);
    }

    [Fact]
    public async Task Old_orders_are_mostly_closed_and_recent_ones_are_still_on_their_way()
    {
        var orders = await SeededOrdersAsync(app);
        var old = orders.Where(o => o.ReceivedAt < Now.AddDays(-10)).ToList();
        var recent = orders.Where(o => o.ReceivedAt >= Now.AddDays(-3)).ToList();

        old.Count(o => o.Status == WorkOrderStatus.Closed).ShouldBeGreaterThan(old.Count * 8 / 10);
        old.ShouldContain(o => o.Status == WorkOrderStatus.Merged && o.ParentId != null);
        old.ShouldContain(o => o.Status == WorkOrderStatus.Cancelled);
        old.ShouldContain(o => o.OverdueAt != null && (o.Status == WorkOrderStatus.Dispatched || o.Status == WorkOrderStatus.Accepted),
            "a few stay open and overdue");
        foreach (var status in new[] { WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Completed })
        {
            recent.ShouldContain(o => o.Status == status, status.ToString());
        }
        WorkOrderTrigger[] expected = [WorkOrderTrigger.FollowUp, WorkOrderTrigger.AutoClose, WorkOrderTrigger.Reopen, WorkOrderTrigger.Return,
            WorkOrderTrigger.Transfer, WorkOrderTrigger.Escalate, WorkOrderTrigger.ApproveExtension, WorkOrderTrigger.Supervise, WorkOrderTrigger.Warn];
        expected.ShouldBeSubsetOf(orders.SelectMany(o => o.History).Select(h => h.Trigger).Distinct());
    }

    [Fact]
    public async Task The_sweepers_find_nothing_left_to_do_right_after_seeding()
    {
        // The seed plays the SLA and auto-close sweepers up to "now": a running host must not find a backlog.
        var sla = await app.RunSlaSweepAsync();
        var autoClosed = await app.RunAutoCloseAsync();

        (sla.Escalated, sla.Warned, autoClosed).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Rates_and_channels_look_like_a_real_street()
    {
        var orders = await SeededOrdersAsync(app);
        var responded = orders.Where(o => o.ResponseOnTime is not null).ToList();
        var evaluated = orders.Where(o => o.Satisfaction is not null).ToList();

        var responseRate = (double)responded.Count(o => o.ResponseOnTime == true) / responded.Count;
        responseRate.ShouldBeInRange(0.8, 0.99);
        var satisfied = (double)evaluated.Count(o => o.Resolved == true && o.Satisfaction != Satisfaction.Dissatisfied) / evaluated.Count;
        satisfied.ShouldBeInRange(0.85, 0.97);
        var hotline = (double)orders.Count(o => o.Channel == Channel.Hotline12345) / orders.Count;
        hotline.ShouldBeInRange(0.28, 0.42);
        orders.Where(o => o.Channel == Channel.Hotline12345).ShouldAllBe(o => o.ExternalReference != null && o.ReporterPhoneMasked != null);
        orders.Where(o => o.Channel is Channel.MiniProgram or Channel.PhotoReport).ShouldAllBe(o => o.ReporterResidentId != null);
        orders.ShouldAllBe(o => o.CategoryId != null && o.BuildingId != null && o.AreaUnitId != null);
    }

    [Fact]
    public async Task The_demo_residents_have_a_few_closed_requests_of_their_own()
    {
        foreach (var userName in new[] { "resident", "resident2" })
        {
            var client = await app.As(userName);
            var mine = await client.GetJsonAsync("/api/v1/work-orders?pageSize=50");
            var items = mine.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeInRange(2, 3, userName);
            items.ShouldAllBe(o => o.Str("status") == "Closed");
        }
    }

    [Fact]
    public async Task The_same_clock_gives_the_same_history()
    {
        var first = await WithFreshAppAsync(Fingerprint);
        var second = await WithFreshAppAsync(Fingerprint);

        first.Count.ShouldBe(300);
        second.ShouldBe(first);
    }

    [Fact]
    public async Task New_intake_continues_after_the_seeded_numbers_of_the_day()
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(Now, Beijing).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var (seededToday, number) = await WithFreshAppAsync(async fresh =>
        {
            var seeded = await fresh.WithDbAsync(db => db.WorkOrders.CountAsync(o => o.Number.StartsWith(today)));
            var order = await (await fresh.As("resident")).SubmitOkAsync(new { description = "楼道灯又坏了" });
            return (seeded, order.Str("number"));
        });

        seededToday.ShouldBeGreaterThan(0);
        number.ShouldBe($"{today}-{seededToday + 1:0000}");
    }

    /// <summary>A host of its own with 300 historical orders, disposed the way xunit would (database and folder removed).</summary>
    private static async Task<T> WithFreshAppAsync<T>(Func<LinliApp, Task<T>> work)
    {
        var fresh = new LinliAppWithHistory();
        try
        {
            await fresh.InitializeAsync();
            return await work(fresh);
        }
        finally
        {
            await ((IAsyncLifetime)fresh).DisposeAsync();
        }
    }

    private static async Task<List<string>> Fingerprint(LinliApp app)
    {
        var orders = await SeededOrdersAsync(app);
        return [.. orders.OrderBy(o => o.Number, StringComparer.Ordinal)
            .Select(o => string.Join('|', o.Number, o.Status, o.Channel, o.CategoryId, o.BuildingId, o.UnitId, o.ReporterName,
                o.Description, string.Join(',', o.History.OrderBy(h => h.Sequence).Select(h => $"{h.Trigger}@{h.At:O}"))))];
    }

    private static Task<List<WorkOrder>> SeededOrdersAsync(LinliApp app) =>
        app.WithDbAsync(db => db.WorkOrders.AsNoTracking().Include(o => o.History).Where(o => o.ReceivedAt < Now).ToListAsync());
}

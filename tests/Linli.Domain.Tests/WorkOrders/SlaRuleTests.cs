using Linli.Domain.Common;
using Linli.Domain.Sla;
using Linli.Domain.WorkOrders;
using static Linli.Domain.Tests.WorkOrders.WorkOrderBuilder;

namespace Linli.Domain.Tests.WorkOrders;

/// <summary>Pause and resume, warnings, missed deadlines and co-handling: the time rules of the order itself.</summary>
public class SlaRuleTests
{
    // In(Accepted): dispatched at T0+5 min with deadlines counted from T0 (respond +2 h, complete +3 d), accepted at T0+15 min.
    private static readonly DateTime Dispatched = T0;

    [Fact]
    public void Resume_moves_the_completion_deadline_by_the_paused_time()
    {
        var order = In(WorkOrderStatus.Accepted);
        var due = order.CompleteBy!.Value;
        var respondBy = order.RespondBy;

        order.AwaitResident("居民出差，下周二在家", Handler, T0.AddHours(1)).IsSuccess.ShouldBeTrue();
        order.IsPaused.ShouldBeTrue();
        order.AwaitResident("again", Handler, T0.AddHours(2)).Error!.Code.ShouldBe("WorkOrder.AlreadyPaused");
        order.Resume(ContinuousClock.Instance, "居民已回家", Handler, T0.AddHours(31)).IsSuccess.ShouldBeTrue();

        order.IsPaused.ShouldBeFalse();
        order.CompleteBy.ShouldBe(due.AddHours(30));
        order.CompletionWarningAt.ShouldBe(Dispatched.AddDays(2.4).AddHours(30));
        order.RespondBy.ShouldBe(respondBy);
        order.History.TakeLast(2).Select(h => h.Trigger).ShouldBe([WorkOrderTrigger.AwaitResident, WorkOrderTrigger.Resume]);
        order.Resume(ContinuousClock.Instance, null, Handler, T0.AddHours(32)).Error!.Code.ShouldBe("WorkOrder.NotPaused");
    }

    [Fact]
    public void Resume_on_the_working_calendar_moves_by_working_time_only()
    {
        var calendar = Linli.Domain.Tests.Sla.CalendarTests.Beijing();
        var order = In(WorkOrderStatus.Accepted);
        var due = order.CompleteBy!.Value; // Mon 2026-11-23 10:05 Beijing
        // Paused Friday 16:30 Beijing, resumed Monday 09:30: 1 h on Friday + 1 h on Monday of working time.
        var pausedAt = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        order.AwaitResident("等居民", Handler, pausedAt).IsSuccess.ShouldBeTrue();
        order.Resume(calendar, null, Handler, new DateTime(2026, 11, 23, 1, 30, 0, DateTimeKind.Utc)).IsSuccess.ShouldBeTrue();

        order.CompleteBy.ShouldBe(calendar.Add(due, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_paused_order_is_not_overdue_and_not_warned()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.AwaitResident("等居民", Handler, T0.AddHours(1)).IsSuccess.ShouldBeTrue();

        order.Warn(DeadlineKind.Completion, null, Actor.System, T0.AddDays(2.5)).Error!.Code.ShouldBe("WorkOrder.NothingToWarn");
        order.Supervise("催办", Dispatcher, T0.AddDays(10)).IsSuccess.ShouldBeTrue();
        order.OverdueAt.ShouldBeNull();
    }

    [Fact]
    public void A_warning_is_given_once_per_deadline()
    {
        var order = In(WorkOrderStatus.Dispatched);
        order.Warn(DeadlineKind.Response, null, Actor.System, T0.AddHours(1.7)).IsSuccess.ShouldBeTrue();
        order.ResponseWarningAt.ShouldBeNull();
        order.Warn(DeadlineKind.Response, null, Actor.System, T0.AddHours(1.8)).Error!.Code.ShouldBe("WorkOrder.NothingToWarn");
        order.Warn(DeadlineKind.Completion, null, Actor.System, T0.AddHours(1.8)).Error!.Code.ShouldBe("WorkOrder.NothingToWarn");

        // A fresh deadline (escalation) brings a fresh warning.
        order.Escalate(UnitB, "超时上报", Deadlines(T0.AddHours(3)), Actor.System, T0.AddHours(3)).IsSuccess.ShouldBeTrue();
        order.ResponseWarningAt.ShouldBe(T0.AddHours(3).AddHours(1.6));
    }

    [Fact]
    public void Accepting_before_the_response_deadline_is_on_time()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.ResponseOnTime.ShouldBe(true);
        order.OverdueAt.ShouldBeNull();
    }

    [Fact]
    public void Escalating_after_the_response_deadline_records_the_miss_and_a_later_accept_keeps_it()
    {
        var order = In(WorkOrderStatus.Dispatched);
        var late = Dispatched.AddHours(2).AddMinutes(1);

        order.Escalate(UnitB, "超时未接单", Deadlines(late), Actor.System, late).IsSuccess.ShouldBeTrue();
        order.Accept(Handler, late.AddMinutes(5)).IsSuccess.ShouldBeTrue();

        order.ResponseOnTime.ShouldBe(false);
        order.OverdueAt.ShouldBe(Dispatched.AddHours(2));
        order.EscalationLevel.ShouldBe(1);
    }

    [Fact]
    public void Completing_after_the_completion_deadline_marks_the_order_overdue()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Complete("修好了", Handler, Dispatched.AddDays(4)).IsSuccess.ShouldBeTrue();
        order.OverdueAt.ShouldBe(Dispatched.AddDays(3));
        order.ResponseOnTime.ShouldBe(true);
    }

    [Fact]
    public void Completion_waits_for_every_summoned_unit_to_report()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Summon([UnitB, UnitC], "占道经营涉及城管和市场监管", Dispatcher, T0.AddHours(1)).IsSuccess.ShouldBeTrue();
        order.History.TakeLast(2).Select(h => h.UnitId).ShouldBe([UnitB, UnitC]);
        order.Summon([UnitB], "再叫一次", Dispatcher, T0.AddHours(1)).Error!.Code.ShouldBe("WorkOrder.AlreadySummoned");
        order.Summon([UnitA], "叫自己", Dispatcher, T0.AddHours(1)).Error!.Code.ShouldBe("WorkOrder.CannotSummonOwnUnit");

        order.ReportCoHandling(UnitB, "已清理占道", Handler, T0.AddHours(2)).IsSuccess.ShouldBeTrue();
        order.ReportCoHandling(UnitB, "再报一次", Handler, T0.AddHours(2)).Error!.Code.ShouldBe("WorkOrder.AlreadyReported");
        order.ReportCoHandling(Guid.NewGuid(), "没被叫", Handler, T0.AddHours(2)).Error!.Code.ShouldBe("WorkOrder.NotSummoned");
        order.Complete("处理完毕", Handler, T0.AddHours(3)).Error!.Code.ShouldBe("WorkOrder.CoHandlingPending");

        order.ReportCoHandling(UnitC, "已处罚无证摊贩", Handler, T0.AddHours(3)).IsSuccess.ShouldBeTrue();
        order.Complete("处理完毕", Handler, T0.AddHours(4)).IsSuccess.ShouldBeTrue();
        order.CoHandlers.ShouldAllBe(c => c.ReportedAt != null);
    }
}

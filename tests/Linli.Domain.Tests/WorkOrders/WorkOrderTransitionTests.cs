using Linli.Domain.WorkOrders;
using static Linli.Domain.Tests.WorkOrders.WorkOrderBuilder;

namespace Linli.Domain.Tests.WorkOrders;

public class WorkOrderTransitionTests
{
    private static readonly Dictionary<(WorkOrderStatus, WorkOrderTrigger), WorkOrderStatus> Expected = new()
    {
        [(WorkOrderStatus.Received, WorkOrderTrigger.Dispatch)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Received, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Received,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Received, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Received,
        [(WorkOrderStatus.Received, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
        [(WorkOrderStatus.Received, WorkOrderTrigger.Cancel)] = WorkOrderStatus.Cancelled,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Accept)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Return)] = WorkOrderStatus.Received,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Transfer)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Escalate)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Complete)] = WorkOrderStatus.Completed,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Return)] = WorkOrderStatus.Received,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Transfer)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Escalate)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.RequestExtension)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.ApproveExtension)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.RejectExtension)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
        [(WorkOrderStatus.Completed, WorkOrderTrigger.Evaluate)] = WorkOrderStatus.Evaluated,
        [(WorkOrderStatus.Completed, WorkOrderTrigger.AutoClose)] = WorkOrderStatus.Closed,
        [(WorkOrderStatus.Evaluated, WorkOrderTrigger.FollowUp)] = WorkOrderStatus.Closed,
        [(WorkOrderStatus.Evaluated, WorkOrderTrigger.Reopen)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Merged, WorkOrderTrigger.Split)] = WorkOrderStatus.Received,
        [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Warn)] = WorkOrderStatus.Dispatched,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Warn)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.AwaitResident)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Resume)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.Summon)] = WorkOrderStatus.Accepted,
        [(WorkOrderStatus.Accepted, WorkOrderTrigger.ReportCoHandling)] = WorkOrderStatus.Accepted,
    };

    public static TheoryData<WorkOrderStatus, WorkOrderTrigger> AllPairs()
    {
        var data = new TheoryData<WorkOrderStatus, WorkOrderTrigger>();
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        {
            foreach (var trigger in Enum.GetValues<WorkOrderTrigger>())
            {
                data.Add(status, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_trigger_pair_follows_the_table(WorkOrderStatus status, WorkOrderTrigger trigger)
    {
        // Reopen is only legal after a negative verdict, so Evaluated orders are built with one.
        var order = In(status, negativeEvaluation: true);
        var historyBefore = order.History.Count;
        var versionBefore = order.Version;

        var result = Fire(order, trigger);

        if (Expected.TryGetValue((status, trigger), out var to))
        {
            result.IsSuccess.ShouldBeTrue(result.Error?.Code);
            order.Status.ShouldBe(to);
            var last = order.History[^1];
            last.Trigger.ShouldBe(trigger);
            last.To.ShouldBe(to);
            order.Version.ShouldBeGreaterThan(versionBefore);
        }
        else
        {
            result.IsSuccess.ShouldBeFalse();
            result.Error!.Code.ShouldBe("WorkOrder.InvalidTransition");
            order.Status.ShouldBe(status);
            order.Version.ShouldBe(versionBefore);
            order.History.Count.ShouldBe(historyBefore);
        }
    }

    [Fact]
    public void The_test_table_and_the_domain_table_agree()
    {
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        {
            foreach (var trigger in Enum.GetValues<WorkOrderTrigger>())
            {
                var legal = WorkOrderTransitions.TryGet(status, trigger, out var to);
                legal.ShouldBe(Expected.ContainsKey((status, trigger)), $"{status} × {trigger}");
                if (legal)
                {
                    to.ShouldBe(Expected[(status, trigger)]);
                }
            }
        }
    }

    [Fact]
    public void AllowedIn_lists_the_actions_of_a_state()
    {
        WorkOrderTransitions.AllowedIn(WorkOrderStatus.Completed).ShouldBe([WorkOrderTrigger.Evaluate, WorkOrderTrigger.AutoClose]);
        WorkOrderTransitions.AllowedIn(WorkOrderStatus.Closed).ShouldBeEmpty();
    }
}

using System.Collections.Frozen;

namespace Linli.Domain.WorkOrders;

/// <summary>
/// The one transition table of a work order: state × trigger → state. Every verb of <see cref="WorkOrder"/> consults it;
/// a pair that is not here is an illegal move (<c>WorkOrder.InvalidTransition</c>).
/// </summary>
public static class WorkOrderTransitions
{
    private static readonly FrozenDictionary<(WorkOrderStatus From, WorkOrderTrigger Trigger), WorkOrderStatus> Table =
        new Dictionary<(WorkOrderStatus, WorkOrderTrigger), WorkOrderStatus>
        {
            // 待派单: the dispatcher routes it, a duplicate is merged, or the reporter withdraws it.
            [(WorkOrderStatus.Received, WorkOrderTrigger.Dispatch)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Received, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Received,
            [(WorkOrderStatus.Received, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Received,
            [(WorkOrderStatus.Received, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
            [(WorkOrderStatus.Received, WorkOrderTrigger.Cancel)] = WorkOrderStatus.Cancelled,

            // 待接单: the unit accepts it, sends it back, passes it on or up.
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Accept)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Return)] = WorkOrderStatus.Received,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Transfer)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Escalate)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
            [(WorkOrderStatus.Dispatched, WorkOrderTrigger.Warn)] = WorkOrderStatus.Dispatched,

            // 办理中: the handler works on it; a new unit must accept again after a transfer or escalation.
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Complete)] = WorkOrderStatus.Completed,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Categorize)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Return)] = WorkOrderStatus.Received,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Transfer)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Escalate)] = WorkOrderStatus.Dispatched,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.RequestExtension)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.ApproveExtension)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.RejectExtension)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Supervise)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Merge)] = WorkOrderStatus.Merged,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Warn)] = WorkOrderStatus.Accepted,

            // Waiting for the resident pauses the completion clock (a flag, not a state: the order is still 办理中).
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.AwaitResident)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Resume)] = WorkOrderStatus.Accepted,

            // 街道吹哨、部门报到: co-handling units are called in and report while the lead unit handles the order.
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.Summon)] = WorkOrderStatus.Accepted,
            [(WorkOrderStatus.Accepted, WorkOrderTrigger.ReportCoHandling)] = WorkOrderStatus.Accepted,

            // 待评价: the resident rates it, or nobody does and it closes by itself.
            [(WorkOrderStatus.Completed, WorkOrderTrigger.Evaluate)] = WorkOrderStatus.Evaluated,
            [(WorkOrderStatus.Completed, WorkOrderTrigger.AutoClose)] = WorkOrderStatus.Closed,

            // 待回访: the follow-up visit closes it; an unresolved or unsatisfied verdict sends it back to the handler.
            [(WorkOrderStatus.Evaluated, WorkOrderTrigger.FollowUp)] = WorkOrderStatus.Closed,
            [(WorkOrderStatus.Evaluated, WorkOrderTrigger.Reopen)] = WorkOrderStatus.Accepted,

            // A wrong merge is undone: the order stands on its own again, waiting for dispatch.
            [(WorkOrderStatus.Merged, WorkOrderTrigger.Split)] = WorkOrderStatus.Received,
        }.ToFrozenDictionary();

    public static bool TryGet(WorkOrderStatus from, WorkOrderTrigger trigger, out WorkOrderStatus to) =>
        Table.TryGetValue((from, trigger), out to);

    /// <summary>The triggers allowed in a state: what the console offers as actions.</summary>
    public static IReadOnlyList<WorkOrderTrigger> AllowedIn(WorkOrderStatus from) =>
        [.. Table.Keys.Where(k => k.From == from).Select(k => k.Trigger).Order()];

    public static bool IsTerminal(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Closed or WorkOrderStatus.Cancelled => true,
        WorkOrderStatus.Merged => false, // a wrong merge can still be split
        WorkOrderStatus.Received or WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted
            or WorkOrderStatus.Completed or WorkOrderStatus.Evaluated => false,
    };
}

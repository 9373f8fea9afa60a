using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

/// <summary>
/// Who may fire which trigger on an order they can see. The transition table says what is possible; this says who.
/// Checked before the verb, so a forbidden caller learns nothing about the order's state.
/// </summary>
public static class WorkOrderPermissions
{
    public static readonly Error ActionNotAllowed = Error.Forbidden("WorkOrder.ActionNotAllowed");

    public static Error? Check(Caller caller, WorkOrder order, WorkOrderTrigger trigger)
    {
        var isReporter = caller.UserId is not null && order.ReporterUserId == caller.UserId;
        var isHandler = caller.IsMemberOf(order.UnitId);
        var isLeaderAbove = caller.InRole(Roles.GridLeader) && caller.Covers(order.UnitId ?? order.AreaUnitId);
        var allowed = trigger switch
        {
            WorkOrderTrigger.Dispatch or WorkOrderTrigger.Categorize => caller.IsCoordinator || isLeaderAbove,
            WorkOrderTrigger.Accept or WorkOrderTrigger.Complete or WorkOrderTrigger.RequestExtension or WorkOrderTrigger.Return =>
                isHandler || caller.IsAdmin,
            WorkOrderTrigger.Transfer or WorkOrderTrigger.Escalate => isHandler || caller.IsCoordinator || isLeaderAbove,
            WorkOrderTrigger.ApproveExtension or WorkOrderTrigger.RejectExtension or WorkOrderTrigger.Supervise =>
                caller.IsCoordinator || isLeaderAbove,
            WorkOrderTrigger.Evaluate or WorkOrderTrigger.Reopen => isReporter || caller.IsCoordinator,
            WorkOrderTrigger.FollowUp => caller.IsCoordinator || isLeaderAbove,
            WorkOrderTrigger.Merge or WorkOrderTrigger.Split => caller.IsCoordinator,
            WorkOrderTrigger.Cancel => isReporter || caller.IsAdmin,
            WorkOrderTrigger.Receive or WorkOrderTrigger.AutoClose or WorkOrderTrigger.Warn => false,
            WorkOrderTrigger.AwaitResident or WorkOrderTrigger.Resume => isHandler || caller.IsAdmin,
            // 街道吹哨: coordinators, a leader above, or the leader of the unit handling the order.
            WorkOrderTrigger.Summon => caller.IsCoordinator || isLeaderAbove || (order.UnitId is { } lead && caller.LeaderUnitIds.Contains(lead)),
            // 部门报到: members of a summoned unit.
            WorkOrderTrigger.ReportCoHandling => order.CoHandlers.Any(c => caller.IsMemberOf(c.UnitId)) || caller.IsAdmin,
        };
        if (allowed)
        {
            return null;
        }
        return trigger is WorkOrderTrigger.Accept or WorkOrderTrigger.Complete or WorkOrderTrigger.RequestExtension or WorkOrderTrigger.Return
            or WorkOrderTrigger.AwaitResident or WorkOrderTrigger.Resume or WorkOrderTrigger.ReportCoHandling
            ? WorkOrderErrors.NotYourUnit
            : trigger == WorkOrderTrigger.Cancel ? WorkOrderErrors.OnlyReporterMayAct : ActionNotAllowed;
    }

    /// <summary>The triggers this caller may fire now: what the console shows as buttons.</summary>
    public static IReadOnlyList<WorkOrderTrigger> AllowedFor(Caller caller, WorkOrder order) =>
        [.. WorkOrderTransitions.AllowedIn(order.Status).Where(t => Check(caller, order, t) is null)];
}

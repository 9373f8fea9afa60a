using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;

namespace Linli.Web.Features.WorkOrders;

/// <summary>Without <c>unitId</c> the order goes to the parent of the unit handling it now (one step up the ladder).</summary>
public sealed record EscalateWorkOrderRequest(Guid? UnitId, string? Reason);

/// <summary>逐级上报: beyond this unit's means, so the level above takes it with fresh deadlines.</summary>
public sealed class EscalateWorkOrderHandler(WorkOrderCommands commands, UnitLookup units, TimeLimits limits)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, EscalateWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Escalate, version, async (order, now, token) =>
        {
            var unit = request.UnitId is null
                ? await units.ParentOfAsync(order.UnitId, token)
                : await units.ActiveAsync(request.UnitId, token);
            return unit.IsSuccess
                ? order.Escalate(unit.Value.Id, request.Reason ?? "", await limits.ForAsync(order, now, token), caller.AsActor(), now)
                : unit.Error!;
        }, ct);
}

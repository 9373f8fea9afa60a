using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;

namespace Linli.Web.Features.WorkOrders;

public sealed record DispatchWorkOrderRequest(Guid? UnitId, string? Comment);

/// <summary>派单: a dispatcher sends a received order to a unit; the unit's deadlines start now.</summary>
public sealed class DispatchWorkOrderHandler(WorkOrderCommands commands, UnitLookup units, TimeLimits limits)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, DispatchWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Dispatch, version, async (order, now, token) =>
        {
            var unit = await units.ActiveAsync(request.UnitId, token);
            if (!unit.IsSuccess)
            {
                return unit.Error!;
            }
            return request.Comment?.Length > WorkOrder.MaxNoteLength
                ? WorkOrderErrors.TextTooLong
                : order.Dispatch(unit.Value.Id, await limits.ForAsync(order, now, token), caller.AsActor(), now, request.Comment);
        }, ct);
}

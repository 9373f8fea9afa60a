using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;

namespace Linli.Web.Features.WorkOrders;

public sealed record TransferWorkOrderRequest(Guid? UnitId, string? Reason);

/// <summary>转办: hand the order to another unit, which must accept it anew.</summary>
public sealed class TransferWorkOrderHandler(WorkOrderCommands commands, UnitLookup units, TimeLimits limits)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, TransferWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Transfer, version, async (order, now, token) =>
        {
            var unit = await units.ActiveAsync(request.UnitId, token);
            return unit.IsSuccess
                ? order.Transfer(unit.Value.Id, request.Reason ?? "", await limits.ForAsync(order, now, token), caller.AsActor(), now)
                : unit.Error!;
        }, ct);
}

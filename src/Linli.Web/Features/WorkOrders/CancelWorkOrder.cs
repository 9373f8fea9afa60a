using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record CancelWorkOrderRequest(string? Reason);

/// <summary>撤回: the reporter withdraws the request before it was dispatched.</summary>
public sealed class CancelWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, CancelWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Cancel, version,
            (order, now, _) => Task.FromResult(order.Cancel(request.Reason, caller.AsActor(), now)), ct);
}

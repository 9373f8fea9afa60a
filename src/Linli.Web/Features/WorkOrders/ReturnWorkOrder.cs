using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record ReturnWorkOrderRequest(string? Reason);

/// <summary>退单: the unit says the order is not theirs; it goes back to the dispatcher's queue.</summary>
public sealed class ReturnWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, ReturnWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Return, version,
            (order, now, _) => Task.FromResult(order.Return(request.Reason ?? "", caller.AsActor(), now)), ct);
}

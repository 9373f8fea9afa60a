using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

/// <summary>接单: the unit it was sent to takes it on.</summary>
public sealed class AcceptWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Accept, version,
            (order, now, _) => Task.FromResult(order.Accept(caller.AsActor(), now)), ct);
}

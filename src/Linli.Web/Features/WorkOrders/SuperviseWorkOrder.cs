using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record SuperviseWorkOrderRequest(string? Note);

/// <summary>督办: a superior presses an order; the note goes into its history.</summary>
public sealed class SuperviseWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, SuperviseWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Supervise, version,
            (order, now, _) => Task.FromResult(order.Supervise(request.Note ?? "", caller.AsActor(), now)), ct);
}

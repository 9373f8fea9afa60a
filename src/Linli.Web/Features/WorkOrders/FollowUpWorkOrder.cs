using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record FollowUpWorkOrderRequest(string? Note);

/// <summary>回访: the visit or call after the evaluation; it closes and archives the order.</summary>
public sealed class FollowUpWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, FollowUpWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.FollowUp, version,
            (order, now, _) => Task.FromResult(order.FollowUp(request.Note ?? "", caller.AsActor(), now)), ct);
}

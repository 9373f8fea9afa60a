using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;

namespace Linli.Web.Features.WorkOrders;

public sealed record ReopenWorkOrderRequest(string? Reason);

/// <summary>重办: an unresolved or unsatisfied verdict sends the order back to its handler with fresh deadlines.</summary>
public sealed class ReopenWorkOrderHandler(WorkOrderCommands commands, TimeLimits limits)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, ReopenWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Reopen, version,
            async (order, now, token) => order.Reopen(request.Reason ?? "", caller.AsActor(), now, await limits.ForAsync(order, now, token)), ct);
}

using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record EvaluateWorkOrderRequest(bool Resolved, Satisfaction Satisfaction, string? Comment);

/// <summary>评价: the resident (or a dispatcher on the phone for them) says whether it was resolved and how satisfied they are.</summary>
public sealed class EvaluateWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, EvaluateWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Evaluate, version,
            (order, now, _) => Task.FromResult(order.Evaluate(request.Resolved, request.Satisfaction, request.Comment, caller.AsActor(), now)), ct);
}

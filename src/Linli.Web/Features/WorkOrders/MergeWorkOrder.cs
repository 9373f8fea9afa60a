using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record MergeWorkOrderRequest(Guid? ParentId, string? Reason);

public sealed record SplitWorkOrderRequest(string? Reason);

/// <summary>合并: the same incident is already an order; this one follows it. 拆分 undoes a wrong merge.</summary>
public sealed class MergeWorkOrderHandler(WorkOrderCommands commands)
{
    public Task<Result<WorkOrderDetails>> MergeAsync(Guid id, MergeWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Merge, version, async (order, now, token) =>
        {
            var parent = request.ParentId is { } parentId ? await commands.FindVisibleAsync(parentId, caller, token) : null;
            if (parent is null)
            {
                return WorkOrderErrors.InvalidMergeParent;
            }
            return request.Reason?.Length > WorkOrder.MaxNoteLength ? WorkOrderErrors.TextTooLong : order.Merge(parent, request.Reason, caller.AsActor(), now);
        }, ct);

    public Task<Result<WorkOrderDetails>> SplitAsync(Guid id, SplitWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Split, version,
            (order, now, _) => Task.FromResult(order.Split(request.Reason ?? "", caller.AsActor(), now)), ct);
}

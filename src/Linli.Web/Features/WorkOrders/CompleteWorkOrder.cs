using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Intake;

namespace Linli.Web.Features.WorkOrders;

public sealed record CompleteWorkOrderRequest(string? Result, IReadOnlyList<Guid>? AttachmentIds);

/// <summary>办结: the handler reports what was done, optionally with photos of the result.</summary>
public sealed class CompleteWorkOrderHandler(WorkOrderCommands commands, AttachmentLinker attachments)
{
    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, CompleteWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Complete, version, async (order, now, token) =>
        {
            var linked = await attachments.LinkAsync(request.AttachmentIds, order.Id, AttachmentPurpose.Result, caller, token);
            return linked.IsSuccess ? order.Complete(request.Result ?? "", caller.AsActor(), now) : linked.Error!;
        }, ct);
}

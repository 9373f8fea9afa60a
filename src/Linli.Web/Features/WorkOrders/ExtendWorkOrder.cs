using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record RequestExtensionRequest(DateTime? Until, string? Reason);

public sealed record DecideExtensionRequest(string? Comment);

/// <summary>延期: the handler asks for a later completion deadline; a dispatcher, supervisor or grid leader decides.</summary>
public sealed class ExtendWorkOrderHandler(WorkOrderCommands commands)
{
    public static readonly Error UntilRequired = Error.Validation("WorkOrder.ExtensionMustBeLater");

    public Task<Result<WorkOrderDetails>> RequestAsync(Guid id, RequestExtensionRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.RequestExtension, version, (order, now, _) => Task.FromResult(
            request.Until is { } until
                ? order.RequestExtension(until.ToUniversalTime(), request.Reason ?? "", caller.AsActor(), now)
                : UntilRequired), ct);

    public Task<Result<WorkOrderDetails>> ApproveAsync(Guid id, DecideExtensionRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.ApproveExtension, version,
            (order, now, _) => Task.FromResult(request.Comment?.Length > WorkOrder.MaxNoteLength
                ? WorkOrderErrors.TextTooLong
                : order.ApproveExtension(request.Comment, caller.AsActor(), now)), ct);

    public Task<Result<WorkOrderDetails>> RejectAsync(Guid id, DecideExtensionRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.RejectExtension, version,
            (order, now, _) => Task.FromResult(order.RejectExtension(request.Comment ?? "", caller.AsActor(), now)), ct);
}

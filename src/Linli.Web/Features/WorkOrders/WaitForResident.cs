using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;

namespace Linli.Web.Features.WorkOrders;

public sealed record AwaitResidentRequest(string? Reason);

public sealed record ResumeWorkOrderRequest(string? Note);

/// <summary>
/// 等待居民: the handler pauses the completion clock while the resident is unavailable, and resumes it; on resume the
/// deadline moves by the paused time on the order's own clock (working minutes or all minutes).
/// </summary>
public sealed class WaitForResidentHandler(WorkOrderCommands commands, TimeLimits limits)
{
    public Task<Result<WorkOrderDetails>> PauseAsync(Guid id, AwaitResidentRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.AwaitResident, version,
            (order, now, _) => Task.FromResult(order.AwaitResident(request.Reason ?? "", caller.AsActor(), now)), ct);

    public Task<Result<WorkOrderDetails>> ResumeAsync(Guid id, ResumeWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Resume, version,
            async (order, now, token) => order.Resume(await limits.ClockForAsync(order, token), request.Note, caller.AsActor(), now), ct);
}

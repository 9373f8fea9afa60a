using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

public sealed record SummonUnitsRequest(IReadOnlyList<Guid>? UnitIds, string? Note);

/// <summary><c>unitId</c> is needed only when the caller belongs to more than one summoned unit.</summary>
public sealed record ReportCoHandlingRequest(string? Note, Guid? UnitId);

/// <summary>
/// 街道吹哨、部门报到: the lead unit's leader (or a coordinator) summons departments; each summoned unit reports its part.
/// The lead unit completes the order only after every summoned unit has reported (<c>WorkOrder.CoHandlingPending</c>).
/// </summary>
public sealed class CoHandleWorkOrderHandler(WorkOrderCommands commands, UnitLookup units)
{
    public const int MaxUnits = 20;
    public static readonly Error TooManyUnits = Error.Validation("WorkOrder.TooManyUnits");

    public Task<Result<WorkOrderDetails>> SummonAsync(Guid id, SummonUnitsRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Summon, version, async (order, now, token) =>
        {
            var ids = request.UnitIds ?? [];
            if (ids.Count > MaxUnits)
            {
                return TooManyUnits;
            }
            foreach (var unitId in ids)
            {
                var unit = await units.ActiveAsync(unitId, token);
                if (!unit.IsSuccess)
                {
                    return unit.Error!;
                }
            }
            return order.Summon(ids, request.Note ?? "", caller.AsActor(), now);
        }, ct);

    public Task<Result<WorkOrderDetails>> ReportAsync(Guid id, ReportCoHandlingRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.ReportCoHandling, version, (order, now, _) =>
        {
            var mine = order.CoHandlers.Where(c => caller.IsMemberOf(c.UnitId) || (caller.IsAdmin && request.UnitId == c.UnitId))
                .OrderBy(c => c.ReportedAt is null ? 0 : 1).Select(c => c.UnitId).ToList();
            var unitId = request.UnitId is { } named ? (mine.Contains(named) ? named : (Guid?)null) : mine.FirstOrDefault();
            return Task.FromResult(unitId is { } u && u != Guid.Empty
                ? order.ReportCoHandling(u, request.Note ?? "", caller.AsActor(), now)
                : Result<Done>.Failure(WorkOrderErrors.NotSummoned));
        }, ct);
}

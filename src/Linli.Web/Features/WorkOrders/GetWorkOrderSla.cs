using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders;

public sealed record CoHandlerDetails(Guid UnitId, string? UnitName, DateTime SummonedAt, string SummonNote, DateTime? ReportedAt, string? ReportNote);

public sealed record WorkOrderSlaDetails(
    Guid Id,
    WorkOrderStatus Status,
    string Clock,
    int ResponseMinutes,
    int CompletionMinutes,
    Guid? PolicyId,
    DateTime? RespondBy,
    DateTime? CompleteBy,
    DateTime? ResponseWarningAt,
    DateTime? CompletionWarningAt,
    DateTime? PausedAt,
    bool? ResponseOnTime,
    DateTime? OverdueAt,
    int EscalationLevel,
    IReadOnlyList<CoHandlerDetails> CoHandlers);

/// <summary>An order's time limits as they stand: the policy it runs on, deadlines, pause, warnings, co-handling units.</summary>
public sealed class GetWorkOrderSlaHandler(LinliDbContext db, TimeLimits limits, UnitTree units)
{
    public async Task<WorkOrderSlaDetails?> HandleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var order = await db.WorkOrders.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return null;
        }
        var policy = await limits.PolicyForAsync(order, ct);
        var tree = await units.GetAsync(ct);
        return new WorkOrderSlaDetails(order.Id, order.Status, ManageTimeLimitPoliciesHandler.ClockName(policy.Clock), policy.ResponseMinutes,
            policy.CompletionMinutes, policy.PolicyId, order.RespondBy, order.CompleteBy, order.ResponseWarningAt, order.CompletionWarningAt,
            order.PausedAt, order.ResponseOnTime, order.OverdueAt, order.EscalationLevel,
            [.. order.CoHandlers.OrderBy(c => c.SummonedAt).Select(c => new CoHandlerDetails(c.UnitId, tree.Find(c.UnitId)?.Name, c.SummonedAt, c.SummonNote, c.ReportedAt, c.ReportNote))]);
    }
}

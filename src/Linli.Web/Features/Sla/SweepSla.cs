using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Sla;

public sealed record SlaSweepResult(int Escalated, int Warned, int Skipped);

/// <summary>
/// One pass of the SLA sweeper: escalates overdue orders one level up the unit tree (grid → community → street → the
/// district leader), then warns the units whose share of a limit has passed. Due rows are found by index; each order is
/// changed through its verb and saved with its version, so when two instances sweep at once the second write is refused
/// and skipped — an order is never escalated or warned twice for the same deadline.
/// </summary>
public sealed class SlaSweepHandler(LinliDbContext db, TimeLimits limits, UnitTree units, WorkOrderNotifier notifier, SiteTime site,
    TimeProvider clock, ILogger<SlaSweepHandler> logger)
{
    private const int Batch = 500;

    public async Task<SlaSweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tree = await units.GetAsync(ct);
        // Orders at the top of the ladder have nowhere to climb: leave them to the people watching the top.
        var topUnits = tree.All.Where(u => u.ParentId is null || tree.Find(u.ParentId.Value) is not { IsActive: true }).Select(u => u.Id).ToList();
        var escalated = 0;
        var warned = 0;
        var skipped = 0;

        var overdue = await db.WorkOrders.AsNoTracking()
            .Where(o => o.UnitId != null && !topUnits.Contains(o.UnitId.Value)
                && ((o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now)
                    || (o.Status == WorkOrderStatus.Accepted && o.PausedAt == null && o.CompleteBy < now)))
            .OrderBy(o => o.ReceivedAt).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in overdue)
        {
            switch (await EscalateAsync(id, tree, now, ct))
            {
                case true: escalated++; break;
                case false: skipped++; break;
                case null: break;
            }
        }

        var warnings = await db.WorkOrders.AsNoTracking()
            .Where(o => (o.Status == WorkOrderStatus.Dispatched && o.ResponseWarningAt <= now)
                || (o.Status == WorkOrderStatus.Accepted && o.PausedAt == null && o.CompletionWarningAt <= now))
            .OrderBy(o => o.ReceivedAt).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in warnings)
        {
            switch (await WarnAsync(id, now, ct))
            {
                case true: warned++; break;
                case false: skipped++; break;
                case null: break;
            }
        }
        if (escalated + warned + skipped > 0)
        {
            logger.LogInformation("SLA sweep: {Escalated} escalated, {Warned} warned, {Skipped} skipped (changed meanwhile)", escalated, warned, skipped);
        }
        return new SlaSweepResult(escalated, warned, skipped);
    }

    /// <returns>true when escalated, false when another writer won, null when there was nothing to do after all.</returns>
    private async Task<bool?> EscalateAsync(Guid id, UnitTree.Snapshot tree, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var order = await db.WorkOrders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order?.UnitId is not { } unitId || tree.ParentOf(unitId) is not { IsActive: true } parent)
        {
            return null;
        }
        var response = order.Status == WorkOrderStatus.Dispatched && order.RespondBy < now;
        var completion = order.Status == WorkOrderStatus.Accepted && !order.IsPaused && order.CompleteBy < now;
        if (!response && !completion)
        {
            return null; // someone acted since the query
        }
        var due = site.ToLocal((response ? order.RespondBy : order.CompleteBy)!.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var reason = NotificationTexts.Format(response ? "Sla.EscalateResponse" : "Sla.EscalateCompletion", due);
        var before = order.History.Count;
        var deadlines = await limits.ForAsync(order, now, ct);
        if (!order.Escalate(parent.Id, reason, deadlines, Actor.System, now).IsSuccess)
        {
            return null;
        }
        await notifier.AddAsync(order, before, unitId, ct);
        return await SaveAsync(id, ct);
    }

    private async Task<bool?> WarnAsync(Guid id, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var order = await db.WorkOrders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return null;
        }
        var kind = order.Status == WorkOrderStatus.Dispatched ? DeadlineKind.Response : DeadlineKind.Completion;
        var (warnAt, due) = kind == DeadlineKind.Response ? (order.ResponseWarningAt, order.RespondBy) : (order.CompletionWarningAt, order.CompleteBy);
        if (warnAt is null || warnAt > now || due is null)
        {
            return null;
        }
        var comment = NotificationTexts.Format("Sla.WarnComment",
            NotificationTexts.Get(kind == DeadlineKind.Response ? "Deadline.Response" : "Deadline.Completion"), limits.WarnShare,
            site.ToLocal(due.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var before = order.History.Count;
        if (!order.Warn(kind, comment, Actor.System, now).IsSuccess)
        {
            return null;
        }
        await notifier.AddAsync(order, before, order.UnitId, ct);
        return await SaveAsync(id, ct);
    }

    private async Task<bool> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Another sweeper (or a person) changed the order first: its version or the history sequence is taken.
            logger.LogInformation("Order {Id} changed during the SLA sweep; left to the other writer ({Error})", id, ex.GetType().Name);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

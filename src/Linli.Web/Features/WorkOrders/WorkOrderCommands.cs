using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Notifications;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders;

/// <summary>What a use case does to a loaded order: check its own inputs and call one verb.</summary>
public delegate Task<Result<Done>> WorkOrderAction(WorkOrder order, DateTime now, CancellationToken ct);

/// <summary>
/// The shared steps of every state change: load the order the caller can see, check who may fire the trigger,
/// check the client's version (If-Match), run the verb, save with optimistic concurrency, and return the new details.
/// Each use case file (DispatchWorkOrder, AcceptWorkOrder, ...) supplies only its own step.
/// </summary>
public sealed class WorkOrderCommands(LinliDbContext db, GetWorkOrderHandler details, TimeProvider clock, WorkOrderNotifier notifier, Dashboard.IWorkOrderEvents events)
{
    public async Task<Result<WorkOrderDetails>> RunAsync(Guid id, Caller caller, WorkOrderTrigger trigger, int? expectedVersion,
        WorkOrderAction action, CancellationToken ct)
    {
        var order = await db.WorkOrders.Include(o => o.History).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return WorkOrderErrors.NotFound;
        }
        if (WorkOrderPermissions.Check(caller, order, trigger) is { } forbidden)
        {
            return forbidden;
        }
        if (expectedVersion is { } version && version != order.Version)
        {
            return WorkOrderErrors.ConcurrentUpdate;
        }
        var loadedVersion = order.Version;
        var (historyBefore, unitBefore) = (order.History.Count, order.UnitId);
        var result = await action(order, clock.GetUtcNow().UtcDateTime, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        // Notifications and outbox rows join this unit of work: written with the change, or not at all.
        await notifier.AddAsync(order, historyBefore, unitBefore, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved the order between our read and our write: theirs stands, ours is refused.
            return WorkOrderErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException)
        {
            // The same race, caught first by the unique (order, sequence) index of the history.
            if (await ChangedSinceAsync(id, loadedVersion, ct))
            {
                return WorkOrderErrors.ConcurrentUpdate;
            }
            throw;
        }
        await events.PublishAsync(order.Id, ct);
        return await details.ProjectAsync(order, caller, ct);
    }

    private async Task<bool> ChangedSinceAsync(Guid id, int version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.WorkOrders.AsNoTracking().Where(o => o.Id == id).Select(o => o.Version).FirstAsync(ct) != version;
    }

    /// <summary>Loads another visible order (e.g. a merge parent), untracked checks aside.</summary>
    public Task<WorkOrder?> FindVisibleAsync(Guid id, Caller caller, CancellationToken ct) =>
        db.WorkOrders.Include(o => o.History).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
}

using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Notifications;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders;

/// <summary>
/// Closes orders that waited for an evaluation longer than <c>Linli:AutoCloseAfterDays</c> (default 7).
/// Safe on several instances at once: each order is saved with its version, so a second sweeper's write is refused and skipped.
/// </summary>
public sealed class AutoCloseWorkOrdersHandler(LinliDbContext db, TimeProvider clock, IConfiguration configuration, ILogger<AutoCloseWorkOrdersHandler> logger,
    WorkOrderNotifier notifier)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-configuration.GetValue("Linli:AutoCloseAfterDays", 7));
        var due = await db.WorkOrders.Where(o => o.Status == WorkOrderStatus.Completed && o.CompletedAt < cutoff)
            .OrderBy(o => o.CompletedAt).Select(o => o.Id).Take(500).ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var order = await db.WorkOrders.Include(o => o.History).FirstAsync(o => o.Id == id, ct);
            var before = order.History.Count;
            if (!order.AutoClose(Actor.System, now).IsSuccess)
            {
                continue;
            }
            await notifier.AddAsync(order, before, order.UnitId, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Order {Id} changed while auto-closing; left to its new state", id);
            }
        }
        return closed;
    }
}

/// <summary>Runs the auto-close sweep every few minutes inside the host.</summary>
public sealed class AutoCloseSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AutoCloseSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var closed = await scope.ServiceProvider.GetRequiredService<AutoCloseWorkOrdersHandler>().RunAsync(stoppingToken);
                if (closed > 0)
                {
                    logger.LogInformation("Auto-closed {Count} orders without evaluation", closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Auto-close sweep failed; will try again");
            }
        }
    }
}

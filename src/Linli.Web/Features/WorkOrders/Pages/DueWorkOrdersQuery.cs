using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders.Pages;

public enum DueKind
{
    /// <summary>即将超时: not late yet, but the respond deadline is within an hour or the complete deadline within a day.</summary>
    Soon,
    /// <summary>已超时: not accepted by its respond deadline, or not completed by its complete deadline.</summary>
    Overdue,
}

/// <summary>
/// The console's two deadline tabs. The work-order list API has no deadline filter yet, so this query applies the same
/// scope (<see cref="WorkOrderScope.VisibleTo"/>), the same masking and the same projection as <see cref="ListWorkOrdersHandler"/>.
/// </summary>
public sealed class DueWorkOrdersQuery(LinliDbContext db, UnitTree units, TimeProvider clock)
{
    public static readonly TimeSpan RespondSoon = TimeSpan.FromHours(1);
    public static readonly TimeSpan CompleteSoon = TimeSpan.FromHours(24);

    public async Task<PagedList<WorkOrderSummary>> HandleAsync(DueKind kind, ListWorkOrdersQuery filter, Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var respondSoon = now + RespondSoon;
        var completeSoon = now + CompleteSoon;
        var orders = db.WorkOrders.AsNoTracking().VisibleTo(caller)
            .Where(o => o.Status == WorkOrderStatus.Dispatched || o.Status == WorkOrderStatus.Accepted);
        orders = kind switch
        {
            DueKind.Overdue => orders.Where(o => (o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now) || o.CompleteBy < now),
            DueKind.Soon => orders.Where(o => !((o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now) || o.CompleteBy < now))
                .Where(o => (o.Status == WorkOrderStatus.Dispatched && o.RespondBy < respondSoon) || o.CompleteBy < completeSoon),
        };
        if (filter.UnitId is { } unitId)
        {
            orders = orders.Where(o => o.UnitId == unitId);
        }
        if (filter.CategoryId is { } categoryId)
        {
            orders = orders.Where(o => o.CategoryId == categoryId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Channel) && Enum.TryParse<Channel>(filter.Channel, out var channel))
        {
            orders = orders.Where(o => o.Channel == channel);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            orders = orders.Where(o => o.Number.Contains(q) || o.Description.Contains(q) || (o.Title != null && o.Title.Contains(q)));
        }
        var page = Math.Max(1, filter.Page ?? 1);
        var pageSize = Math.Clamp(filter.PageSize ?? 20, 1, ListWorkOrdersHandler.MaxPageSize);
        var total = await orders.CountAsync(ct);
        var rows = await orders.OrderBy(o => o.CompleteBy).ThenBy(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id,
                o.Number,
                o.Status,
                o.Channel,
                o.Title,
                o.Description,
                o.CategoryId,
                o.Urgency,
                o.UnitId,
                o.ParentId,
                o.ReporterName,
                o.ReporterPhoneMasked,
                o.AddressText,
                o.ReceivedAt,
                o.RespondBy,
                o.CompleteBy,
            })
            .ToListAsync(ct);
        var tree = await units.GetAsync(ct);
        var items = rows.Select(o => new WorkOrderSummary(o.Id, o.Number, o.Status, o.Channel, o.Title,
                o.Description.Length > 120 ? o.Description[..120] + "…" : o.Description,
                o.CategoryId, o.Urgency, o.UnitId, o.UnitId is { } u ? tree.Find(u)?.Name : null, o.ParentId,
                PersonalData.MaskName(o.ReporterName), o.ReporterPhoneMasked, o.AddressText, o.ReceivedAt, o.RespondBy, o.CompleteBy))
            .ToList();
        return new PagedList<WorkOrderSummary>(items, page, pageSize, total);
    }
}

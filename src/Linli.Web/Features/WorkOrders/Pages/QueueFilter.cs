using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>The tabs of "my queue": two by state, two by deadline, and everything visible.</summary>
public enum QueueTab
{
    Pending,
    Doing,
    Soon,
    Overdue,
    All,
}

/// <summary>The query string shared by the queue, its htmx partial and the Excel export.</summary>
public sealed class QueueFilter
{
    public QueueTab Tab { get; set; } = QueueTab.Pending;
    public Guid? Category { get; set; }
    public Channel? Channel { get; set; }
    public string? Q { get; set; }
    public bool Mine { get; set; }
    public int Page { get; set; } = 1;

    public ListWorkOrdersQuery ToQuery(Caller caller, int pageSize) => new(
        Tab switch
        {
            QueueTab.Pending => nameof(WorkOrderStatus.Dispatched),
            QueueTab.Doing => nameof(WorkOrderStatus.Accepted),
            QueueTab.Soon or QueueTab.Overdue or QueueTab.All => null,
        },
        Mine ? MyUnit(caller) : null,
        Category,
        Channel?.ToString(),
        null,
        null,
        string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 100)],
        Tab is QueueTab.Pending or QueueTab.Doing ? "completeBy" : null,
        Math.Max(1, Page),
        pageSize);

    /// <summary>A handler's own unit: "mine" narrows the queue to the orders their unit must act on.</summary>
    public static Guid? MyUnit(Caller caller) => caller.UnitIds.Count > 0 ? caller.UnitIds.Order().First() : null;

    public string ToQueryString(int? page = null, QueueTab? tab = null)
    {
        var parts = new List<string> { "tab=" + (tab ?? Tab) };
        if (Category is { } c)
        {
            parts.Add("category=" + c);
        }
        if (Channel is { } ch)
        {
            parts.Add("channel=" + ch);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }
        if (Mine)
        {
            parts.Add("mine=true");
        }
        if (page is { } p && p > 1)
        {
            parts.Add("page=" + p);
        }
        return string.Join('&', parts);
    }
}

public sealed record CategoryOption(Guid Id, string Name, int Level);

/// <summary>Lookups the console's forms need: categories (as the categories API lists them) and handling units.</summary>
public static class ConsoleLookups
{
    public static Task<List<CategoryOption>> CategoriesAsync(LinliDbContext db, CancellationToken ct) =>
        db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new CategoryOption(c.Id, c.Name, c.Level)).ToListAsync(ct);
}

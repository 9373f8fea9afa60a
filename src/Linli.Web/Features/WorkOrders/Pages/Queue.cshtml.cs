using Linli.Web.Features.Accounts;
using Linli.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>我的工单: the caller's queue by tab, filtered; htmx swaps only the list when a filter changes.</summary>
public sealed class QueueModel(QueueQuery queue, CallerFactory callers, LinliDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public QueueFilter Filter { get; set; } = new();

    public PagedList<WorkOrderSummary> Orders { get; private set; } = new([], 1, PageSize, 0);
    public Dictionary<QueueTab, int> Counts { get; } = [];
    public List<CategoryOption> Categories { get; private set; } = [];
    public bool CanBeMine { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        CanBeMine = caller.IsHandler && QueueFilter.MyUnit(caller) is not null;
        if (!Request.Query.ContainsKey("mine") && caller.IsHandler && !caller.IsCoordinator)
        {
            // A handler starts with the orders of their own unit; dispatchers with the whole area they cover.
            Filter.Mine = CanBeMine;
        }
        Orders = await queue.LoadAsync(Filter, caller, PageSize, ct);
        if (Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-Boosted"))
        {
            return Partial("_QueueList", this);
        }
        foreach (var tab in Enum.GetValues<QueueTab>())
        {
            var probe = new QueueFilter { Tab = tab, Category = Filter.Category, Channel = Filter.Channel, Q = Filter.Q, Mine = Filter.Mine };
            Counts[tab] = tab == Filter.Tab ? Orders.Total : (await queue.LoadAsync(probe, caller, 1, ct)).Total;
        }
        Categories = await ConsoleLookups.CategoriesAsync(db, ct);
        return Page();
    }
}

/// <summary>One tab of the queue: state tabs through the list handler the API uses, deadline tabs through the due query.</summary>
public sealed class QueueQuery(ListWorkOrdersHandler list, DueWorkOrdersQuery due)
{
    public async Task<PagedList<WorkOrderSummary>> LoadAsync(QueueFilter filter, Caller caller, int pageSize, CancellationToken ct)
    {
        var query = filter.ToQuery(caller, pageSize);
        if (filter.Tab is QueueTab.Soon or QueueTab.Overdue)
        {
            return await due.HandleAsync(filter.Tab == QueueTab.Soon ? DueKind.Soon : DueKind.Overdue, query, caller, ct);
        }
        var result = await list.HandleAsync(query, caller, ct);
        return result.IsSuccess ? result.Value : new PagedList<WorkOrderSummary>([], 1, pageSize, 0);
    }
}

using System.Globalization;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>导出: the queue's current tab and filters as an Excel workbook, page by page through the same queries.</summary>
public sealed class ExportModel(QueueQuery queue, CallerFactory callers, WorkOrderExport export, SiteTime site) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public QueueFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        var rows = new List<WorkOrderSummary>();
        for (var page = 1; rows.Count < WorkOrderExport.MaxRows; page++)
        {
            Filter.Page = page;
            var batch = await queue.LoadAsync(Filter, caller, ListWorkOrdersHandler.MaxPageSize, ct);
            rows.AddRange(batch.Items);
            if (batch.Items.Count < ListWorkOrdersHandler.MaxPageSize)
            {
                break;
            }
        }
        var name = "linli-work-orders-" + site.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".xlsx";
        return File(export.Build(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}

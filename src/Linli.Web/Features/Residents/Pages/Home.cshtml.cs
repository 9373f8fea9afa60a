using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.Residents.Pages;

/// <summary>H5 home for residents (and grid members on patrol): report, follow my requests.</summary>
public sealed class HomeModel(ListWorkOrdersHandler list, CallerFactory callers) : PageModel
{
    public IReadOnlyList<WorkOrderSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        if (caller.IsResident)
        {
            var result = await list.HandleAsync(new ListWorkOrdersQuery(null, null, null, null, null, null, null, null, 1, 3), caller, ct);
            Recent = result.IsSuccess ? result.Value.Items : [];
        }
    }
}

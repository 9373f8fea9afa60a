using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.Residents.Pages;

/// <summary>我的诉求: the caller's own orders (the list handler scopes a resident to what they reported), newest first.</summary>
public sealed class MyModel(ListWorkOrdersHandler list, CallerFactory callers) : PageModel
{
    public IReadOnlyList<WorkOrderSummary> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_MyList", this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        var result = await list.HandleAsync(new ListWorkOrdersQuery(null, null, null, null, null, null, null, null, 1, 50), caller, ct);
        Orders = result.IsSuccess ? result.Value.Items : [];
    }
}

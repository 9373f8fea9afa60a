using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.Residents.Pages;

/// <summary>One of my requests on the phone: progress (refreshed live), the reply, the record, and evaluate / reopen / cancel.</summary>
public sealed class MyOrderModel(GetWorkOrderHandler get, CallerFactory callers, IStringLocalizer<PageText> t, IStringLocalizer<ErrorMessages> errors) : PageModel
{
    public WorkOrderDetails Order { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Partial("_MyOrderProgress", this) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var order = await get.HandleAsync(id, await callers.GetAsync(HttpContext, ct), ct);
        if (order is null)
        {
            return false;
        }
        Order = order;
        return true;
    }

    public Task<IActionResult> OnPostEvaluateAsync(Guid id, bool resolved, Satisfaction satisfaction, string? comment, [FromServices] EvaluateWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Evaluate, (c, ct) => handler.HandleAsync(id, new EvaluateWorkOrderRequest(resolved, satisfaction, comment), c, Version, ct));

    public Task<IActionResult> OnPostReopenAsync(Guid id, string? reason, [FromServices] ReopenWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Reopen, (c, ct) => handler.HandleAsync(id, new ReopenWorkOrderRequest(reason), c, Version, ct));

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, [FromServices] CancelWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Cancel, (c, ct) => handler.HandleAsync(id, new CancelWorkOrderRequest(reason), c, Version, ct));

    private async Task<IActionResult> ActAsync(Guid id, WorkOrderTrigger trigger, Func<Caller, CancellationToken, Task<Result<WorkOrderDetails>>> act)
    {
        var ct = HttpContext.RequestAborted;
        var result = await act(await callers.GetAsync(HttpContext, ct), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = trigger == WorkOrderTrigger.Evaluate ? t["H5.My.Evaluated"].Value : t["Details.Done", t.Trigger(trigger)].Value;
        }
        else
        {
            TempData["FlashError"] = errors.ErrorText(result.Error!.Code);
        }
        return LocalRedirect($"/h5/my/{id}");
    }
}

using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>
/// 分拨台: the orders nobody could route (the classification slice's triage queue) with the classifier's suggestions.
/// One click confirms or corrects the category (CategorizeWorkOrderHandler) and dispatches (DispatchWorkOrderHandler).
/// </summary>
public sealed class TriageModel(TriageQueueHandler triage, CallerFactory callers, UnitTree units, LinliDbContext db,
    IStringLocalizer<PageText> t, IStringLocalizer<ErrorMessages> errors) : PageModel
{
    public PagedList<TriageItem> Items { get; private set; } = new([], 1, 20, 0);
    public List<UnitOption> Units { get; private set; } = [];
    public List<CategoryOption> Categories { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        Items = await triage.HandleAsync(caller, PageNumber, 20, ct);
        var tree = await units.GetAsync(ct);
        Units = [.. tree.All.Where(u => u.IsActive && u.Kind is not UnitKind.Leadership)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u => new UnitOption(u.Id, u.Name, u.Kind))];
        Categories = await ConsoleLookups.CategoriesAsync(db, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid? categoryId, Guid? currentCategoryId, Guid? unitId,
        [FromServices] CategorizeWorkOrderHandler categorize, [FromServices] DispatchWorkOrderHandler dispatch)
    {
        var ct = HttpContext.RequestAborted;
        var caller = await callers.GetAsync(HttpContext, ct);
        if (categoryId is not null && categoryId != currentCategoryId)
        {
            var categorized = await categorize.HandleAsync(id, new CategorizeWorkOrderRequest(categoryId, null, null), caller, null, ct);
            if (!categorized.IsSuccess)
            {
                TempData["FlashError"] = errors.ErrorText(categorized.Error!.Code);
                return RedirectToPage();
            }
        }
        var dispatched = await dispatch.HandleAsync(id, new DispatchWorkOrderRequest(unitId, null), caller, null, ct);
        if (dispatched.IsSuccess)
        {
            TempData["Flash"] = t["Triage.Dispatched", dispatched.Value.Number, dispatched.Value.UnitName ?? ""].Value;
        }
        else
        {
            TempData["FlashError"] = errors.ErrorText(dispatched.Error!.Code);
        }
        return RedirectToPage();
    }

    public static string Percent(double confidence) => $"{confidence * 100:0}%";

    /// <summary>Why the order waits here, in the page's language (<see cref="TriageReason"/>).</summary>
    public string ReasonText(TriageReason reason) => reason.Code == "RuleMatched"
        ? t["Triage.Reason.RuleMatched", reason.Rule ?? "", Units.Find(u => u.Id == reason.UnitId)?.Name ?? ""].Value
        : t["Triage.Reason." + reason.Code].Value;

    /// <summary>The unit offered first: the one a rule names now, else the unit of the order's area.</summary>
    public static Guid? OfferedUnit(TriageItem item) => item.Reason.UnitId ?? item.AreaUnitId;

    public string UrgencyText(Urgency urgency) => t.Urgency(urgency);
}

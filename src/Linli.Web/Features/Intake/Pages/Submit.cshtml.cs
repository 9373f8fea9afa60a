using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders.Pages;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.Intake.Pages;

public sealed record BuildingOption(Guid Id, string Name);

/// <summary>
/// 我要反映: a resident (or a grid member on patrol) reports from the phone: text, optional category, photos, and the place
/// (a building, an address, or the phone's position). Photos go through the attachments handler, the order through the
/// same intake handler as <c>POST /api/v1/work-orders</c>, with an idempotency key so a double tap makes one order.
/// </summary>
public sealed class SubmitModel(
    SubmitWorkOrderHandler submit,
    UploadAttachmentHandler uploads,
    CallerFactory callers,
    LinliDbContext db,
    IStringLocalizer<PageText> t,
    IStringLocalizer<ErrorMessages> errors) : PageModel
{
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public Guid? CategoryId { get; set; }
    [BindProperty] public Guid? BuildingId { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    [BindProperty] public string IdempotencyKey { get; set; } = "";

    public List<CategoryOption> Categories { get; private set; } = [];
    public List<BuildingOption> Buildings { get; private set; } = [];
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(HttpContext, ct);
        var ids = new List<Guid>();
        foreach (var photo in Photos.Where(p => p.Length > 0))
        {
            var uploaded = await uploads.HandleAsync(photo, caller, ct);
            if (!uploaded.IsSuccess)
            {
                return await FailAsync(uploaded.Error!.Code, ct);
            }
            ids.Add(uploaded.Value.Id);
        }
        var request = new SubmitWorkOrderRequest(null, null, Description, CategoryId, null, null,
            BuildingId, string.IsNullOrWhiteSpace(Address) ? null : Address, Latitude, Longitude, null, null, ids);
        var result = await submit.HandleAsync(request, string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey, caller, ct);
        if (!result.IsSuccess)
        {
            return await FailAsync(result.Error!.Code, ct);
        }
        var order = result.Value.Order;
        TempData["Flash"] = t["H5.Submitted", order.Number].Value;
        return LocalRedirect($"/h5/my/{order.Id}");
    }

    private async Task<IActionResult> FailAsync(string code, CancellationToken ct)
    {
        ErrorMessage = errors.ErrorText(code);
        // A new key: the refused attempt created nothing, the next one must not replay it.
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await ConsoleLookups.CategoriesAsync(db, ct);
        var rows = await db.Buildings.AsNoTracking().OrderBy(b => b.Compound).Select(b => new { b.Id, b.Compound, b.Number }).ToListAsync(ct);
        Buildings = [.. rows
            .OrderBy(b => b.Compound, StringComparer.Ordinal).ThenBy(b => int.TryParse(b.Number, out var n) ? n : 0)
            .Select(b => new BuildingOption(b.Id, b.Compound + b.Number + t["Map.BuildingSuffix"]))];
    }
}

using Linli.Web.Features.Intake.Pages;
using Linli.Web.Features.WorkOrders.Pages;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Features.Dispatch.Pages;

/// <summary>
/// 路由规则 (Admin): the rules (grid × category → unit) through <see cref="ManageRoutingRulesHandler"/>, and the explain
/// view: for a category and a place, where intake would send an order and why (<see cref="ExplainDispatchHandler"/>).
/// </summary>
public sealed class RoutingModel(ManageRoutingRulesHandler rules, ExplainDispatchHandler explain, LinliDbContext db, IStringLocalizer<ErrorMessages> errors) : PageModel
{
    public IReadOnlyList<RoutingRuleSummary> Rules { get; private set; } = [];
    public List<CategoryOption> Categories { get; private set; } = [];
    public List<BuildingOption> Buildings { get; private set; } = [];
    public ExplainDispatchResponse? Explained { get; private set; }
    public string? ErrorMessage { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? BuildingId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = await rules.ListAsync(ct);
        Categories = await ConsoleLookups.CategoriesAsync(db, ct);
        var rows = await db.Buildings.AsNoTracking().Select(b => new { b.Id, b.Compound, b.Number }).ToListAsync(ct);
        Buildings = [.. rows.OrderBy(b => b.Compound, StringComparer.Ordinal).ThenBy(b => int.TryParse(b.Number, out var n) ? n : 0)
            .Select(b => new BuildingOption(b.Id, b.Compound + b.Number))];
        if (Request.Query.ContainsKey("explain"))
        {
            var result = await explain.HandleAsync(new ExplainDispatchQuery(CategoryId, null, null, BuildingId,
                string.IsNullOrWhiteSpace(Address) ? null : Address.Trim()), ct);
            if (result.IsSuccess)
            {
                Explained = result.Value;
            }
            else
            {
                ErrorMessage = errors.ErrorText(result.Error!.Code);
            }
        }
    }

    public string CategoryName(Guid id) => Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}

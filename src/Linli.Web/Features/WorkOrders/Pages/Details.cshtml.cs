using Linli.Domain.Common;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.WorkOrders.Pages;

public sealed record UnitOption(Guid Id, string Name, UnitKind Kind);

public sealed record MapPoint(double Latitude, double Longitude, string Label, bool IsOrder);

/// <summary>
/// One order in the console: details, timeline, place, photos, and one form per action the caller may take
/// (the <c>allowedActions</c> of the details projection). Every form posts to a handler below that calls the same
/// use-case class as <c>POST /api/v1/work-orders/{id}/&lt;action&gt;</c>, with the version the page was rendered from.
/// </summary>
public sealed class DetailsModel(
    GetWorkOrderHandler get,
    ListGridsHandler grids,
    CallerFactory callers,
    UnitTree units,
    LinliDbContext db,
    SiteTime site,
    IStringLocalizer<PageText> t,
    IStringLocalizer<ErrorMessages> errors) : PageModel
{
    public WorkOrderDetails Order { get; private set; } = null!;
    public List<UnitOption> Units { get; private set; } = [];
    public List<MapPoint> MapPoints { get; private set; } = [];

    /// <summary>The boundary of the order's level-3 grid ([latitude, longitude] pairs), from the grids slice.</summary>
    public IReadOnlyList<double[]> GridOutline { get; private set; } = [];
    public Caller Caller { get; private set; } = null!;

    /// <summary>The classifier's suggestion recorded at intake (Features/Classification), if any.</summary>
    public TriageSuggestion? Suggestion { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public bool Can(WorkOrderTrigger trigger) => Order.AllowedActions.Contains(trigger);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Caller = await callers.GetAsync(HttpContext, ct);
        var order = await get.HandleAsync(id, Caller, ct);
        if (order is null)
        {
            return NotFound();
        }
        Order = order;
        var tree = await units.GetAsync(ct);
        Units = [.. tree.All.Where(u => u.IsActive && u.Kind != UnitKind.Leadership)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnitOption(u.Id, u.Name, u.Kind))];
        MapPoints = await MapPointsAsync(order, ct);
        Suggestion = await SuggestionAsync(order.Id, ct);
        if (order.Location.AreaUnitId is { } area)
        {
            var grid = (await grids.HandleAsync(new ListGridsQuery(3, null, false), ct)).FirstOrDefault(g => g.UnitId == area);
            GridOutline = GridOutlines.OuterRing(grid?.Polygon);
        }
        return Page();
    }

    private async Task<TriageSuggestion?> SuggestionAsync(Guid id, CancellationToken ct)
    {
        var row = await db.WorkOrderSuggestions.AsNoTracking().FirstOrDefaultAsync(s => s.WorkOrderId == id, ct);
        if (row is null)
        {
            return null;
        }
        var candidates = System.Text.Json.JsonSerializer.Deserialize<List<CandidateJson>>(row.CandidatesJson, System.Text.Json.JsonSerializerOptions.Web) ?? [];
        var ids = candidates.Select(c => c.CategoryId).ToList();
        var names = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new TriageSuggestion(row.Source, row.ModelVersion,
            [.. candidates.OrderByDescending(c => c.Confidence).Select(c => new TriageCandidate(c.CategoryId, names.GetValueOrDefault(c.CategoryId), c.Confidence))],
            row.Urgency, row.UrgencyReason);
    }

    private sealed record CandidateJson(Guid CategoryId, double Confidence);

    /// <summary>The order's point and the buildings of its grid (our own data: no online tiles).</summary>
    private async Task<List<MapPoint>> MapPointsAsync(WorkOrderDetails order, CancellationToken ct)
    {
        var points = new List<MapPoint>();
        var area = order.Location.AreaUnitId;
        if (area is not null)
        {
            var buildings = await db.Buildings.AsNoTracking().Where(b => b.GridUnitId == area)
                .Select(b => new { b.Id, b.Compound, b.Number, b.Latitude, b.Longitude }).ToListAsync(ct);
            points.AddRange(buildings.Select(b => new MapPoint(b.Latitude, b.Longitude, b.Compound + b.Number + t["Map.BuildingSuffix"], b.Id == order.Location.BuildingId)));
        }
        if (order.Location is { Latitude: { } lat, Longitude: { } lon })
        {
            points.Add(new MapPoint(lat, lon, order.Location.AddressText ?? order.Number, true));
        }
        return points;
    }

    private async Task<IActionResult> ActAsync(Guid id, WorkOrderTrigger trigger, Func<Caller, int?, Task<Result<WorkOrderDetails>>> act)
    {
        var caller = await callers.GetAsync(HttpContext, HttpContext.RequestAborted);
        var result = await act(caller, Version);
        if (result.IsSuccess)
        {
            TempData["Flash"] = t["Details.Done", t.Trigger(trigger)].Value;
        }
        else
        {
            TempData["FlashError"] = errors.ErrorText(result.Error!.Code);
        }
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDispatchAsync(Guid id, Guid? unitId, string? comment, [FromServices] DispatchWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Dispatch, (c, v) => handler.HandleAsync(id, new DispatchWorkOrderRequest(unitId, comment), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAcceptAsync(Guid id, [FromServices] AcceptWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Accept, (c, v) => handler.HandleAsync(id, c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string? result, List<IFormFile>? photos,
        [FromServices] CompleteWorkOrderHandler handler, [FromServices] UploadAttachmentHandler uploads) =>
        ActAsync(id, WorkOrderTrigger.Complete, async (c, v) =>
        {
            var ids = new List<Guid>();
            foreach (var photo in photos?.Where(p => p.Length > 0) ?? [])
            {
                var uploaded = await uploads.HandleAsync(photo, c, HttpContext.RequestAborted);
                if (!uploaded.IsSuccess)
                {
                    return uploaded.Error!;
                }
                ids.Add(uploaded.Value.Id);
            }
            return await handler.HandleAsync(id, new CompleteWorkOrderRequest(result, ids), c, v, HttpContext.RequestAborted);
        });

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, [FromServices] ReturnWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Return, (c, v) => handler.HandleAsync(id, new ReturnWorkOrderRequest(reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostTransferAsync(Guid id, Guid? unitId, string? reason, [FromServices] TransferWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Transfer, (c, v) => handler.HandleAsync(id, new TransferWorkOrderRequest(unitId, reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEscalateAsync(Guid id, Guid? unitId, string? reason, [FromServices] EscalateWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Escalate, (c, v) => handler.HandleAsync(id, new EscalateWorkOrderRequest(unitId, reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostExtensionAsync(Guid id, DateTime? until, string? reason, [FromServices] ExtendWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.RequestExtension, (c, v) => handler.RequestAsync(id,
            new RequestExtensionRequest(until is { } local ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), site.Zone) : null, reason),
            c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostApproveExtensionAsync(Guid id, string? comment, [FromServices] ExtendWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.ApproveExtension, (c, v) => handler.ApproveAsync(id, new DecideExtensionRequest(comment), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRejectExtensionAsync(Guid id, string? comment, [FromServices] ExtendWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.RejectExtension, (c, v) => handler.RejectAsync(id, new DecideExtensionRequest(comment), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostSuperviseAsync(Guid id, string? note, [FromServices] SuperviseWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Supervise, (c, v) => handler.HandleAsync(id, new SuperviseWorkOrderRequest(note), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, string? note, [FromServices] FollowUpWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.FollowUp, (c, v) => handler.HandleAsync(id, new FollowUpWorkOrderRequest(note), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEvaluateAsync(Guid id, bool resolved, Satisfaction satisfaction, string? comment, [FromServices] EvaluateWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Evaluate, (c, v) => handler.HandleAsync(id, new EvaluateWorkOrderRequest(resolved, satisfaction, comment), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostReopenAsync(Guid id, string? reason, [FromServices] ReopenWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Reopen, (c, v) => handler.HandleAsync(id, new ReopenWorkOrderRequest(reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, [FromServices] CancelWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Cancel, (c, v) => handler.HandleAsync(id, new CancelWorkOrderRequest(reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostSplitAsync(Guid id, string? reason, [FromServices] MergeWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Split, (c, v) => handler.SplitAsync(id, new SplitWorkOrderRequest(reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAwaitResidentAsync(Guid id, string? reason, [FromServices] WaitForResidentHandler handler) =>
        ActAsync(id, WorkOrderTrigger.AwaitResident, (c, v) => handler.PauseAsync(id, new AwaitResidentRequest(reason), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostResumeAsync(Guid id, string? note, [FromServices] WaitForResidentHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Resume, (c, v) => handler.ResumeAsync(id, new ResumeWorkOrderRequest(note), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostSummonAsync(Guid id, List<Guid>? unitIds, string? note, [FromServices] CoHandleWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.Summon, (c, v) => handler.SummonAsync(id, new SummonUnitsRequest(unitIds, note), c, v, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostReportCoHandlingAsync(Guid id, string? note, [FromServices] CoHandleWorkOrderHandler handler) =>
        ActAsync(id, WorkOrderTrigger.ReportCoHandling, (c, v) => handler.ReportAsync(id, new ReportCoHandlingRequest(note, null), c, v, HttpContext.RequestAborted));

    /// <summary>合并: the parent is named by its number, as people read it off the other order.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, string? parentNumber, string? reason,
        [FromServices] MergeWorkOrderHandler handler, [FromServices] ListWorkOrdersHandler list) =>
        ActAsync(id, WorkOrderTrigger.Merge, async (c, v) =>
        {
            Guid? parentId = null;
            if (!string.IsNullOrWhiteSpace(parentNumber))
            {
                var found = await list.HandleAsync(new ListWorkOrdersQuery(null, null, null, null, null, null, parentNumber.Trim(), null, 1, 5), c, HttpContext.RequestAborted);
                parentId = found.IsSuccess ? found.Value.Items.FirstOrDefault(o => o.Number == parentNumber.Trim())?.Id : null;
            }
            return await handler.MergeAsync(id, new MergeWorkOrderRequest(parentId, reason), c, v, HttpContext.RequestAborted);
        });
}

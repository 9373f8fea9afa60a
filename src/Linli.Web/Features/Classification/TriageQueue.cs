using System.Text.Json;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Dispatch;
using Linli.Web.Features.Grids;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

public sealed record TriageCandidate(Guid CategoryId, string? CategoryName, double Confidence);

public sealed record TriageSuggestion(string Source, string? ModelVersion, IReadOnlyList<TriageCandidate> Candidates, Urgency Urgency, string? UrgencyReason);

public sealed record TriageItem(Guid Id, string Number, Channel Channel, string? Title, string Description, Guid? CategoryId, string? CategoryName,
    Urgency Urgency, string? AddressText, Guid? AreaUnitId, DateTime ReceivedAt, TriageSuggestion? Suggestion, TriageReason Reason);

/// <summary>
/// Why an order waits for a person rather than being dispatched by the rules: <c>Returned</c> (its unit gave it back),
/// <c>Split</c> (taken out of a wrong merge), <c>LowConfidence</c> (the classifier was not sure enough to set a category),
/// <c>NoCategory</c>, <c>PlaceNotKnown</c> (located only by a guess), <c>NoRule</c> (no routing rule covers its place and
/// category), or <c>RuleMatched</c> (a rule covers it now, e.g. one added since: <see cref="Rule"/> and <see cref="UnitId"/>).
/// </summary>
public sealed record TriageReason(string Code, string? Rule = null, Guid? UnitId = null);

/// <summary>
/// 待分拨: orders nobody could route yet (low confidence, no rule, no place), oldest and most urgent first, each with
/// the classifier's suggestions so the dispatcher can confirm or correct in one click.
/// </summary>
public sealed class TriageQueueHandler(LinliDbContext db, DispatchPlanner planner)
{
    public async Task<PagedList<TriageItem>> HandleAsync(Caller caller, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, ListWorkOrdersHandler.MaxPageSize);
        var query = db.WorkOrders.AsNoTracking().VisibleTo(caller).Where(o => o.Status == WorkOrderStatus.Received && o.ParentId == null);
        var total = await query.CountAsync(ct);
        var orders = await query
            .OrderByDescending(o => o.Urgency == Urgency.Emergency).ThenByDescending(o => o.Urgency == Urgency.High).ThenBy(o => o.ReceivedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var suggestions = await db.WorkOrderSuggestions.AsNoTracking().Where(s => ids.Contains(s.WorkOrderId)).ToDictionaryAsync(s => s.WorkOrderId, ct);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var suggested = suggestions.ToDictionary(kv => kv.Key, kv => ToSuggestion(kv.Value, names));
        var reasons = await ReasonsAsync(orders, ids, suggested, ct);
        var items = orders.Select(o => new TriageItem(o.Id, o.Number, o.Channel, o.Title,
            o.Description.Length > 200 ? o.Description[..200] + "…" : o.Description,
            o.CategoryId, o.CategoryId is { } c ? names.GetValueOrDefault(c) : null, o.Urgency, o.AddressText, o.AreaUnitId, o.ReceivedAt,
            suggested.GetValueOrDefault(o.Id), reasons[o.Id])).ToList();
        return new PagedList<TriageItem>(items, page, pageSize, total);
    }

    /// <summary>Why each order of the page waits: as the planner sees it now, after what last sent it back, if anything.</summary>
    private async Task<Dictionary<Guid, TriageReason>> ReasonsAsync(List<WorkOrder> orders, List<Guid> ids, Dictionary<Guid, TriageSuggestion> suggestions,
        CancellationToken ct)
    {
        var sentBack = (await db.WorkOrderHistory.AsNoTracking()
                .Where(h => ids.Contains(h.WorkOrderId) && h.To == WorkOrderStatus.Received && h.From != null && h.From != WorkOrderStatus.Received)
                .Select(h => new { h.WorkOrderId, h.Sequence, h.Trigger }).ToListAsync(ct))
            .GroupBy(h => h.WorkOrderId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.Sequence)!.Trigger);
        var located = await db.WorkOrderLocations.AsNoTracking().Where(l => ids.Contains(l.WorkOrderId)).ToDictionaryAsync(l => l.WorkOrderId, ct);
        var reasons = new Dictionary<Guid, TriageReason>();
        foreach (var order in orders)
        {
            reasons[order.Id] = sentBack.GetValueOrDefault(order.Id) switch
            {
                WorkOrderTrigger.Return => new TriageReason("Returned"),
                WorkOrderTrigger.Split => new TriageReason("Split"),
                _ => await ReasonAsync(order, located.GetValueOrDefault(order.Id), suggestions.GetValueOrDefault(order.Id) is { Candidates.Count: > 0 }, ct),
            };
        }
        return reasons;
    }

    private async Task<TriageReason> ReasonAsync(WorkOrder order, WorkOrderLocation? stored, bool suggested, CancellationToken ct)
    {
        if (order.CategoryId is not { } category)
        {
            return new TriageReason(suggested ? "LowConfidence" : "NoCategory");
        }
        if (await planner.PlaceOfAsync(order, stored, ct) is not { IsKnown: true } place)
        {
            return new TriageReason("PlaceNotKnown");
        }
        var decision = await planner.DecideAsync(place, category, ct);
        return decision is { Rule: { } rule, UnitId: { } unit } ? new TriageReason("RuleMatched", rule.Name, unit) : new TriageReason("NoRule");
    }

    private static TriageSuggestion ToSuggestion(WorkOrderSuggestion s, Dictionary<Guid, string> names)
    {
        var candidates = JsonSerializer.Deserialize<List<CandidateJson>>(s.CandidatesJson, JsonSerializerOptions.Web) ?? [];
        return new TriageSuggestion(s.Source, s.ModelVersion,
            [.. candidates.Select(c => new TriageCandidate(c.CategoryId, names.GetValueOrDefault(c.CategoryId), c.Confidence))],
            s.Urgency, s.UrgencyReason);
    }

    private sealed record CandidateJson(Guid CategoryId, double Confidence);
}

using System.Text.Json;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

public sealed record TriageCandidate(Guid CategoryId, string? CategoryName, double Confidence);

public sealed record TriageSuggestion(string Source, string? ModelVersion, IReadOnlyList<TriageCandidate> Candidates, Urgency Urgency, string? UrgencyReason);

public sealed record TriageItem(Guid Id, string Number, Channel Channel, string? Title, string Description, Guid? CategoryId, string? CategoryName,
    Urgency Urgency, string? AddressText, DateTime ReceivedAt, TriageSuggestion? Suggestion);

/// <summary>
/// 待分拨: orders nobody could route yet (low confidence, no rule, no place), oldest and most urgent first, each with
/// the classifier's suggestions so the dispatcher can confirm or correct in one click.
/// </summary>
public sealed class TriageQueueHandler(LinliDbContext db)
{
    public async Task<PagedList<TriageItem>> HandleAsync(Caller caller, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, ListWorkOrdersHandler.MaxPageSize);
        var query = db.WorkOrders.AsNoTracking().VisibleTo(caller).Where(o => o.Status == WorkOrderStatus.Received && o.ParentId == null);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(o => o.Urgency == Urgency.Emergency).ThenByDescending(o => o.Urgency == Urgency.High).ThenBy(o => o.ReceivedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { o.Id, o.Number, o.Channel, o.Title, o.Description, o.CategoryId, o.Urgency, o.AddressText, o.ReceivedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var suggestions = await db.WorkOrderSuggestions.AsNoTracking().Where(s => ids.Contains(s.WorkOrderId)).ToDictionaryAsync(s => s.WorkOrderId, ct);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var items = rows.Select(r => new TriageItem(r.Id, r.Number, r.Channel, r.Title,
            r.Description.Length > 200 ? r.Description[..200] + "…" : r.Description,
            r.CategoryId, r.CategoryId is { } c ? names.GetValueOrDefault(c) : null, r.Urgency, r.AddressText, r.ReceivedAt,
            suggestions.TryGetValue(r.Id, out var s) ? ToSuggestion(s, names) : null)).ToList();
        return new PagedList<TriageItem>(items, page, pageSize, total);
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

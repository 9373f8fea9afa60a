using Linli.Domain.Common;
using Linli.Domain.Prevention;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Prevention;

/// <summary>A threshold rule as administrators see it, with its last firing.</summary>
public sealed record ThresholdRuleSummary(
    Guid Id,
    string Name,
    ThresholdScope Scope,
    Guid? CategoryId,
    string? CategoryName,
    bool IncludeSubcategories,
    int MinCount,
    int WindowHours,
    Guid? NotifyUnitId,
    string? NotifyUnitName,
    bool NotifyCommunityLeaders,
    ThresholdOrderTarget OrderTarget,
    Guid? OrderUnitId,
    string? OrderUnitName,
    bool RaiseUrgency,
    bool IsActive,
    int Version,
    int Firings,
    DateTime? LastFiredAt);

public sealed record SaveThresholdRuleRequest(
    string? Name,
    ThresholdScope? Scope,
    Guid? CategoryId,
    bool? IncludeSubcategories,
    int? MinCount,
    int? WindowHours,
    Guid? NotifyUnitId,
    bool? NotifyCommunityLeaders,
    ThresholdOrderTarget? OrderTarget,
    Guid? OrderUnitId,
    bool? RaiseUrgency,
    bool? IsActive);

/// <summary>One recorded firing: which scope key, when, the orders that made it fire and what was done.</summary>
public sealed record ThresholdFiringSummary(Guid Id, Guid RuleId, string ScopeKey, string ScopeName, int Sequence, DateTime FiredAt,
    int OrderCount, IReadOnlyList<Guid> OrderIds, string Actions, Guid? WorkOrderId);

/// <summary>预警阈值: lists, creates, changes and deletes threshold rules (administrators), and lists their firings.</summary>
public sealed class ManageThresholdsHandler(LinliDbContext db, UnitTree units, SiteTime site)
{
    public static readonly Error UnknownCategory = Error.Validation("Threshold.UnknownCategory");
    public static readonly Error UnknownUnit = Error.Validation("Threshold.UnknownUnit");
    public static readonly Error ConcurrentUpdate = Error.Conflict("Threshold.ConcurrentUpdate");

    public async Task<IReadOnlyList<ThresholdRuleSummary>> ListAsync(CancellationToken ct)
    {
        var rules = await db.ThresholdRules.AsNoTracking().ToListAsync(ct);
        return [.. (await SummariesAsync(rules, ct)).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)];
    }

    public async Task<Result<ThresholdRuleSummary>> GetAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.ThresholdRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? ThresholdErrors.NotFound : (await SummariesAsync([rule], ct))[0];
    }

    public async Task<Result<ThresholdRuleSummary>> CreateAsync(SaveThresholdRuleRequest request, CancellationToken ct)
    {
        var spec = await SpecAsync(request, ct);
        if (!spec.IsSuccess)
        {
            return spec.Error!;
        }
        var rule = ThresholdRule.Create(spec.Value, site.UtcNow);
        if (!rule.IsSuccess)
        {
            return rule.Error!;
        }
        db.ThresholdRules.Add(rule.Value);
        await db.SaveChangesAsync(ct);
        return (await SummariesAsync([rule.Value], ct))[0];
    }

    public async Task<Result<ThresholdRuleSummary>> UpdateAsync(Guid id, SaveThresholdRuleRequest request, int? version, CancellationToken ct)
    {
        var rule = await db.ThresholdRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return ThresholdErrors.NotFound;
        }
        if (version is { } expected && expected != rule.Version)
        {
            return ConcurrentUpdate;
        }
        var spec = await SpecAsync(request, ct);
        if (!spec.IsSuccess)
        {
            return spec.Error!;
        }
        var updated = rule.Update(spec.Value, site.UtcNow);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentUpdate;
        }
        return (await SummariesAsync([rule], ct))[0];
    }

    /// <summary>Deletes the rule; its firings stay as a record of what happened.</summary>
    public async Task<Result<Done>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.ThresholdRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return ThresholdErrors.NotFound;
        }
        db.ThresholdRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Result<IReadOnlyList<ThresholdFiringSummary>>> FiringsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.ThresholdRules.AnyAsync(r => r.Id == id, ct))
        {
            return ThresholdErrors.NotFound;
        }
        var firings = await db.ThresholdFirings.AsNoTracking().Where(f => f.RuleId == id).ToListAsync(ct);
        return firings.OrderByDescending(f => f.FiredAt).ThenByDescending(f => f.Sequence)
            .Select(f => new ThresholdFiringSummary(f.Id, f.RuleId, f.ScopeKey, f.ScopeName, f.Sequence, f.FiredAt, f.OrderCount,
                [.. f.OrderIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)], f.Actions, f.WorkOrderId))
            .ToList();
    }

    private async Task<Result<ThresholdRuleSpec>> SpecAsync(SaveThresholdRuleRequest request, CancellationToken ct)
    {
        if (request.Scope is not { } scope || request.MinCount is not { } minCount || request.WindowHours is not { } windowHours)
        {
            return ThresholdErrors.Invalid;
        }
        if (request.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive, ct))
        {
            return UnknownCategory;
        }
        var tree = await units.GetAsync(ct);
        foreach (var unitId in new[] { request.NotifyUnitId, request.OrderUnitId })
        {
            if (unitId is { } u && tree.Find(u) is not { IsActive: true })
            {
                return UnknownUnit;
            }
        }
        return new ThresholdRuleSpec(request.Name ?? "", scope, request.CategoryId, request.IncludeSubcategories ?? true, minCount, windowHours,
            request.NotifyUnitId, request.NotifyCommunityLeaders ?? false, request.OrderTarget ?? ThresholdOrderTarget.None, request.OrderUnitId,
            request.RaiseUrgency ?? false, request.IsActive ?? true);
    }

    private async Task<List<ThresholdRuleSummary>> SummariesAsync(IReadOnlyCollection<ThresholdRule> rules, CancellationToken ct)
    {
        var ids = rules.Select(r => r.Id).ToList();
        var firings = (await db.ThresholdFirings.AsNoTracking().Where(f => ids.Contains(f.RuleId)).Select(f => new { f.RuleId, f.FiredAt }).ToListAsync(ct))
            .GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => new { Count = g.Count(), Last = g.Max(f => f.FiredAt) });
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var tree = await units.GetAsync(ct);
        return [.. rules.Select(r => new ThresholdRuleSummary(r.Id, r.Name, r.Scope, r.CategoryId,
            r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, r.IncludeSubcategories, r.MinCount, r.WindowHours,
            r.NotifyUnitId, r.NotifyUnitId is { } n ? tree.Find(n)?.Name : null, r.NotifyCommunityLeaders, r.OrderTarget,
            r.OrderUnitId, r.OrderUnitId is { } o ? tree.Find(o)?.Name : null, r.RaiseUrgency, r.IsActive, r.Version,
            firings.TryGetValue(r.Id, out var f) ? f.Count : 0, firings.TryGetValue(r.Id, out var l) ? l.Last : null))];
    }
}

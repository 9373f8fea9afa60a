using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dispatch;

/// <summary>A routing rule as administrators see it. Null grid = anywhere; null category = any category.</summary>
public sealed record RoutingRuleSummary(Guid Id, string Name, Guid? GridId, string? GridName, Guid? CategoryId, string? CategoryName,
    RoutingTargetKind TargetKind, Guid? TargetUnitId, string? TargetUnitName, int Priority, bool IsEnabled, int Version);

public sealed record SaveRoutingRuleRequest(string? Name, Guid? GridId, Guid? CategoryId, RoutingTargetKind? TargetKind, Guid? TargetUnitId, int? Priority, bool? IsEnabled);

/// <summary>Lists, creates, changes and deletes routing rules. Rules are configuration: a deleted rule is gone; disable one to keep it.</summary>
public sealed class ManageRoutingRulesHandler(LinliDbContext db, GridMap map, UnitTree units)
{
    public async Task<IReadOnlyList<RoutingRuleSummary>> ListAsync(CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var names = await NamesAsync(ct);
        return [.. rules.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => Summary(r, names))];
    }

    public async Task<Result<RoutingRuleSummary>> CreateAsync(SaveRoutingRuleRequest request, CancellationToken ct)
    {
        var spec = await SpecAsync(request, ct);
        if (!spec.IsSuccess)
        {
            return spec.Error!;
        }
        var rule = RoutingRule.Create(Guid.CreateVersion7(), spec.Value);
        if (!rule.IsSuccess)
        {
            return rule.Error!;
        }
        db.RoutingRules.Add(rule.Value);
        await db.SaveChangesAsync(ct);
        return Summary(rule.Value, await NamesAsync(ct));
    }

    public async Task<Result<RoutingRuleSummary>> UpdateAsync(Guid id, SaveRoutingRuleRequest request, int? version, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return GridErrors.RuleNotFound;
        }
        if (version is { } expected && expected != rule.Version)
        {
            return GridErrors.ConcurrentUpdate;
        }
        var spec = await SpecAsync(request, ct);
        if (!spec.IsSuccess)
        {
            return spec.Error!;
        }
        var updated = rule.Update(spec.Value);
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
            return GridErrors.ConcurrentUpdate;
        }
        return Summary(rule, await NamesAsync(ct));
    }

    public async Task<Result<Done>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return GridErrors.RuleNotFound;
        }
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    private async Task<Result<RoutingRuleSpec>> SpecAsync(SaveRoutingRuleRequest request, CancellationToken ct)
    {
        if (request.TargetKind is not { } kind)
        {
            return GridErrors.RuleInvalid;
        }
        if (request.GridId is { } gridId && (await map.GetAsync(ct)).Find(gridId) is not { IsActive: true })
        {
            return GridErrors.RuleUnknownGrid;
        }
        if (request.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive, ct))
        {
            return GridErrors.RuleUnknownCategory;
        }
        if (request.TargetUnitId is { } unitId && (await units.GetAsync(ct)).Find(unitId) is not { IsActive: true })
        {
            return GridErrors.RuleUnknownUnit;
        }
        return new RoutingRuleSpec(request.Name, request.GridId, request.CategoryId, kind, request.TargetUnitId, request.Priority ?? 0, request.IsEnabled ?? true);
    }

    internal sealed record Names(GridMap.Snapshot Grids, UnitTree.Snapshot Units, IReadOnlyDictionary<Guid, string> Categories);

    internal async Task<Names> NamesAsync(CancellationToken ct) =>
        new(await map.GetAsync(ct), await units.GetAsync(ct), await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct));

    internal static RoutingRuleSummary Summary(RoutingRule r, Names names) =>
        new(r.Id, r.Name, r.GridId, r.GridId is { } g ? names.Grids.Find(g)?.Name : null,
            r.CategoryId, r.CategoryId is { } c ? names.Categories.GetValueOrDefault(c) : null,
            r.TargetKind, r.TargetUnitId, r.TargetUnitId is { } u ? names.Units.Find(u)?.Name : null, r.Priority, r.IsEnabled, r.Version);
}

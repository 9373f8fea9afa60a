using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dispatch;

public sealed record ExplainDispatchQuery(Guid? CategoryId, double? Latitude, double? Longitude, Guid? BuildingId, string? Address);

public sealed record ExplainedGrid(Guid Id, string Code, string Name, int Level, Guid UnitId);

public sealed record ExplainedPlace(LocatedBy LocatedBy, double Confidence, bool IsKnown, Guid? GridId, Guid? BuildingId, string? BuildingName,
    Guid? AreaUnitId, Guid? PropertyCompanyUnitId, string? NormalizedAddress, IReadOnlyList<ExplainedGrid> GridPath);

/// <summary>One rule as weighed: <c>matched</c> when its grid and category cover the order; <c>verdict</c> says what became of it.</summary>
public sealed record ExplainedRule(int Order, RoutingRuleSummary Rule, bool Matched, RuleVerdict Verdict, int? GridRank, int? CategoryRank, Guid? TargetUnitId, string? TargetUnitName);

public sealed record ExplainedChoice(Guid RuleId, string RuleName, Guid UnitId, string? UnitName);

/// <summary>
/// The answer of the explain endpoint: the place and how it was found, the category path, every rule in the order it was
/// weighed, the chosen rule and the outcome — <c>Dispatch</c> (what intake would do now) or <c>Triage</c>, with the reason:
/// <c>RuleMatched</c>, <c>NoCategory</c>, <c>PlaceNotKnown</c> (fallback or too unsure) or <c>NoRule</c>.
/// </summary>
public sealed record ExplainDispatchResponse(ExplainedPlace Place, IReadOnlyList<Guid> CategoryPath, IReadOnlyList<ExplainedRule> Candidates,
    ExplainedChoice? Chosen, string Outcome, string Reason);

/// <summary>Says, for a hypothetical order (category + place), where it would be dispatched and why.</summary>
public sealed class ExplainDispatchHandler(LinliDbContext db, PlaceLocator locator, DispatchPlanner planner, ManageRoutingRulesHandler rules, GridMap map)
{
    public async Task<Result<ExplainDispatchResponse>> HandleAsync(ExplainDispatchQuery query, CancellationToken ct)
    {
        if (query.Latitude is null != query.Longitude is null || query.Latitude is < -90 or > 90 || query.Longitude is < -180 or > 180
            || query.Address?.Length > 200)
        {
            return Domain.WorkOrders.WorkOrderErrors.LocationOutOfRange;
        }
        if (query.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
        {
            return SubmitWorkOrderHandler.UnknownCategory;
        }
        var place = await locator.LocateAsync(new PlaceQuery(query.BuildingId, query.Address, query.Latitude, query.Longitude), ct);
        if (place is null)
        {
            return SubmitWorkOrderHandler.UnknownBuilding;
        }
        var decision = await planner.DecideAsync(place, query.CategoryId, ct);
        var names = await rules.NamesAsync(ct);
        var snapshot = await map.GetAsync(ct);
        var building = place.BuildingId is { } b ? snapshot.Building(b) : null;
        var gridPath = place.GridId is { } g
            ? snapshot.AncestorsAndSelf(g).Select(n => new ExplainedGrid(n.Id, n.Code, n.Name, n.Level, n.UnitId)).ToList()
            : [];
        var candidates = decision.Candidates.Select((c, i) => new ExplainedRule(i + 1, ManageRoutingRulesHandler.Summary(c.Rule, names),
            c.Verdict is RuleVerdict.Chosen or RuleVerdict.Outranked or RuleVerdict.NoGridUnit or RuleVerdict.NoPropertyCompany or RuleVerdict.TargetInactive,
            c.Verdict, c.GridRank, c.CategoryRank, c.TargetUnitId, c.TargetUnitId is { } u ? names.Units.Find(u)?.Name : null)).ToList();
        var chosen = decision is { Rule: { } rule, UnitId: { } unit } ? new ExplainedChoice(rule.Id, rule.Name, unit, names.Units.Find(unit)?.Name) : null;
        var reason = query.CategoryId is null ? "NoCategory" : !place.IsKnown ? "PlaceNotKnown" : chosen is null ? "NoRule" : "RuleMatched";
        return new ExplainDispatchResponse(
            new ExplainedPlace(place.LocatedBy, place.Confidence, place.IsKnown, place.GridId, place.BuildingId,
                building is null ? null : BuildingName.Of(building.Compound, building.Number), place.AreaUnitId, place.PropertyCompanyUnitId, place.NormalizedAddress, gridPath),
            await planner.CategoryPathAsync(query.CategoryId, ct), candidates, chosen, reason == "RuleMatched" ? "Dispatch" : "Triage", reason);
    }
}

using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Categories;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dispatch;

/// <summary>Where an order should go and why: the unit, the rule that sent it there, the place it was located at, every rule weighed.</summary>
public sealed record DispatchPlan(Guid UnitId, RoutingRule Rule, Place Place, RoutingDecision Decision);

/// <summary>
/// 智能分拨: plans where an order goes from data — its located place (grid and building) × its category → the most specific
/// routing rule (<see cref="RoutingTable"/>). Intake calls it right after an order is received (and classified); the
/// classifier calls it again when it fills in a category later. No plan (no category, a place not known surely enough,
/// no rule) means the order waits for a dispatcher in the triage queue.
/// </summary>
public sealed class DispatchPlanner(LinliDbContext db, GridMap map, PlaceLocator locator, UnitTree units, CategoryCatalog categories, RoutingRuleSet routingRules)
{
    /// <summary>Plans for <paramref name="order"/> at <paramref name="known"/>, or, when not given, at the place recorded for it.</summary>
    public async Task<DispatchPlan?> PlanAsync(WorkOrder order, Place? known, CancellationToken ct)
    {
        if (order.Status != WorkOrderStatus.Received || order.CategoryId is not { } categoryId)
        {
            return null;
        }
        var place = known ?? await PlaceOfAsync(order, ct);
        if (place is null || !place.IsKnown)
        {
            return null;
        }
        var decision = await DecideAsync(place, categoryId, ct);
        return decision is { Rule: { } rule, UnitId: { } unit } ? new DispatchPlan(unit, rule, place, decision) : null;
    }

    /// <summary>The place recorded at intake (in this transaction or before); for older orders, located anew from their fields.</summary>
    public async Task<Place?> PlaceOfAsync(WorkOrder order, CancellationToken ct)
    {
        var stored = db.WorkOrderLocations.Local.FirstOrDefault(l => l.WorkOrderId == order.Id)
            ?? await db.WorkOrderLocations.AsNoTracking().FirstOrDefaultAsync(l => l.WorkOrderId == order.Id, ct);
        return await PlaceOfAsync(order, stored, ct);
    }

    /// <summary>The place of an order from the location recorded at intake, read by the caller (null: located anew).</summary>
    public async Task<Place?> PlaceOfAsync(WorkOrder order, WorkOrderLocation? stored, CancellationToken ct)
    {
        if (stored is null)
        {
            return await locator.LocateAsync(new PlaceQuery(order.BuildingId, order.AddressText, order.Latitude, order.Longitude), ct);
        }
        var snapshot = await map.GetAsync(ct);
        // A compound named without a building still has its property company, when all its buildings share one.
        var company = stored.BuildingId is { } b ? snapshot.Building(b)?.PropertyCompanyUnitId
            : stored.Compound is { } compound ? snapshot.PropertyCompanyOf(compound)
            : null;
        return new Place(stored.LocatedBy, stored.Confidence, stored.GridId, stored.BuildingId, order.AreaUnitId, stored.NormalizedAddress, company, stored.Compound);
    }

    /// <summary>Weighs every rule for a place and a category (null: none known yet).</summary>
    public async Task<RoutingDecision> DecideAsync(Place place, Guid? categoryId, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        var tree = await units.GetAsync(ct);
        var gridPath = place.GridId is { } gridId ? snapshot.AncestorsAndSelf(gridId).Select(g => g.Id).ToList() : [];
        var gridUnit = place.GridId is { } located ? snapshot.Find(located)?.UnitId : null;
        var categoryPath = await CategoryPathAsync(categoryId, ct);
        var rules = await routingRules.GetAsync(ct);
        return RoutingTable.Decide(rules, new RoutingContext(gridPath, categoryPath, gridUnit, place.PropertyCompanyUnitId,
            unit => tree.Find(unit) is { IsActive: true }));
    }

    /// <summary>The category and its parents, most specific first.</summary>
    public async Task<IReadOnlyList<Guid>> CategoryPathAsync(Guid? categoryId, CancellationToken ct) =>
        categoryId is null ? [] : (await categories.GetAsync(ct)).PathOf(categoryId);
}

/// <summary>
/// Dispatches an order at once when the planner has a plan: the 智能分拨 system actor fires the ordinary Dispatch verb, the
/// time limits start as for a dispatcher's dispatch, and the history comment names the rule and how the place was found.
/// Switch off with <c>Linli:Dispatch:Auto=false</c> (every order then waits for a dispatcher).
/// </summary>
public sealed class AutoDispatcher(DispatchPlanner planner, TimeLimits limits, IConfiguration configuration)
{
    /// <summary>The system actor of automatic dispatch, as it appears in an order's history.</summary>
    public static readonly Actor SmartDispatch = new(null, SystemText.Get("Actor.SmartDispatch"), "System");

    /// <summary><paramref name="place"/>: where intake located the order (null: the place recorded for it).</summary>
    public async Task<DispatchPlan?> TryDispatchAsync(WorkOrder order, DateTime now, Place? place, CancellationToken ct)
    {
        if (!configuration.GetValue("Linli:Dispatch:Auto", true))
        {
            return null;
        }
        var plan = await planner.PlanAsync(order, place, ct);
        if (plan is null)
        {
            return null;
        }
        var dispatched = order.Dispatch(plan.UnitId, await limits.ForAsync(order, now, ct), SmartDispatch, now, Comment(plan));
        return dispatched.IsSuccess ? plan : null;
    }

    /// <summary>History text is stored once, in the site's language (Resources/SystemText.resx), like every other history comment.</summary>
    private static string Comment(DispatchPlan plan) =>
        SystemText.Format("Dispatch.Comment", plan.Rule.Name, SystemText.Get("Dispatch.LocatedBy." + plan.Place.LocatedBy), plan.Place.Confidence);
}

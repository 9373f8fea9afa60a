using System.Linq.Expressions;
using Linli.Domain.Common;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Analytics;

public sealed record RatesQuery(string? GroupBy, DateTime? From, DateTime? To);

public sealed record RatesRow(
    Guid Id,
    string Name,
    string Code,
    int Dispatched,
    int AcceptedInTime,
    int Evaluated,
    int Resolved,
    int Satisfied,
    int Overdue,
    int Completed,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    double? MeanHandlingHours);

public sealed record RatesReport(string GroupBy, DateTime From, DateTime To, IReadOnlyList<RatesRow> Rows);

/// <summary>
/// 三率 per street, community, grid or handling unit over a period (definitions in README.md). The counts are grouped
/// in SQL by the order's area unit (or handling unit) and folded up the unit tree in memory: a district has a few
/// thousand units at most, so the fold is cheap whatever the number of orders.
/// </summary>
public sealed class GetRatesHandler(LinliDbContext db, UnitTree units, TimeProvider clock)
{
    public static readonly Error InvalidGroupBy = Error.Validation("Analytics.InvalidGroupBy");
    public static readonly Error InvalidPeriod = Error.Validation("Analytics.InvalidPeriod");
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(3 * 366);

    public async Task<Result<RatesReport>> HandleAsync(RatesQuery query, Caller caller, CancellationToken ct)
    {
        var groupBy = query.GroupBy?.Trim().ToLowerInvariant() ?? "community";
        int? level = groupBy switch
        {
            "street" => 1,
            "community" => 2,
            "grid" => 3,
            "unit" => null,
            _ => -1,
        };
        if (level == -1)
        {
            return InvalidGroupBy;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var to = query.To?.ToUniversalTime() ?? now;
        var from = query.From?.ToUniversalTime() ?? to - DefaultPeriod;
        if (from >= to || to - from > LongestPeriod)
        {
            return InvalidPeriod;
        }
        var byUnit = level is null;
        Expression<Func<WorkOrder, Guid?>> keyOf = byUnit ? o => o.UnitId : o => o.AreaUnitId;
        var orders = db.WorkOrders.AsNoTracking().VisibleTo(caller);

        // Response and overdue: orders first dispatched in the period.
        var dispatched = await orders
            .Where(o => o.DispatchedAt >= from && o.DispatchedAt < to)
            .GroupBy(keyOf)
            .Select(g => new
            {
                g.Key,
                Dispatched = g.Count(),
                AcceptedInTime = g.Count(o => o.ResponseOnTime == true),
                Overdue = g.Count(o => o.OverdueAt != null
                    || (o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now)
                    || (o.Status == WorkOrderStatus.Accepted && o.PausedAt == null && o.CompleteBy < now)),
            })
            .ToListAsync(ct);

        // Resolution and satisfaction: orders evaluated in the period (their latest evaluation).
        var evaluated = await orders
            .Where(o => o.EvaluatedAt >= from && o.EvaluatedAt < to)
            .GroupBy(keyOf)
            .Select(g => new
            {
                g.Key,
                Evaluated = g.Count(),
                Resolved = g.Count(o => o.Resolved == true),
                Satisfied = g.Count(o => o.Satisfaction == Satisfaction.Satisfied || o.Satisfaction == Satisfaction.BasicallySatisfied),
            })
            .ToListAsync(ct);

        // Mean handling time (dispatch → completion) of orders completed in the period: a narrow projection, because
        // date differences do not translate alike on SQLite and PostgreSQL.
        var completed = await orders
            .Where(o => o.CompletedAt >= from && o.CompletedAt < to && o.DispatchedAt != null)
            .Select(o => new { o.UnitId, o.AreaUnitId, o.DispatchedAt, o.CompletedAt })
            .ToListAsync(ct);

        var tree = await units.GetAsync(ct);
        Guid? GroupOf(Guid? key) => key is not { } id ? null
            : byUnit ? id
            : tree.AncestorsAndSelf(id).FirstOrDefault(u => u.GridLevel == level && u.Kind is UnitKind.Street or UnitKind.Community or UnitKind.Grid)?.Id;

        var rows = new Dictionary<Guid, Accumulator>();
        Accumulator Row(Guid id) => rows.TryGetValue(id, out var row) ? row : rows[id] = new Accumulator();
        foreach (var d in dispatched)
        {
            if (GroupOf(d.Key) is { } group)
            {
                var row = Row(group);
                row.Dispatched += d.Dispatched;
                row.AcceptedInTime += d.AcceptedInTime;
                row.Overdue += d.Overdue;
            }
        }
        foreach (var e in evaluated)
        {
            if (GroupOf(e.Key) is { } group)
            {
                var row = Row(group);
                row.Evaluated += e.Evaluated;
                row.Resolved += e.Resolved;
                row.Satisfied += e.Satisfied;
            }
        }
        foreach (var c in completed)
        {
            if (GroupOf(byUnit ? c.UnitId : c.AreaUnitId) is { } group)
            {
                var row = Row(group);
                row.Completed++;
                row.HandlingHours += (c.CompletedAt!.Value - c.DispatchedAt!.Value).TotalHours;
            }
        }
        // Every unit of the level the caller covers has a row, with null rates when nothing happened there.
        if (!byUnit)
        {
            foreach (var unit in tree.All.Where(u => u.IsActive && u.GridLevel == level && u.Kind is UnitKind.Street or UnitKind.Community or UnitKind.Grid && caller.Covers(u.Id)))
            {
                Row(unit.Id);
            }
        }

        var result = rows
            .Select(kv => (Node: tree.Find(kv.Key), Row: kv.Value))
            .Where(x => x.Node is not null)
            .OrderBy(x => x.Node!.Code, StringComparer.Ordinal)
            .Select(x => x.Row.ToRow(x.Node!))
            .ToList();
        return new RatesReport(groupBy, from, to, result);
    }

    private sealed class Accumulator
    {
        public int Dispatched;
        public int AcceptedInTime;
        public int Evaluated;
        public int Resolved;
        public int Satisfied;
        public int Overdue;
        public int Completed;
        public double HandlingHours;

        public RatesRow ToRow(UnitNode unit) => new(unit.Id, unit.Name, unit.Code, Dispatched, AcceptedInTime, Evaluated, Resolved, Satisfied, Overdue, Completed,
            Rate(AcceptedInTime, Dispatched), Rate(Resolved, Evaluated), Rate(Satisfied, Evaluated),
            Completed == 0 ? null : Math.Round(HandlingHours / Completed, 2));

        private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
    }
}

/// <summary>/api/v1/analytics: the three rates (staff, scoped to the caller's units).</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(AccountsSetup.Policies.Staff);
        group.MapGet("/rates", async ([AsParameters] RatesQuery query, GetRatesHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            Infrastructure.Problems.ToHttp(await handler.HandleAsync(query, await callers.GetAsync(context, ct), ct), context));
        return api;
    }
}

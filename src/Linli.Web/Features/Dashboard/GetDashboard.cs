using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Analytics;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dashboard;

public sealed record NamedCount(string Key, int Count);

/// <summary>响应率 / 解决率 / 满意率 over the window, as fractions (null when nothing to measure yet).</summary>
public sealed record Rates(double? Response, double? Resolution, double? Satisfaction, int Window);

public sealed record TrendSeries(string Name, IReadOnlyList<int> Counts);

public sealed record GridLoad(Guid Id, string Name, int Open, int Overdue, IReadOnlyList<double[]> Outline);

public sealed record TickerItem(Guid Id, string Number, string Text, WorkOrderStatus Status, Channel Channel, DateTime ReceivedAt);

public sealed record OverdueItem(Guid Id, string Number, string Text, string? UnitName, DateTime? Deadline);

public sealed record DashboardData(
    DateTime At,
    int ReceivedToday,
    IReadOnlyList<NamedCount> TodayByStatus,
    IReadOnlyList<NamedCount> TodayByChannel,
    int Open,
    int OverdueCount,
    Rates Rates,
    IReadOnlyList<string> TrendDays,
    IReadOnlyList<TrendSeries> Trend,
    IReadOnlyList<GridLoad> Grids,
    IReadOnlyList<TickerItem> Latest,
    IReadOnlyList<OverdueItem> Overdue);

/// <summary>
/// Everything the big screen shows, scoped to the caller like every other query (<see cref="WorkOrderScope"/>).
/// The three rates come from the analytics slice (<see cref="GetRatesHandler"/>, the last 30 days, summed over the streets the caller sees).
/// </summary>
public sealed class GetDashboardHandler(LinliDbContext db, UnitTree units, SiteTime site, GetRatesHandler ratesOf, ListGridsHandler gridsOf)
{
    public const int TrendDays = 30;
    private const int TrendCategories = 6;

    public async Task<DashboardData> HandleAsync(Caller caller, CancellationToken ct)
    {
        var now = site.UtcNow;
        var todayStart = site.StartOfLocalDay(site.Today);
        var windowStart = site.StartOfLocalDay(site.Today.AddDays(-(TrendDays - 1)));
        var visible = db.WorkOrders.AsNoTracking().VisibleTo(caller);

        var today = await visible.Where(o => o.ReceivedAt >= todayStart).Select(o => new { o.Status, o.Channel }).ToListAsync(ct);
        var open = visible.Where(o => o.Status == WorkOrderStatus.Received || o.Status == WorkOrderStatus.Dispatched || o.Status == WorkOrderStatus.Accepted);
        var overdue = open.Where(o => (o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now) || o.CompleteBy < now);

        var window = await visible.Where(o => o.ReceivedAt >= windowStart).Select(o => new { o.ReceivedAt, o.CategoryId }).ToListAsync(ct);
        var rates = await RatesAsync(caller, ct);

        // Trend: orders per day for the busiest top-level categories.
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId }).ToDictionaryAsync(c => c.Id, ct);
        Guid? TopOf(Guid? id)
        {
            while (id is { } current && categories.TryGetValue(current, out var c) && c.ParentId is { } parent)
            {
                id = parent;
            }
            return id;
        }
        var days = Enumerable.Range(0, TrendDays).Select(i => site.Today.AddDays(i - TrendDays + 1)).ToList();
        var byTop = window.GroupBy(o => TopOf(o.CategoryId)).OrderByDescending(g => g.Count()).Take(TrendCategories);
        var trend = byTop.Select(g =>
        {
            var perDay = g.GroupBy(o => DateOnly.FromDateTime(site.ToLocal(o.ReceivedAt))).ToDictionary(d => d.Key, d => d.Count());
            var name = g.Key is { } id && categories.TryGetValue(id, out var c) ? c.Name : "";
            return new TrendSeries(name, [.. days.Select(d => perDay.GetValueOrDefault(d))]);
        }).ToList();

        // Grid load: open and overdue orders per level-3 grid, drawn with the grid's boundary (Features/Grids); a grid team
        // without a boundary yet is drawn as the box around its buildings.
        var boundaries = (await gridsOf.HandleAsync(new ListGridsQuery(3, null, false), ct))
            .GroupBy(g => g.UnitId).ToDictionary(g => g.Key, g => GridOutlines.OuterRing(g.First().Polygon));
        var tree = await units.GetAsync(ct);
        var gridIds = tree.All.Where(u => u.Kind == UnitKind.Grid && u.IsActive && caller.Covers(u.Id)).Select(u => u.Id).ToList();
        var openByGrid = await open.Where(o => o.AreaUnitId != null && gridIds.Contains(o.AreaUnitId.Value))
            .GroupBy(o => o.AreaUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var overdueByGrid = await overdue.Where(o => o.AreaUnitId != null && gridIds.Contains(o.AreaUnitId.Value))
            .GroupBy(o => o.AreaUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => gridIds.Contains(b.GridUnitId))
            .Select(b => new { b.GridUnitId, b.Latitude, b.Longitude }).ToListAsync(ct);
        var grids = gridIds.Select(id => tree.Find(id)!).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u =>
        {
            var points = buildings.Where(b => b.GridUnitId == u.Id).ToList();
            IReadOnlyList<double[]> outline = boundaries.TryGetValue(u.Id, out var ring) && ring.Count > 0 ? ring
                : points.Count == 0 ? [] : Box(points.Min(p => p.Latitude), points.Max(p => p.Latitude),
                points.Min(p => p.Longitude), points.Max(p => p.Longitude));
            return new GridLoad(u.Id, u.Name, openByGrid.GetValueOrDefault(u.Id), overdueByGrid.GetValueOrDefault(u.Id), outline);
        }).ToList();

        var latest = await visible.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Take(12)
            .Select(o => new { o.Id, o.Number, o.Title, o.Description, o.Status, o.Channel, o.ReceivedAt }).ToListAsync(ct);
        var late = await overdue.OrderBy(o => o.CompleteBy).Take(10)
            .Select(o => new { o.Id, o.Number, o.Title, o.Description, o.UnitId, o.Status, o.RespondBy, o.CompleteBy }).ToListAsync(ct);

        return new DashboardData(
            now,
            today.Count,
            [.. today.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => new NamedCount(g.Key.ToString(), g.Count()))],
            [.. today.GroupBy(o => o.Channel).OrderByDescending(g => g.Count()).Select(g => new NamedCount(g.Key.ToString(), g.Count()))],
            await open.CountAsync(ct),
            await overdue.CountAsync(ct),
            rates,
            [.. days.Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
            trend,
            grids,
            [.. latest.Select(o => new TickerItem(o.Id, o.Number, Short(o.Title ?? o.Description), o.Status, o.Channel, o.ReceivedAt))],
            [.. late.Select(o => new OverdueItem(o.Id, o.Number, Short(o.Title ?? o.Description), o.UnitId is { } u ? tree.Find(u)?.Name : null,
                o.Status == WorkOrderStatus.Dispatched && o.RespondBy < now ? o.RespondBy : o.CompleteBy))]);
    }

    private async Task<Rates> RatesAsync(Caller caller, CancellationToken ct)
    {
        var report = await ratesOf.HandleAsync(new RatesQuery("street", null, null), caller, ct);
        var rows = report.IsSuccess ? report.Value.Rows : [];
        int Sum(Func<RatesRow, int> count) => rows.Sum(count);
        double? Ratio(int part, int whole) => whole == 0 ? null : part / (double)whole;
        return new Rates(
            Ratio(Sum(r => r.AcceptedInTime), Sum(r => r.Dispatched)),
            Ratio(Sum(r => r.Resolved), Sum(r => r.Evaluated)),
            Ratio(Sum(r => r.Satisfied), Sum(r => r.Evaluated)),
            TrendDays);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>A grid team without a boundary: its buildings' bounding box, padded.</summary>
    private static double[][] Box(double south, double north, double west, double east)
    {
        const double pad = 0.0006;
        return [[south - pad, west - pad], [north + pad, west - pad], [north + pad, east + pad], [south - pad, east + pad]];
    }
}

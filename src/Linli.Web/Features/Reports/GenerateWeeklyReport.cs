using System.Text.Json;
using System.Text.Json.Serialization;
using Linli.Domain.Common;
using Linli.Domain.Prevention;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Analytics;
using Linli.Web.Features.Prevention;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Reports;

/// <summary>The counts of a week (definitions in README.md).</summary>
public sealed record ReportTotals(int Received, int Dispatched, int Completed, int Evaluated, int Overdue);

/// <summary>The three rates, exactly as the rates endpoint gives them for the area's level (Features/Analytics).</summary>
public sealed record ReportRates(double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, int Dispatched, int AcceptedInTime, int Evaluated, int Resolved, int Satisfied);

public sealed record ReportChange(ReportTotals Totals, double? ResponseRate, double? ResolutionRate, double? SatisfactionRate);

public sealed record CategoryCount(Guid? CategoryId, string Name, int Count, int PreviousCount);

public sealed record ReportOrder(Guid Id, string Number, string? Title, string? UnitName, DateTime? CompleteBy, DateTime? At);

public sealed record RankingRow(Guid Id, string Name, int Received, int Dispatched, int Overdue, double? ResponseRate, double? ResolutionRate, double? SatisfactionRate);

public sealed record ForecastRow(Guid? CategoryId, string Name, double Expected, int ThisWeek);

public sealed record WeeklyReport(
    Guid Id,
    string Week,
    Guid AreaId,
    string AreaName,
    DateTime From,
    DateTime To,
    DateTime GeneratedAt,
    ReportTotals Totals,
    ReportRates Rates,
    ReportTotals PreviousTotals,
    ReportRates PreviousRates,
    ReportChange Change,
    IReadOnlyList<CategoryCount> TopCategories,
    IReadOnlyList<HotIssue> HotIssues,
    IReadOnlyList<ReportOrder> OverdueOrders,
    IReadOnlyList<ReportOrder> EscalatedOrders,
    IReadOnlyList<RankingRow> GridRanking,
    IReadOnlyList<RankingRow> UnitRanking,
    double ForecastTotal,
    IReadOnlyList<ForecastRow> Forecast,
    IReadOnlyList<string> Recommendations,
    string Narrative,
    string NarrativeSource);

public sealed record GenerateWeeklyReportResponse(Guid Id, string Week, Guid AreaId);

/// <summary>
/// 社区问题报告: computes every figure of one ISO week (Monday 00:00 to Monday 00:00, site time) for one area from the
/// database, freezes it as JSON and Markdown, and stores it. The rates come from the rates handler itself, so the report
/// and the rates endpoint cannot disagree.
/// </summary>
public sealed class GenerateWeeklyReportHandler(
    LinliDbContext db,
    UnitTree units,
    SiteTime site,
    GetRatesHandler rates,
    GetHotIssuesHandler hotIssues,
    ReportNarrator narrator)
{
    public static readonly Error InvalidWeek = Error.Validation("Reports.InvalidWeek");

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Result<GenerateWeeklyReportResponse>> HandleAsync(string? week, Guid? area, Caller caller, string? scheduledKey, CancellationToken ct)
    {
        IsoWeek isoWeek;
        if (week is null)
        {
            isoWeek = IsoWeek.Of(site.Today).Previous; // the last full week
        }
        else if (!IsoWeek.TryParse(week, out isoWeek))
        {
            return InvalidWeek;
        }
        var node = await GetHotIssuesHandler.AreaAsync(area, caller, units, ct);
        if (!node.IsSuccess)
        {
            return node.Error!;
        }
        var report = await BuildAsync(isoWeek, node.Value, caller, ct);
        if (!report.IsSuccess)
        {
            return report.Error!;
        }
        var record = new WeeklyReportRecord
        {
            Id = report.Value.Id,
            AreaUnitId = node.Value.Id,
            Week = isoWeek.ToString(),
            GeneratedAt = report.Value.GeneratedAt,
            GeneratedBy = caller.Name.Length > 64 ? caller.Name[..64] : caller.Name,
            ScheduledKey = scheduledKey,
            Json = JsonSerializer.Serialize(report.Value, Json),
            Markdown = WeeklyReportRenderer.Markdown(report.Value),
        };
        db.WeeklyReports.Add(record);
        await db.SaveChangesAsync(ct);
        return new GenerateWeeklyReportResponse(record.Id, record.Week, record.AreaUnitId);
    }

    public async Task<Result<WeeklyReport>> BuildAsync(IsoWeek week, UnitNode area, Caller caller, CancellationToken ct)
    {
        var (from, to) = week.UtcRange(site.Zone);
        var (previousFrom, previousTo) = week.Previous.UtcRange(site.Zone);
        var tree = await units.GetAsync(ct);
        var subtree = tree.Subtree([area.Id]).ToList();
        var inArea = db.WorkOrders.AsNoTracking().VisibleTo(caller).Where(o => o.AreaUnitId != null && subtree.Contains(o.AreaUnitId.Value));

        var totals = await TotalsAsync(inArea, from, to, ct);
        var previousTotals = await TotalsAsync(inArea, previousFrom, previousTo, ct);
        var level = area.GridLevel switch { 1 => "street", 2 => "community", _ => "grid" };
        var current = await RatesAsync(level, area.Id, from, to, caller, ct);
        if (!current.IsSuccess)
        {
            return current.Error!;
        }
        var previous = await RatesAsync(level, area.Id, previousFrom, previousTo, caller, ct);
        if (!previous.IsSuccess)
        {
            return previous.Error!;
        }

        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        string CategoryName(Guid? id) => id is { } c && categoryNames.TryGetValue(c, out var n) ? n : SystemText.Get("Category.Uncategorized");
        var thisWeek = await inArea.Where(o => o.ReceivedAt >= from && o.ReceivedAt < to).GroupBy(o => o.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var lastWeek = (await inArea.Where(o => o.ReceivedAt >= previousFrom && o.ReceivedAt < previousTo).GroupBy(o => o.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Count);
        var topCategories = thisWeek.Select(g => new CategoryCount(g.Key, CategoryName(g.Key), g.Count, lastWeek.GetValueOrDefault(g.Key ?? Guid.Empty)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Take(10).ToList();

        var hot = await hotIssues.HandleAsync(new HotIssuesQuery(from, to, area.Id, 5), caller, ct);
        var overdue = await OverdueQuery(inArea, to)
            .OrderBy(o => o.CompleteBy).ThenBy(o => o.Number).Take(20)
            .Select(o => new { o.Id, o.Number, o.Title, o.UnitId, o.CompleteBy }).ToListAsync(ct);
        var areaOrderIds = inArea.Select(o => o.Id);
        var escalations = await db.WorkOrderHistory.AsNoTracking()
            .Where(h => h.Trigger == WorkOrderTrigger.Escalate && h.At >= from && h.At < to && areaOrderIds.Contains(h.WorkOrderId))
            .OrderBy(h => h.At).ThenBy(h => h.Id).Take(20)
            .Select(h => new { h.WorkOrderId, h.UnitId, h.At }).ToListAsync(ct);
        var escalatedIds = escalations.Select(e => e.WorkOrderId).Distinct().ToList();
        var escalatedOrders = await db.WorkOrders.AsNoTracking().Where(o => escalatedIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Number, o.Title }).ToDictionaryAsync(o => o.Id, ct);
        var escalated = escalations.Select(e => new { Id = e.WorkOrderId, escalatedOrders[e.WorkOrderId].Number, escalatedOrders[e.WorkOrderId].Title, e.UnitId, e.At }).ToList();

        var gridRanking = await RankingAsync(inArea, "grid", from, to, caller, subtree, tree, ct);
        var unitRanking = await RankingAsync(inArea, "unit", from, to, caller, null, tree, ct);
        var forecast = await ForecastAsync(inArea, week, CategoryName, ct);

        var change = new ReportChange(
            new ReportTotals(totals.Received - previousTotals.Received, totals.Dispatched - previousTotals.Dispatched,
                totals.Completed - previousTotals.Completed, totals.Evaluated - previousTotals.Evaluated, totals.Overdue - previousTotals.Overdue),
            Diff(current.Value.ResponseRate, previous.Value.ResponseRate), Diff(current.Value.ResolutionRate, previous.Value.ResolutionRate),
            Diff(current.Value.SatisfactionRate, previous.Value.SatisfactionRate));

        var report = new WeeklyReport(Guid.CreateVersion7(), week.ToString(), area.Id, area.Name, from, to, site.UtcNow,
            totals, current.Value, previousTotals, previous.Value, change, topCategories,
            hot.IsSuccess ? hot.Value.Clusters : [],
            overdue.Select(o => new ReportOrder(o.Id, o.Number, o.Title, o.UnitId is { } u ? tree.Find(u)?.Name : null, o.CompleteBy, null)).ToList(),
            escalated.Select(o => new ReportOrder(o.Id, o.Number, o.Title, o.UnitId is { } u ? tree.Find(u)?.Name : null, null, o.At)).ToList(),
            gridRanking, unitRanking, Math.Round(forecast.Sum(f => f.Expected), 2), forecast, [], "", "builtin");
        report = report with { Recommendations = Recommendations.For(report) };
        var (narrative, source) = await narrator.NarrateAsync(report, ct);
        return report with { Narrative = narrative, NarrativeSource = source };
    }

    private static double? Diff(double? a, double? b) => a is { } x && b is { } y ? Math.Round(x - y, 4) : null;

    /// <summary>Open past the completion deadline at the end of the period: not done by then, and the deadline before it.</summary>
    internal static IQueryable<WorkOrder> OverdueQuery(IQueryable<WorkOrder> orders, DateTime to) =>
        orders.Where(o => o.CompleteBy != null && o.CompleteBy < to && o.ReceivedAt < to
            && (o.CompletedAt == null || o.CompletedAt >= to)
            && o.Status != WorkOrderStatus.Cancelled && o.Status != WorkOrderStatus.Merged);

    internal static async Task<ReportTotals> TotalsAsync(IQueryable<WorkOrder> orders, DateTime from, DateTime to, CancellationToken ct)
    {
        var received = await orders.CountAsync(o => o.ReceivedAt >= from && o.ReceivedAt < to, ct);
        var dispatched = await orders.CountAsync(o => o.History.Any(h => h.Trigger == WorkOrderTrigger.Dispatch && h.At >= from && h.At < to), ct);
        var completed = await orders.CountAsync(o => o.History.Any(h => h.Trigger == WorkOrderTrigger.Complete && h.At >= from && h.At < to), ct);
        var evaluated = await orders.CountAsync(o => o.History.Any(h => h.Trigger == WorkOrderTrigger.Evaluate && h.At >= from && h.At < to), ct);
        var overdue = await OverdueQuery(orders, to).CountAsync(ct);
        return new ReportTotals(received, dispatched, completed, evaluated, overdue);
    }

    private async Task<Result<ReportRates>> RatesAsync(string level, Guid areaId, DateTime from, DateTime to, Caller caller, CancellationToken ct)
    {
        var result = await rates.HandleAsync(new RatesQuery(level, from, to), caller, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var row = result.Value.Rows.FirstOrDefault(r => r.Id == areaId);
        return row is null
            ? new ReportRates(null, null, null, 0, 0, 0, 0, 0)
            : new ReportRates(row.ResponseRate, row.ResolutionRate, row.SatisfactionRate, row.Dispatched, row.AcceptedInTime, row.Evaluated, row.Resolved, row.Satisfied);
    }

    private async Task<IReadOnlyList<RankingRow>> RankingAsync(IQueryable<WorkOrder> inArea, string groupBy, DateTime from, DateTime to, Caller caller,
        List<Guid>? subtree, UnitTree.Snapshot tree, CancellationToken ct)
    {
        var result = await rates.HandleAsync(new RatesQuery(groupBy, from, to), caller, ct);
        if (!result.IsSuccess)
        {
            return [];
        }
        var byUnit = groupBy == "unit";
        var received = byUnit
            ? await inArea.Where(o => o.ReceivedAt >= from && o.ReceivedAt < to && o.UnitId != null).GroupBy(o => o.UnitId!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : (await inArea.Where(o => o.ReceivedAt >= from && o.ReceivedAt < to).GroupBy(o => o.AreaUnitId!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .GroupBy(g => tree.AncestorsAndSelf(g.Key).FirstOrDefault(u => u.GridLevel == 3)?.Id ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return result.Value.Rows
            .Where(r => byUnit ? received.ContainsKey(r.Id) : subtree!.Contains(r.Id))
            .Select(r => new RankingRow(r.Id, r.Name, received.GetValueOrDefault(r.Id), r.Dispatched, r.Overdue, r.ResponseRate, r.ResolutionRate, r.SatisfactionRate))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(15)
            .ToList();
    }

    /// <summary>Next week's expected orders per category, from the last 52 weeks of the area (Linli.Domain.Prevention.WeeklyForecast).</summary>
    private async Task<IReadOnlyList<ForecastRow>> ForecastAsync(IQueryable<WorkOrder> inArea, IsoWeek week, Func<Guid?, string> name, CancellationToken ct)
    {
        var (historyFrom, _) = IsoWeek.Of(week.Monday.AddDays(-7 * 51)).UtcRange(site.Zone);
        var (_, to) = week.UtcRange(site.Zone);
        var rows = await inArea.Where(o => o.ReceivedAt >= historyFrom && o.ReceivedAt < to && o.Channel != Channel.Proactive)
            .Select(o => new { o.CategoryId, o.ReceivedAt }).ToListAsync(ct);
        var result = new List<ForecastRow>();
        foreach (var category in rows.GroupBy(r => r.CategoryId))
        {
            var series = new double[52];
            foreach (var r in category)
            {
                var index = (int)((r.ReceivedAt - historyFrom).TotalDays / 7);
                if (index is >= 0 and < 52)
                {
                    series[index]++;
                }
            }
            var expected = WeeklyForecast.Next(series).Expected;
            result.Add(new ForecastRow(category.Key, name(category.Key), Math.Round(expected, 2), (int)series[^1]));
        }
        return result.OrderByDescending(r => r.Expected).ThenBy(r => r.Name, StringComparer.Ordinal).Take(10).ToList();
    }
}

/// <summary>Rule-based recommendations from the figures: each names the figure that prompted it.</summary>
internal static class Recommendations
{
    public static IReadOnlyList<string> For(WeeklyReport r)
    {
        var list = new List<string>();
        if (r.Totals.Overdue > 0)
        {
            list.Add(SystemText.Format("Report.Recommendation.Overdue", r.Totals.Overdue));
        }
        if (r.Rates.ResponseRate is < 0.9)
        {
            list.Add(SystemText.Format("Report.Recommendation.ResponseRate", r.Rates.ResponseRate));
        }
        if (r.Rates.SatisfactionRate is < 0.9)
        {
            list.Add(SystemText.Format("Report.Recommendation.SatisfactionRate", r.Rates.SatisfactionRate));
        }
        foreach (var c in r.TopCategories.Where(c => c.Count >= 3 && c.Count >= 2 * Math.Max(1, c.PreviousCount)).Take(3))
        {
            list.Add(SystemText.Format("Report.Recommendation.CategoryGrowth", c.Name, c.Count, c.PreviousCount));
        }
        foreach (var h in r.HotIssues.Take(3).Where(h => h.Size >= 3))
        {
            list.Add(SystemText.Format("Report.Recommendation.HotIssue", Short(h.RepresentativeText), h.Size));
        }
        if (r.ForecastTotal > r.Totals.Received * 1.2 && r.ForecastTotal >= 5)
        {
            list.Add(SystemText.Format("Report.Recommendation.Forecast", r.ForecastTotal));
        }
        if (list.Count == 0)
        {
            list.Add(SystemText.Get("Report.Recommendation.Steady"));
        }
        return list;
    }

    internal static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}

using Linli.Domain.Common;
using Linli.Domain.Prevention;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Prevention;

public sealed record ForecastQuery(Guid? Area, string? Week);

public sealed record CategoryForecast(Guid? CategoryId, string? CategoryName, int Observed, double Expected, double PValue, bool Anomaly, double NextWeekExpected);

public sealed record GridRisk(Guid GridUnitId, string GridName, RiskGrade Grade, int Observed, double Expected, IReadOnlyList<CategoryForecast> Categories);

public sealed record BackTestFigures(int Weeks, double ModelMae, double NaiveMae, double Ratio);

public sealed record ForecastResponse(Guid AreaId, string AreaName, string Week, string NextWeek, IReadOnlyList<GridRisk> Grids, BackTestFigures BackTest);

public sealed record ProposalSummary(Guid Id, Guid GridUnitId, string? GridName, Guid? CategoryId, string? CategoryName, string Week, RiskGrade Grade,
    int Observed, double Expected, double PValue, string Reason, ProposalStatus Status, Guid? WorkOrderId, DateTime CreatedAt, DateTime? DecidedAt);

public sealed record DismissProposalRequest(string? Reason);

/// <summary>
/// 问题预判 per grid × category: for an ISO week (default: the last full week) the expected count from the 52 weeks before
/// (Linli.Domain.Prevention.WeeklyForecast), how surprising the observed count is (Poisson upper tail), the grid's risk grade
/// (RiskRules: 红/黄/绿), next week's expectation, and the back-test error of the method on the same series next to the naive
/// last-week forecast. <see cref="ProposeAsync"/> turns red grids into proactive proposals (未诉先办) a leader confirms.
/// </summary>
public sealed class ForecastRiskHandler(LinliDbContext db, UnitTree units, SiteTime site, SubmitWorkOrderHandler intake)
{
    private const int HistoryWeeks = 52;

    public static readonly Error InvalidWeek = Error.Validation("Reports.InvalidWeek");
    public static readonly Error ProposalNotFound = Error.NotFound("Prevention.ProposalNotFound");
    public static readonly Error ProposalDecided = Error.Conflict("Prevention.ProposalDecided");
    public static readonly Error NoPlaceInGrid = Error.Conflict("Prevention.NoPlaceInGrid");

    public async Task<Result<ForecastResponse>> ForecastAsync(ForecastQuery query, Caller caller, CancellationToken ct)
    {
        IsoWeek week;
        if (query.Week is null)
        {
            week = IsoWeek.Of(site.Today).Previous;
        }
        else if (!IsoWeek.TryParse(query.Week, out week))
        {
            return InvalidWeek;
        }
        var area = await GetHotIssuesHandler.AreaAsync(query.Area, caller, units, ct);
        if (!area.IsSuccess)
        {
            return area.Error!;
        }
        var tree = await units.GetAsync(ct);
        var subtree = tree.Subtree([area.Value.Id]);
        var grids = tree.All.Where(u => u.GridLevel == 3 && u.IsActive && subtree.Contains(u.Id)).ToDictionary(u => u.Id);
        var (historyFrom, _) = IsoWeek.Of(week.Monday.AddDays(-7 * HistoryWeeks)).UtcRange(site.Zone);
        var (weekFrom, weekTo) = week.UtcRange(site.Zone);
        var gridIds = grids.Keys.ToList();
        var rows = await db.WorkOrders.AsNoTracking()
            .Where(o => o.AreaUnitId != null && gridIds.Contains(o.AreaUnitId.Value) && o.ReceivedAt >= historyFrom && o.ReceivedAt < weekTo
                && o.Channel != Channel.Proactive && o.Status != WorkOrderStatus.Cancelled)
            .Select(o => new { Grid = o.AreaUnitId!.Value, o.CategoryId, o.ReceivedAt })
            .ToListAsync(ct);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var risks = new List<GridRisk>();
        var allSeries = new List<IReadOnlyList<double>>();
        foreach (var grid in grids.Values.OrderBy(g => g.Code, StringComparer.Ordinal))
        {
            var categories = new List<CategoryForecast>();
            var cells = new List<ForecastCell>();
            foreach (var group in rows.Where(r => r.Grid == grid.Id).GroupBy(r => r.CategoryId).OrderBy(g => g.Key))
            {
                // Weeks 0..51 are history; week 52 is the week being judged.
                var counts = new double[HistoryWeeks + 1];
                foreach (var r in group)
                {
                    var index = (int)((r.ReceivedAt - historyFrom).TotalDays / 7);
                    if (index is >= 0 and <= HistoryWeeks)
                    {
                        counts[index]++;
                    }
                }
                var history = counts[..HistoryWeeks];
                var expected = WeeklyForecast.Next(history).Expected;
                var observed = (int)counts[HistoryWeeks];
                var p = WeeklyForecast.PoissonUpperTail(observed, expected);
                cells.Add(new ForecastCell(grid.Id.ToString(), group.Key?.ToString() ?? "", observed, expected, p));
                categories.Add(new CategoryForecast(group.Key, group.Key is { } c ? names.GetValueOrDefault(c) : null, observed,
                    Math.Round(expected, 3), Math.Round(p, 5), p < RiskRules.AnomalyP, Math.Round(WeeklyForecast.Next(counts).Expected, 3)));
                allSeries.Add(counts);
            }
            risks.Add(new GridRisk(grid.Id, grid.Name, RiskRules.Grade(cells), cells.Sum(c => c.Observed), Math.Round(cells.Sum(c => c.Expected), 3),
                [.. categories.OrderBy(c => c.PValue).ThenByDescending(c => c.Observed)]));
        }
        var backTest = WeeklyForecast.BackTest(allSeries);
        return new ForecastResponse(area.Value.Id, area.Value.Name, week.ToString(), week.Next.ToString(),
            [.. risks.OrderByDescending(r => r.Grade).ThenByDescending(r => r.Observed).ThenBy(r => r.GridName, StringComparer.Ordinal)],
            new BackTestFigures(backTest.Weeks, Math.Round(backTest.ModelMae, 4), Math.Round(backTest.NaiveMae, 4), Math.Round(backTest.Ratio, 4)));
    }

    /// <summary>Red grids of the week get one pending proposal each (the unique grid × week index makes a rerun harmless).</summary>
    public async Task<Result<IReadOnlyList<ProposalSummary>>> ProposeAsync(ForecastQuery query, Caller caller, CancellationToken ct)
    {
        var forecast = await ForecastAsync(query, caller, ct);
        if (!forecast.IsSuccess)
        {
            return forecast.Error!;
        }
        var week = forecast.Value.Week;
        var existing = await db.ProactiveProposals.Where(p => p.Week == week).Select(p => p.GridUnitId).ToListAsync(ct);
        foreach (var grid in forecast.Value.Grids.Where(g => g.Grade == RiskGrade.Red && !existing.Contains(g.GridUnitId)))
        {
            var worst = grid.Categories[0];
            db.ProactiveProposals.Add(new ProactiveProposal
            {
                Id = Guid.CreateVersion7(),
                GridUnitId = grid.GridUnitId,
                CategoryId = worst.CategoryId,
                Week = week,
                Grade = grid.Grade,
                Observed = worst.Observed,
                Expected = worst.Expected,
                PValue = worst.PValue,
                Reason = SystemText.Format("Prevention.ProposalReason", grid.GridName, week, worst.CategoryName ?? SystemText.Get("Category.Uncategorized"),
                    worst.Observed, worst.Expected, worst.PValue),
                Status = ProposalStatus.Pending,
                CreatedAt = site.UtcNow,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance proposed the same grid-week at the same time: its proposal stands.
            db.ChangeTracker.Clear();
        }
        return Result<IReadOnlyList<ProposalSummary>>.Success(await ListAsync(caller, null, ct));
    }

    public async Task<List<ProposalSummary>> ListAsync(Caller caller, ProposalStatus? status, CancellationToken ct)
    {
        var rows = await db.ProactiveProposals.AsNoTracking().Where(p => status == null || p.Status == status)
            .OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(ct);
        var tree = await units.GetAsync(ct);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Where(p => caller.Covers(p.GridUnitId)).Select(p => new ProposalSummary(p.Id, p.GridUnitId, tree.Find(p.GridUnitId)?.Name,
            p.CategoryId, p.CategoryId is { } c ? names.GetValueOrDefault(c) : null, p.Week, p.Grade, p.Observed, p.Expected, p.PValue, p.Reason,
            p.Status, p.WorkOrderId, p.CreatedAt, p.DecidedAt))];
    }

    /// <summary>
    /// Confirming creates the proactive order through the one intake (channel Proactive, a building of the grid as its place),
    /// so it is classified and routed like any other; the proposal's id is its external reference, so a repeat is harmless.
    /// </summary>
    public async Task<Result<WorkOrderDetails>> ConfirmAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var proposal = await db.ProactiveProposals.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !caller.Covers(proposal.GridUnitId))
        {
            return ProposalNotFound;
        }
        if (!caller.IsCoordinator && !caller.InRole(Roles.GridLeader))
        {
            return WorkOrderPermissions.ActionNotAllowed;
        }
        if (proposal.Status == ProposalStatus.Dismissed)
        {
            return ProposalDecided;
        }
        var building = await db.Buildings.AsNoTracking().Where(b => b.GridUnitId == proposal.GridUnitId).OrderBy(b => b.Number).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (building is null)
        {
            return NoPlaceInGrid;
        }
        var submitted = await intake.HandleAsync(new SubmitWorkOrderRequest(Channel.Proactive, SystemText.Get("Prevention.ProactiveOrderTitle"), proposal.Reason, proposal.CategoryId, Urgency.Normal,
            null, building, null, null, null, null, $"proposal:{proposal.Id:N}", null), null, caller, ct);
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }
        db.ChangeTracker.Clear();
        var tracked = await db.ProactiveProposals.FirstAsync(p => p.Id == id, ct);
        if (tracked.Status == ProposalStatus.Pending)
        {
            tracked.Status = ProposalStatus.Confirmed;
            tracked.WorkOrderId = submitted.Value.Order.Id;
            tracked.DecidedAt = site.UtcNow;
            tracked.DecidedByUserId = caller.UserId;
            tracked.Version++;
            await db.SaveChangesAsync(ct);
        }
        return submitted.Value.Order;
    }

    public async Task<Result<ProposalSummary>> DismissAsync(Guid id, DismissProposalRequest request, Caller caller, CancellationToken ct)
    {
        var proposal = await db.ProactiveProposals.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !caller.Covers(proposal.GridUnitId))
        {
            return ProposalNotFound;
        }
        if (!caller.IsCoordinator && !caller.InRole(Roles.GridLeader))
        {
            return WorkOrderPermissions.ActionNotAllowed;
        }
        if (proposal.Status != ProposalStatus.Pending)
        {
            return ProposalDecided;
        }
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 400)
        {
            return WorkOrderErrors.ReasonRequired;
        }
        proposal.Status = ProposalStatus.Dismissed;
        proposal.Reason = SystemText.Format("Prevention.ProposalDismissed", proposal.Reason, request.Reason.Trim());
        proposal.DecidedAt = site.UtcNow;
        proposal.DecidedByUserId = caller.UserId;
        proposal.Version++;
        await db.SaveChangesAsync(ct);
        return (await ListAsync(caller, null, ct)).First(p => p.Id == id);
    }
}

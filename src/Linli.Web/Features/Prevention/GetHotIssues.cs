using Linli.Domain.Common;
using Linli.Domain.Prevention;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Prevention;

public sealed record HotIssuesQuery(DateTime? From, DateTime? To, Guid? Area, int? Top);

/// <summary>One order (or imported message) of a hot issue.</summary>
public sealed record HotIssueMember(string Id, string? Number, DateTime At, bool Imported);

public sealed record HotIssue(
    int Rank,
    string RepresentativeText,
    string? RepresentativeNumber,
    int Size,
    int PreviousSize,
    double Growth,
    int Support,
    double Score,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Categories,
    IReadOnlyList<HotIssueMember> Orders,
    DateTime FirstAt,
    DateTime LastAt);

public sealed record HotIssueList(Guid AreaId, string AreaName, DateTime From, DateTime To, int Requests, IReadOnlyList<HotIssue> Clusters);

/// <summary>
/// 高频问题清单: the requests of a period in an area (orders located in the area's subtree, plus imported history),
/// clustered by text, place and category (Linli.Domain.Prevention.HotIssueClustering) and ranked by size, support
/// (merged duplicate reporters, likes of imported history) and growth against the period before.
/// </summary>
public sealed class GetHotIssuesHandler(LinliDbContext db, UnitTree units, SiteTime site)
{
    public static readonly Error InvalidPeriod = Error.Validation("Prevention.InvalidPeriod");
    public static readonly Error UnknownArea = Error.NotFound("Prevention.UnknownArea");
    public static readonly Error AreaForbidden = Error.Forbidden("Prevention.AreaForbidden");
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(92);

    public async Task<Result<HotIssueList>> HandleAsync(HotIssuesQuery query, Caller caller, CancellationToken ct)
    {
        var to = query.To?.ToUniversalTime() ?? site.UtcNow;
        var from = query.From?.ToUniversalTime() ?? to.AddDays(-7);
        if (from >= to || to - from > LongestPeriod || query.Top is < 1 or > 100)
        {
            return InvalidPeriod;
        }
        var area = await AreaAsync(query.Area, caller, units, ct);
        if (!area.IsSuccess)
        {
            return area.Error!;
        }
        var node = area.Value;
        var tree = await units.GetAsync(ct);
        var subtree = tree.Subtree([node.Id]).ToList();
        var previousFrom = from - (to - from);

        var orders = await db.WorkOrders.AsNoTracking().VisibleTo(caller)
            .Where(o => o.AreaUnitId != null && subtree.Contains(o.AreaUnitId.Value) && o.ReceivedAt >= previousFrom && o.ReceivedAt < to
                && o.Status != WorkOrderStatus.Cancelled && o.Status != WorkOrderStatus.Merged && o.Channel != Channel.Proactive)
            .Select(o => new { o.Id, o.Number, o.Title, o.Description, o.CategoryId, o.BuildingId, o.AreaUnitId, o.ReceivedAt })
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var merged = await db.WorkOrders.AsNoTracking()
            .Where(o => o.ParentId != null && o.Status == WorkOrderStatus.Merged && ids.Contains(o.ParentId.Value))
            .GroupBy(o => o.ParentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var buildingIds = orders.Where(o => o.BuildingId != null).Select(o => o.BuildingId!.Value).Distinct().ToList();
        var buildings = (await db.Buildings.AsNoTracking().Where(b => buildingIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Compound, b.Number }).ToListAsync(ct))
            .ToDictionary(b => b.Id, b => BuildingName.Of(b.Compound, b.Number));
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var history = await db.HistoricalRequests.AsNoTracking()
            .Where(h => subtree.Contains(h.AreaUnitId) && h.OccurredAt >= previousFrom && h.OccurredAt < to)
            .Select(h => new { h.Id, h.Title, h.Detail, h.CategoryId, h.CategoryText, h.PlaceText, h.Support, h.OccurredAt })
            .ToListAsync(ct);

        string? PlaceOf(Guid? buildingId, Guid? areaUnitId) =>
            buildingId is { } b && buildings.TryGetValue(b, out var name) ? name : areaUnitId is { } a ? tree.Find(a)?.Name : null;
        var items = orders.Select(o => new ClusterItem(o.Id.ToString(), (o.Title is null ? "" : o.Title + "。") + o.Description,
                PlaceOf(o.BuildingId, o.AreaUnitId), o.CategoryId is { } c && categories.TryGetValue(c, out var cn) ? cn : null,
                o.ReceivedAt, merged.GetValueOrDefault(o.Id), o.ReceivedAt >= from))
            .Concat(history.Select(h => new ClusterItem("h:" + h.Id, h.Title + "。" + h.Detail, h.PlaceText,
                h.CategoryId is { } c && categories.TryGetValue(c, out var cn) ? cn : h.CategoryText, h.OccurredAt, h.Support, h.OccurredAt >= from)))
            .ToList();
        var clusters = HotIssueClustering.Cluster(items, new ClusteringSettings { Top = query.Top ?? 20 });

        var numbers = orders.ToDictionary(o => o.Id.ToString(), o => o.Number);
        var at = items.ToDictionary(i => i.Id, i => i.At);
        var result = clusters.Select(c => new HotIssue(c.Rank, Shorten(c.RepresentativeText), numbers.GetValueOrDefault(c.MedoidId), c.Size, c.PreviousSize,
                c.Growth, c.Support, c.Score, c.Places, c.Categories,
                c.ItemIds.Select(id => id.StartsWith("h:", StringComparison.Ordinal)
                    ? new HotIssueMember(id[2..], null, at[id], true)
                    : new HotIssueMember(id, numbers[id], at[id], false)).ToList(),
                c.FirstAt, c.LastAt))
            .ToList();
        return new HotIssueList(node.Id, node.Name, from, to, items.Count(i => i.InCurrentPeriod), result);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The area unit asked for (default: the caller's own top area, else the street), if the caller covers it.</summary>
    internal static async Task<Result<UnitNode>> AreaAsync(Guid? areaId, Caller caller, UnitTree units, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var node = areaId is { } id ? tree.Find(id)
            : caller.UnitIds.Select(tree.Find).OfType<UnitNode>().Where(u => u.GridLevel is not null).MinBy(u => u.GridLevel) ?? tree.DefaultArea;
        if (node is null || node.GridLevel is null || !node.IsActive)
        {
            return UnknownArea;
        }
        return caller.Covers(node.Id) ? node : AreaForbidden;
    }
}

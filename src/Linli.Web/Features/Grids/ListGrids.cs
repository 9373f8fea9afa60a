using System.Text.Json.Nodes;
using Linli.Domain.Grids;
using Linli.Web.Features.Units;

namespace Linli.Web.Features.Grids;

/// <summary>A point on the map.</summary>
public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>
/// A grid for maps and admin screens: <c>center</c> is a point guaranteed inside the polygon (an interior point, not the
/// centroid, which can fall outside an L-shaped grid; rounded to 1e-7°, about a centimetre); <c>polygon</c> is a GeoJSON geometry, longitude first.
/// </summary>
public sealed record GridSummary(
    Guid Id,
    string Code,
    string Name,
    int Level,
    Guid? ParentId,
    Guid UnitId,
    string? UnitName,
    Guid? BuildingId,
    bool IsActive,
    GeoPoint Center,
    JsonObject Polygon,
    int Version);

public sealed record ListGridsQuery(int? Level, Guid? ParentId, bool? IncludeRetired);

/// <summary>Lists grids from the in-memory map, by level and parent, codes in order.</summary>
public sealed class ListGridsHandler(GridMap map, UnitTree units)
{
    public async Task<IReadOnlyList<GridSummary>> HandleAsync(ListGridsQuery query, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        var tree = await units.GetAsync(ct);
        return [.. snapshot.Grids
            .Where(g => (query.IncludeRetired ?? false) || g.IsActive)
            .Where(g => query.Level is null || g.Level == query.Level)
            .Where(g => query.ParentId is null || g.ParentId == query.ParentId)
            .OrderBy(g => g.Level).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => Summary(g, tree))];
    }

    public async Task<GridSummary?> GetAsync(Guid id, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        return snapshot.Find(id) is { } grid ? Summary(grid, await units.GetAsync(ct)) : null;
    }

    public static GridSummary Summary(GridNode g, UnitTree.Snapshot tree)
    {
        var center = g.Center;
        return new GridSummary(g.Id, g.Code, g.Name, g.Level, g.ParentId, g.UnitId, tree.Find(g.UnitId)?.Name, g.BuildingId, g.IsActive,
            new GeoPoint(Math.Round(center.Y, 7), Math.Round(center.X, 7)), GeoJson.Write(g.Boundary), g.Version);
    }
}

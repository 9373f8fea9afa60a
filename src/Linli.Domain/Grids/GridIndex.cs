using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Linli.Domain.Grids;

/// <summary>An active grid as the index holds it.</summary>
public sealed record IndexedGrid(Guid Id, string Code, int Level, Geometry Boundary);

/// <summary>What a point falls in: the deepest grids that cover it (several only on a shared edge or vertex).</summary>
public sealed record PointHit(IReadOnlyList<IndexedGrid> Grids, bool OnBoundary)
{
    public static readonly PointHit None = new([], false);

    /// <summary>The grid the point is given to: on a shared edge, the one with the lowest code, so the answer never flickers.</summary>
    public IndexedGrid? Grid => Grids.Count == 0 ? null : Grids.MinBy(g => g.Code, StringComparer.Ordinal);
}

/// <summary>
/// Point-in-polygon over many grids: an STR-tree of envelopes narrows the candidates, prepared geometries answer
/// "covers" quickly. A point on a boundary is covered (it belongs to the grid), and reported as such.
/// Immutable once built; build a new one when the grids change.
/// </summary>
public sealed class GridIndex
{
    private readonly STRtree<Entry> _tree = new();
    private readonly int _count;

    public GridIndex(IEnumerable<IndexedGrid> grids)
    {
        foreach (var grid in grids)
        {
            _tree.Insert(grid.Boundary.EnvelopeInternal, new Entry(grid, PreparedGeometryFactory.Prepare(grid.Boundary)));
            _count++;
        }
        _tree.Build();
    }

    public int Count => _count;

    /// <summary>The grids of the deepest level present at the point (micro-grid before block grid before community ...).</summary>
    public PointHit Locate(double latitude, double longitude, int? maxLevel = null)
    {
        if (_count == 0)
        {
            return PointHit.None;
        }
        var point = GridGeometry.Factory.CreatePoint(new Coordinate(longitude, latitude));
        var hits = _tree.Query(point.EnvelopeInternal)
            .Where(e => (maxLevel is null || e.Grid.Level <= maxLevel) && e.Prepared.Covers(point))
            .ToList();
        if (hits.Count == 0)
        {
            return PointHit.None;
        }
        var deepest = hits.Max(h => h.Grid.Level);
        var found = hits.Where(h => h.Grid.Level == deepest).ToList();
        var onBoundary = found.Count > 1 || found.Any(h => !h.Prepared.ContainsProperly(point));
        return new PointHit([.. found.Select(h => h.Grid).OrderBy(g => g.Code, StringComparer.Ordinal)], onBoundary);
    }

    private sealed record Entry(IndexedGrid Grid, IPreparedGeometry Prepared);
}

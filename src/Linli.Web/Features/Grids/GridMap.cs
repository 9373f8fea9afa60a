using Linli.Domain.Grids;
using Linli.Domain.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Grids;

/// <summary>One grid with its parsed boundary, as the map holds it.</summary>
public sealed record GridNode(Guid Id, string Code, string Name, int Level, Guid? ParentId, Guid UnitId, Guid? BuildingId, bool IsActive, Geometry Boundary, int Version)
{
    public Point Center => GridGeometry.InteriorPoint(Boundary);
}

/// <summary>A building as locating and routing need it.</summary>
public sealed record BuildingNode(Guid Id, string Compound, string Number, string Address, double Latitude, double Longitude, Guid GridUnitId, Guid? PropertyCompanyUnitId);

/// <summary>
/// The geography held in memory: every grid with its parsed polygon, an STR-tree over the active ones, the active buildings
/// and a directory of compound names and aliases for address matching. A street has hundreds of grids and thousands of
/// buildings, a district a few times more — small enough to keep whole. Rebuilt at most every 30 seconds (other instances'
/// edits, in the background) and at once after an edit on this instance (a <see cref="ReferenceSnapshot{T}"/>).
/// </summary>
public sealed class GridMap(IServiceScopeFactory scopes, TimeProvider clock) : ReferenceSnapshot<GridMap.Snapshot>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(Grid), typeof(Building), typeof(CompoundAlias)];

    protected override async Task<Snapshot> LoadAsync(LinliDbContext db, CancellationToken ct)
    {
        var grids = await db.Grids.AsNoTracking().ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.RetiredAt == null)
            .Select(b => new BuildingNode(b.Id, b.Compound, b.Number, b.Address, b.Latitude, b.Longitude, b.GridUnitId, b.PropertyCompanyUnitId))
            .ToListAsync(ct);
        var aliases = await db.CompoundAliases.AsNoTracking().ToListAsync(ct);
        var nodes = grids
            .Select(g => (Grid: g, Boundary: GridGeometry.ParseWkt(g.Boundary)))
            .Where(g => g.Boundary.IsSuccess)
            .Select(g => new GridNode(g.Grid.Id, g.Grid.Code, g.Grid.Name, g.Grid.Level, g.Grid.ParentId, g.Grid.UnitId, g.Grid.BuildingId, g.Grid.IsActive, g.Boundary.Value, g.Grid.Version))
            .ToList();
        return new Snapshot(nodes, buildings, aliases, Clock.GetUtcNow());
    }

    public sealed class Snapshot
    {
        private readonly Dictionary<Guid, GridNode> _grids;
        private readonly Dictionary<Guid, BuildingNode> _buildings;
        private readonly Dictionary<Guid, GridNode> _blockGridByUnit;
        private readonly Dictionary<Guid, GridNode> _microGridByBuilding;

        public Snapshot(IReadOnlyList<GridNode> grids, IReadOnlyList<BuildingNode> buildings, IReadOnlyList<CompoundAlias> aliases, DateTimeOffset loadedAt)
        {
            _grids = grids.ToDictionary(g => g.Id);
            _buildings = buildings.ToDictionary(b => b.Id);
            var active = grids.Where(g => g.IsActive).ToList();
            // A unit may own several grids (a community unit owns its level-2 grid only): the deepest active one is "its" grid.
            _blockGridByUnit = active.Where(g => g.Level <= Grid.BlockLevel).GroupBy(g => g.UnitId)
                .ToDictionary(x => x.Key, x => x.OrderByDescending(g => g.Level).ThenBy(g => g.Code, StringComparer.Ordinal).First());
            _microGridByBuilding = active.Where(g => g.BuildingId is not null).GroupBy(g => g.BuildingId!.Value).ToDictionary(x => x.Key, x => x.First());
            Index = new GridIndex(active.Select(g => new IndexedGrid(g.Id, g.Code, g.Level, g.Boundary)));
            Directory = new CompoundDirectory(buildings.Select(b => new KnownBuilding(b.Id, b.Compound, b.Number)), aliases);
            LoadedAt = loadedAt;
        }

        public DateTimeOffset LoadedAt { get; }

        public GridIndex Index { get; }

        public CompoundDirectory Directory { get; }

        public IEnumerable<GridNode> Grids => _grids.Values;

        public GridNode? Find(Guid id) => _grids.GetValueOrDefault(id);

        public BuildingNode? Building(Guid id) => _buildings.GetValueOrDefault(id);

        public IEnumerable<BuildingNode> BuildingsOf(string compound) => _buildings.Values.Where(b => b.Compound == compound);

        /// <summary>The property company of a compound, when all its buildings have the same one.</summary>
        public Guid? PropertyCompanyOf(string compound)
        {
            var companies = BuildingsOf(compound).Select(b => b.PropertyCompanyUnitId).Distinct().Take(2).ToList();
            return companies.Count == 1 ? companies[0] : null;
        }

        /// <summary>The deepest active grid (level 3 at most) a unit owns: the block grid of a grid team, the level-2 grid of a community.</summary>
        public GridNode? GridOfUnit(Guid unitId) => _blockGridByUnit.GetValueOrDefault(unitId);

        public GridNode? MicroGridOf(Guid buildingId) => _microGridByBuilding.GetValueOrDefault(buildingId);

        /// <summary>The grid and its ancestors, nearest first.</summary>
        public IEnumerable<GridNode> AncestorsAndSelf(Guid id)
        {
            var seen = new HashSet<Guid>();
            for (var node = Find(id); node is not null && seen.Add(node.Id); node = node.ParentId is { } p ? Find(p) : null)
            {
                yield return node;
            }
        }

        public IEnumerable<GridNode> ChildrenOf(Guid id) => _grids.Values.Where(g => g.ParentId == id);
    }
}

using Linli.Domain.Grids;
using Linli.Web.Features.Units;

namespace Linli.Web.Features.Grids;

/// <summary>What a request says about its place, and what we know of its reporter and channel.</summary>
/// <summary>What a request says about its place; <see cref="Text"/> is its title and description, searched for a registered name last.</summary>
public sealed record PlaceQuery(Guid? BuildingId, string? Address, double? Latitude, double? Longitude, Guid? ReporterHomeBuildingId = null, Guid? ChannelAreaUnitId = null,
    string? Text = null);

/// <summary>
/// Where a request is: how it was found and how sure (0–1), the grid (the deepest one: a building's micro-grid, else the
/// block grid), the building, the area unit that owns the place, the address in canonical spelling, the property
/// company of the building's compound, and the compound's registered name (also when no building in it is known).
/// </summary>
public sealed record Place(
    LocatedBy LocatedBy,
    double Confidence,
    Guid? GridId,
    Guid? BuildingId,
    Guid? AreaUnitId,
    string? NormalizedAddress,
    Guid? PropertyCompanyUnitId,
    string? Compound = null)
{
    /// <summary>A place sure enough to dispatch on without a person looking: a named building, a matched address, a point well inside a grid.</summary>
    public const double DispatchThreshold = 0.7;

    public bool IsKnown => LocatedBy != LocatedBy.Fallback && Confidence >= DispatchThreshold;
}

/// <summary>
/// Locates a request, surest evidence first: the building id → the address text (parsed, normalised, matched to a compound
/// name or alias and a building number) → the map point (point in polygon over the active grids) → a registered compound
/// name (and building number) in the request's own words → the reporter's own building when nothing at all was said →
/// the channel's area or the street (fallback).
/// </summary>
public sealed class PlaceLocator(GridMap map, UnitTree units, TimeProvider clock)
{
    public async Task<Place?> LocateAsync(PlaceQuery query, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        var address = string.IsNullOrWhiteSpace(query.Address) ? null : query.Address.Trim();
        var match = address is null ? null : snapshot.Directory.Match(address);
        var normalized = address is null ? null : Canonical(address, match);

        if (query.BuildingId is { } buildingId)
        {
            if (snapshot.Building(buildingId) is null && clock.GetUtcNow() - snapshot.LoadedAt > TimeSpan.FromSeconds(2))
            {
                // Perhaps registered on another instance since the map was loaded: look once more before refusing.
                map.Invalidate();
                snapshot = await map.GetAsync(ct);
            }
            // An unknown or retired building is the caller's mistake, not something to guess around.
            return snapshot.Building(buildingId) is { } building
                ? AtBuilding(snapshot, building, LocatedBy.Building, 1.0, normalized ?? building.Compound + building.Number + "号楼")
                : null;
        }
        if (match is not null)
        {
            if (match.Building is { } known && snapshot.Building(known.Id) is { } building)
            {
                return AtBuilding(snapshot, building, LocatedBy.Address, match.Confidence, normalized);
            }
            if (AtCompound(snapshot, match, normalized) is { } compound)
            {
                return compound;
            }
        }
        if (query.Latitude is { } latitude && query.Longitude is { } longitude)
        {
            var hit = snapshot.Index.Locate(latitude, longitude);
            if (hit.Grid is { } found && snapshot.Find(found.Id) is { } grid)
            {
                var building = grid.BuildingId is { } b ? snapshot.Building(b) : null;
                var confidence = grid.Level switch
                {
                    >= Grid.BlockLevel => hit.OnBoundary ? 0.6 : 0.9,
                    Grid.CommunityLevel => 0.5,
                    _ => 0.3,
                };
                return new Place(LocatedBy.Point, confidence, grid.Id, building?.Id, grid.UnitId, normalized, building?.PropertyCompanyUnitId, building?.Compound);
            }
        }
        // A hotline text names the place in its own words ("京铁家园3号楼电梯停了"): only a registered compound name or alias
        // counts there (the core of a name is too loose in free text), as surely as in an address field.
        if (address is null && query.Latitude is null && query.Text is { Length: > 0 } text
            && snapshot.Directory.Match(text) is { Kind: AddressMatchKind.Name } said)
        {
            if (said.Building is { } named && snapshot.Building(named.Id) is { } building)
            {
                return AtBuilding(snapshot, building, LocatedBy.Text, said.Confidence, building.Compound + building.Number + "号楼");
            }
            if (AtCompound(snapshot, said, said.Compound) is { } compound)
            {
                return compound with { LocatedBy = LocatedBy.Text };
            }
        }
        if (query.ReporterHomeBuildingId is { } home && address is null && query.Latitude is null && snapshot.Building(home) is { } homeBuilding)
        {
            return AtBuilding(snapshot, homeBuilding, LocatedBy.ReporterHome, 0.5, homeBuilding.Compound + homeBuilding.Number + "号楼");
        }
        var tree = await units.GetAsync(ct);
        var area = query.ChannelAreaUnitId ?? tree.DefaultArea?.Id;
        var areaGrid = area is { } a ? snapshot.GridOfUnit(a) : null;
        return new Place(LocatedBy.Fallback, 0.0, areaGrid?.Id, null, area, normalized, null);
    }

    private static Place AtBuilding(GridMap.Snapshot snapshot, BuildingNode building, LocatedBy how, double confidence, string? normalized)
    {
        // A micro-grid left behind by a building moved to another grid no longer speaks for it.
        var micro = snapshot.MicroGridOf(building.Id);
        var grid = micro is not null && micro.UnitId == building.GridUnitId ? micro : snapshot.GridOfUnit(building.GridUnitId);
        return new Place(how, confidence, grid?.Id, building.Id, building.GridUnitId, normalized, building.PropertyCompanyUnitId, building.Compound);
    }

    /// <summary>A compound without a known building: its grid if all its buildings share one, else the nearest common ancestor, less surely.</summary>
    private static Place? AtCompound(GridMap.Snapshot snapshot, AddressMatch match, string? normalized)
    {
        var buildings = snapshot.BuildingsOf(match.Compound).ToList();
        var grids = buildings.Select(b => snapshot.GridOfUnit(b.GridUnitId)).OfType<GridNode>().DistinctBy(g => g.Id).ToList();
        if (grids.Count == 0)
        {
            return null;
        }
        var common = grids.Skip(1).Aggregate(
            snapshot.AncestorsAndSelf(grids[0].Id).ToList(),
            (path, g) => path.Intersect(snapshot.AncestorsAndSelf(g.Id)).ToList());
        if (common.Count == 0)
        {
            return null;
        }
        var grid = common[0];
        var confidence = grids.Count == 1 ? match.Confidence : Math.Min(match.Confidence, 0.5);
        return new Place(LocatedBy.Address, confidence, grid.Id, null, grid.UnitId, normalized, snapshot.PropertyCompanyOf(match.Compound), match.Compound);
    }

    /// <summary>The address in one spelling, with the compound under its registered name when one matched.</summary>
    private static string Canonical(string address, AddressMatch? match)
    {
        if (match is null)
        {
            return ChineseAddress.Normalize(address);
        }
        var parsed = match.Parsed with { Compound = match.Compound };
        return parsed.Building is null && parsed.Entrance is null && parsed.Room is null ? parsed.Normalized : parsed.Canonical;
    }
}

using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.Units;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Grids;

/// <summary>A building of the register with its structured address (小区 + 楼号) and position.</summary>
public sealed record BuildingSummary(Guid Id, string Compound, string Number, string Name, string Address, double Latitude, double Longitude,
    Guid GridUnitId, string? GridUnitName, Guid? PropertyCompanyUnitId, string? PropertyCompanyName, bool IsActive, int Households, int Version);

public sealed record ListBuildingsQuery(Guid? GridUnitId, string? Compound, bool? IncludeRetired);

/// <summary>
/// A building as an administrator enters it. Without <c>gridUnitId</c> the building goes to the block grid its point lies in;
/// with one, the point must lie in that unit's grid. <c>entrances</c> × <c>floors</c> × <c>roomsPerFloor</c>, when given on
/// creation, fills in the households (单元 1.., 室 101..).
/// </summary>
public sealed record SaveBuildingRequest(string? Compound, string? Number, string? Address, double? Latitude, double? Longitude,
    Guid? GridUnitId, Guid? PropertyCompanyUnitId, int? Entrances, int? Floors, int? RoomsPerFloor);

public sealed record CompoundAliasRequest(string? Alias, string? Compound);

public sealed record CompoundAliasSummary(Guid Id, string Alias, string Compound);

/// <summary>Lists, creates, corrects and retires buildings, and keeps the aliases residents use for compounds.</summary>
public sealed class SaveBuildingHandler(LinliDbContext db, GridMap map, UnitTree units, TimeProvider clock)
{
    public async Task<IReadOnlyList<BuildingSummary>> ListAsync(ListBuildingsQuery query, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var buildings = db.Buildings.AsNoTracking();
        if (!(query.IncludeRetired ?? false))
        {
            buildings = buildings.Where(b => b.RetiredAt == null);
        }
        if (query.GridUnitId is { } unit)
        {
            var subtree = tree.Subtree([unit]).ToList();
            buildings = buildings.Where(b => subtree.Contains(b.GridUnitId));
        }
        if (!string.IsNullOrWhiteSpace(query.Compound))
        {
            var compound = query.Compound.Trim();
            buildings = buildings.Where(b => b.Compound == compound);
        }
        var rows = await buildings
            .Select(b => new { Building = b, Households = db.Households.Count(h => h.BuildingId == b.Id) })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Building.Compound, StringComparer.Ordinal).ThenBy(r => r.Building.Number.Length).ThenBy(r => r.Building.Number, StringComparer.Ordinal)
            .Select(r => Summary(r.Building, r.Households, tree))];
    }

    public async Task<Result<BuildingSummary>> CreateAsync(SaveBuildingRequest request, CancellationToken ct)
    {
        var checkedRequest = await CheckAsync(request, null, ct);
        if (!checkedRequest.IsSuccess)
        {
            return checkedRequest.Error!;
        }
        var (compound, number, gridUnitId) = checkedRequest.Value;
        if (request.Entrances is < 0 or > 20 || request.Floors is < 0 or > 60 || request.RoomsPerFloor is < 0 or > 20)
        {
            return GridErrors.BuildingInvalid;
        }
        var building = Building.Create(Guid.CreateVersion7(), gridUnitId, compound, number, AddressOf(request, compound, number),
            request.Latitude!.Value, request.Longitude!.Value, request.PropertyCompanyUnitId);
        db.Buildings.Add(building);
        var households = 0;
        for (var entrance = 1; entrance <= (request.Entrances ?? 0); entrance++)
        {
            for (var floor = 1; floor <= (request.Floors ?? 0); floor++)
            {
                for (var door = 1; door <= (request.RoomsPerFloor ?? 0); door++)
                {
                    db.Households.Add(Household.Create(Guid.CreateVersion7(), building.Id, $"{entrance}", $"{floor}{door:00}"));
                    households++;
                }
            }
        }
        return await SaveAsync(building, households, ct);
    }

    public async Task<Result<BuildingSummary>> UpdateAsync(Guid id, SaveBuildingRequest request, CancellationToken ct)
    {
        var building = await db.Buildings.FirstOrDefaultAsync(b => b.Id == id && b.RetiredAt == null, ct);
        if (building is null)
        {
            return GridErrors.BuildingNotFound;
        }
        var merged = request with
        {
            Compound = request.Compound ?? building.Compound,
            Number = request.Number ?? building.Number,
            Latitude = request.Latitude ?? building.Latitude,
            Longitude = request.Longitude ?? building.Longitude,
            GridUnitId = request.GridUnitId ?? (request.Latitude is null && request.Longitude is null ? building.GridUnitId : null),
            PropertyCompanyUnitId = request.PropertyCompanyUnitId ?? building.PropertyCompanyUnitId,
        };
        var checkedRequest = await CheckAsync(merged, id, ct);
        if (!checkedRequest.IsSuccess)
        {
            return checkedRequest.Error!;
        }
        var (compound, number, gridUnitId) = checkedRequest.Value;
        building.Update(gridUnitId, compound, number, request.Address is null && request.Compound is null && request.Number is null ? building.Address : AddressOf(merged, compound, number),
            merged.Latitude!.Value, merged.Longitude!.Value, merged.PropertyCompanyUnitId);
        return await SaveAsync(building, await db.Households.CountAsync(h => h.BuildingId == id, ct), ct);
    }

    public async Task<Result<BuildingSummary>> RetireAsync(Guid id, CancellationToken ct)
    {
        var building = await db.Buildings.FirstOrDefaultAsync(b => b.Id == id && b.RetiredAt == null, ct);
        if (building is null)
        {
            return GridErrors.BuildingNotFound;
        }
        building.Retire(clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(building, await db.Households.CountAsync(h => h.BuildingId == id, ct), ct);
    }

    public async Task<IReadOnlyList<CompoundAliasSummary>> AliasesAsync(CancellationToken ct) =>
        (await db.CompoundAliases.AsNoTracking().ToListAsync(ct))
            .OrderBy(a => a.Compound, StringComparer.Ordinal).ThenBy(a => a.Alias, StringComparer.Ordinal)
            .Select(a => new CompoundAliasSummary(a.Id, a.Alias, a.Compound)).ToList();

    public async Task<Result<CompoundAliasSummary>> AddAliasAsync(CompoundAliasRequest request, CancellationToken ct)
    {
        var alias = request.Alias?.Trim();
        var compound = request.Compound?.Trim();
        if (string.IsNullOrEmpty(alias) || alias.Length > 64 || string.IsNullOrEmpty(compound)
            || !await db.Buildings.AnyAsync(b => b.Compound == compound && b.RetiredAt == null, ct))
        {
            return GridErrors.BuildingInvalid;
        }
        if (await db.CompoundAliases.AnyAsync(a => a.Alias == alias, ct))
        {
            return GridErrors.AliasTaken;
        }
        var row = new CompoundAlias(Guid.CreateVersion7(), alias, compound);
        db.CompoundAliases.Add(row);
        await db.SaveChangesAsync(ct);
        map.Invalidate();
        return new CompoundAliasSummary(row.Id, row.Alias, row.Compound);
    }

    /// <summary>Shape and register checks; returns the trimmed compound and number and the grid unit the building belongs to.</summary>
    private async Task<Result<(string Compound, string Number, Guid GridUnitId)>> CheckAsync(SaveBuildingRequest request, Guid? self, CancellationToken ct)
    {
        var compound = request.Compound?.Trim();
        var number = request.Number is null ? null : ChineseAddress.Parse(request.Number.Trim() + "号楼").Building ?? request.Number.Trim();
        if (string.IsNullOrEmpty(compound) || compound.Length > 64 || string.IsNullOrEmpty(number) || number.Length > 16
            || request.Address?.Length > 256
            || request.Latitude is not (>= -90 and <= 90) || request.Longitude is not (>= -180 and <= 180))
        {
            return GridErrors.BuildingInvalid;
        }
        if (await db.Buildings.AnyAsync(b => b.Compound == compound && b.Number == number && b.Id != self, ct))
        {
            return GridErrors.BuildingNumberTaken;
        }
        var tree = await units.GetAsync(ct);
        if (request.PropertyCompanyUnitId is { } company && tree.Find(company) is not { IsActive: true, Kind: UnitKind.PropertyCompany })
        {
            return GridErrors.BuildingUnknownPropertyCompany;
        }
        var snapshot = await map.GetAsync(ct);
        GridNode? grid;
        if (request.GridUnitId is { } unit)
        {
            grid = snapshot.GridOfUnit(unit);
            if (grid is null)
            {
                return GridErrors.BuildingUnknownGrid;
            }
            var point = GridGeometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(request.Longitude.Value, request.Latitude.Value));
            if (!grid.Boundary.Covers(point))
            {
                return GridErrors.BuildingOutsideGrid;
            }
        }
        else
        {
            var hit = snapshot.Index.Locate(request.Latitude.Value, request.Longitude.Value, maxLevel: Grid.BlockLevel);
            grid = hit.Grid is { } found ? snapshot.Find(found.Id) : null;
            if (grid is null)
            {
                return GridErrors.BuildingOutsideGrid;
            }
        }
        return (compound, number, grid.UnitId);
    }

    private static string AddressOf(SaveBuildingRequest request, string compound, string number) =>
        string.IsNullOrWhiteSpace(request.Address) ? BuildingName.Of(compound, number) : request.Address.Trim();

    private async Task<Result<BuildingSummary>> SaveAsync(Building building, int households, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GridErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException)
        {
            return GridErrors.BuildingNumberTaken;
        }
        map.Invalidate();
        return Summary(building, households, await units.GetAsync(ct));
    }

    private static BuildingSummary Summary(Building b, int households, UnitTree.Snapshot tree) =>
        new(b.Id, b.Compound, b.Number, BuildingName.Of(b.Compound, b.Number), b.Address, b.Latitude, b.Longitude, b.GridUnitId, tree.Find(b.GridUnitId)?.Name,
            b.PropertyCompanyUnitId, b.PropertyCompanyUnitId is { } p ? tree.Find(p)?.Name : null, b.IsActive, households, b.Version);
}

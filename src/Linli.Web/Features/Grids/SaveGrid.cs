using System.Text.Json.Nodes;
using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Grids;

public sealed record CreateGridRequest(string? Code, string? Name, int? Level, Guid? ParentId, Guid? UnitId, Guid? BuildingId, JsonObject? Polygon);

public sealed record EditGridRequest(string? Name, Guid? UnitId, JsonObject? Polygon);

public sealed record MoveGridRequest(Guid? ParentId);

/// <summary>
/// Creates, edits, moves (re-parents) and retires grids. Every change is checked against the whole grid set as it will be
/// (<see cref="GridPlacement"/>), saved with the version check, and then the in-memory map is rebuilt.
/// </summary>
public sealed class SaveGridHandler(LinliDbContext db, GridMap map, UnitTree units, ListGridsHandler list)
{
    public async Task<Result<GridSummary>> CreateAsync(CreateGridRequest request, CancellationToken ct)
    {
        var boundary = GeoJson.Read(request.Polygon);
        if (!boundary.IsSuccess)
        {
            return boundary.Error!;
        }
        var checkedBoundary = GridGeometry.Check(boundary.Value);
        if (!checkedBoundary.IsSuccess)
        {
            return checkedBoundary.Error!;
        }
        if (await UnitErrorAsync(request.UnitId, ct) is { } unitError)
        {
            return unitError;
        }
        if (request.BuildingId is { } buildingId && !await db.Buildings.AnyAsync(b => b.Id == buildingId && b.RetiredAt == null, ct))
        {
            return GridErrors.BuildingNotFound;
        }
        var code = request.Code?.Trim();
        if (code is not null && await db.Grids.AnyAsync(g => g.Code == code, ct))
        {
            return GridErrors.CodeTaken;
        }
        var created = Grid.Create(Guid.CreateVersion7(), code, request.Name, request.Level ?? 0, request.ParentId, request.UnitId!.Value,
            request.BuildingId, GridGeometry.ToWkt(checkedBoundary.Value));
        if (!created.IsSuccess)
        {
            return created.Error!;
        }
        var all = await WorkingSetAsync(ct);
        var grid = new WorkingGrid(created.Value, checkedBoundary.Value);
        all.Add(grid);
        if (GridPlacement.Check(grid, all) is { } placement)
        {
            return placement;
        }
        db.Grids.Add(created.Value);
        return await SaveAsync(created.Value.Id, ct);
    }

    public async Task<Result<GridSummary>> EditAsync(Guid id, EditGridRequest request, int? version, CancellationToken ct)
    {
        var all = await WorkingSetAsync(ct);
        var grid = all.FirstOrDefault(g => g.Grid.Id == id);
        if (grid is null)
        {
            return GridErrors.NotFound;
        }
        if (version is { } expected && expected != grid.Grid.Version)
        {
            return GridErrors.ConcurrentUpdate;
        }
        var boundary = request.Polygon is null ? Result<NetTopologySuite.Geometries.Geometry>.Success(grid.Boundary) : GeoJson.Read(request.Polygon);
        if (!boundary.IsSuccess)
        {
            return boundary.Error!;
        }
        var checkedBoundary = GridGeometry.Check(boundary.Value);
        if (!checkedBoundary.IsSuccess)
        {
            return checkedBoundary.Error!;
        }
        var unitId = request.UnitId ?? grid.Grid.UnitId;
        if (await UnitErrorAsync(unitId, ct) is { } unitError)
        {
            return unitError;
        }
        var edited = grid.Grid.Edit(request.Name ?? grid.Grid.Name, unitId, GridGeometry.ToWkt(checkedBoundary.Value));
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }
        grid.Boundary = checkedBoundary.Value;
        if (GridPlacement.Check(grid, all) is { } placement)
        {
            return placement;
        }
        return await SaveAsync(id, ct);
    }

    public async Task<Result<GridSummary>> MoveAsync(Guid id, MoveGridRequest request, int? version, CancellationToken ct)
    {
        var all = await WorkingSetAsync(ct);
        var grid = all.FirstOrDefault(g => g.Grid.Id == id);
        if (grid is null)
        {
            return GridErrors.NotFound;
        }
        if (version is { } expected && expected != grid.Grid.Version)
        {
            return GridErrors.ConcurrentUpdate;
        }
        if (request.ParentId is not { } parentId)
        {
            return GridErrors.InvalidParent;
        }
        var moved = grid.Grid.MoveTo(parentId);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }
        if (GridPlacement.Check(grid, all) is { } placement)
        {
            return placement;
        }
        return await SaveAsync(id, ct);
    }

    public async Task<Result<GridSummary>> RetireAsync(Guid id, int? version, CancellationToken ct)
    {
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grid is null)
        {
            return GridErrors.NotFound;
        }
        if (version is { } expected && expected != grid.Version)
        {
            return GridErrors.ConcurrentUpdate;
        }
        if (await db.Grids.AnyAsync(g => g.ParentId == id && g.IsActive, ct))
        {
            return GridErrors.HasActiveChildren;
        }
        var retired = grid.Retire();
        return retired.IsSuccess ? await SaveAsync(id, ct) : retired.Error!;
    }

    /// <summary>Every grid, tracked, with its boundary parsed: the set an edit is checked against.</summary>
    internal async Task<List<WorkingGrid>> WorkingSetAsync(CancellationToken ct) =>
        [.. (await db.Grids.ToListAsync(ct)).Select(g => new WorkingGrid(g, GridGeometry.ParseWkt(g.Boundary).Value))];

    internal async Task<Error?> UnitErrorAsync(Guid? unitId, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        return unitId is { } id && tree.Find(id) is { IsActive: true } ? null : GridErrors.UnknownUnit;
    }

    private async Task<Result<GridSummary>> SaveAsync(Guid id, CancellationToken ct)
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
            // The only unique index a save can hit is the code: someone took it between our check and our write.
            return GridErrors.CodeTaken;
        }
        map.Invalidate();
        return (await list.GetAsync(id, ct))!;
    }
}

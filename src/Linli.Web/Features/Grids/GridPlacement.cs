using Linli.Domain.Common;
using Linli.Domain.Grids;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Grids;

/// <summary>A grid as an edit sees it: the stored row and its parsed boundary.</summary>
public sealed class WorkingGrid(Grid grid, Geometry boundary)
{
    public Grid Grid { get; } = grid;
    public Geometry Boundary { get; set; } = boundary;
}

/// <summary>
/// Checks a grid's place in the hierarchy against the whole set of grids as it will be after an edit: its parent is one
/// level up and active, it lies inside the parent, it overlaps no active sibling, and its active children still lie inside it.
/// Creating, editing, moving and importing all go through here, so the rules are the same everywhere.
/// </summary>
public static class GridPlacement
{
    public static Error? Check(WorkingGrid grid, IReadOnlyCollection<WorkingGrid> all)
    {
        WorkingGrid? parent = null;
        if (grid.Grid.ParentId is { } parentId)
        {
            parent = all.FirstOrDefault(g => g.Grid.Id == parentId);
            if (parent is null || !parent.Grid.IsActive || parent.Grid.Level != grid.Grid.Level - 1)
            {
                return GridErrors.InvalidParent;
            }
        }
        else if (grid.Grid.Level != Grid.StreetLevel)
        {
            return GridErrors.InvalidParent;
        }
        var siblings = all.Where(g => g.Grid.IsActive && g.Grid.Id != grid.Grid.Id && g.Grid.ParentId == grid.Grid.ParentId && g.Grid.Level == grid.Grid.Level)
            .Select(Shape);
        var children = all.Where(g => g.Grid.IsActive && g.Grid.ParentId == grid.Grid.Id).Select(Shape);
        return GridGeometry.CheckPlacement(grid.Boundary, parent is null ? null : Shape(parent), siblings, children);
    }

    private static GridShape Shape(WorkingGrid g) => new(g.Grid.Code, g.Boundary);
}

using Linli.Domain.Common;

namespace Linli.Domain.Grids;

/// <summary>
/// 网格: an area of responsibility with a boundary. Level 1 = street, 2 = community, 3 = block grid, 4 = micro-grid of one
/// building (its 楼栋长). Each grid lies inside its parent and names the unit that handles the orders of its place.
/// The boundary is stored as WKT text (provider-neutral; see docs/adr/0008) and parsed by <see cref="GridGeometry"/>.
/// </summary>
public sealed class Grid
{
    public const int StreetLevel = 1;
    public const int CommunityLevel = 2;
    public const int BlockLevel = 3;
    public const int MicroLevel = 4;
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;

    private Grid()
    {
        Code = null!;
        Name = null!;
        Boundary = null!;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int Level { get; private set; }
    public Guid? ParentId { get; private set; }

    /// <summary>The unit that handles the orders located in this grid (grid team, community or street office).</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The building of a micro-grid (level 4); null above.</summary>
    public Guid? BuildingId { get; private set; }

    /// <summary>The polygon (or multipolygon) as WKT, longitude first (x = longitude, y = latitude, WGS 84).</summary>
    public string Boundary { get; private set; }

    public bool IsActive { get; private set; }
    public int Version { get; private set; }

    public static Result<Grid> Create(Guid id, string? code, string? name, int level, Guid? parentId, Guid unitId, Guid? buildingId, string boundary)
    {
        if (CheckNames(code, name) is { } error)
        {
            return error;
        }
        if (level is < StreetLevel or > MicroLevel)
        {
            return GridErrors.InvalidLevel;
        }
        if ((level == StreetLevel) != (parentId is null))
        {
            return GridErrors.InvalidParent;
        }
        if (buildingId is not null && level != MicroLevel)
        {
            return GridErrors.InvalidLevel;
        }
        return new Grid
        {
            Id = id,
            Code = code!.Trim(),
            Name = name!.Trim(),
            Level = level,
            ParentId = parentId,
            UnitId = unitId,
            BuildingId = buildingId,
            Boundary = boundary,
            IsActive = true,
        };
    }

    public Result<Done> Edit(string? name, Guid unitId, string boundary)
    {
        if (!IsActive)
        {
            return GridErrors.Retired;
        }
        if (CheckNames(Code, name) is { } error)
        {
            return error;
        }
        Name = name!.Trim();
        UnitId = unitId;
        Boundary = boundary;
        Version++;
        return new Done();
    }

    /// <summary>Re-parents the grid; the caller has checked that the new parent is one level up and holds the boundary.</summary>
    public Result<Done> MoveTo(Guid parentId)
    {
        if (!IsActive)
        {
            return GridErrors.Retired;
        }
        if (Level == StreetLevel || parentId == Id)
        {
            return GridErrors.InvalidParent;
        }
        ParentId = parentId;
        Version++;
        return new Done();
    }

    public Result<Done> Retire()
    {
        if (!IsActive)
        {
            return GridErrors.Retired;
        }
        IsActive = false;
        Version++;
        return new Done();
    }

    private static Error? CheckNames(string? code, string? name) =>
        string.IsNullOrWhiteSpace(code) || code.Trim().Length > MaxCodeLength || string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? GridErrors.NameRequired
            : null;
}

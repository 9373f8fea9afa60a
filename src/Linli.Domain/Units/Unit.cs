namespace Linli.Domain.Units;

/// <summary>What a handling unit is. Area units (street office, community, grid team) own places; the others are called in.</summary>
public enum UnitKind
{
    /// <summary>街道办事处: owns the level-1 grid.</summary>
    Street,
    /// <summary>社区居委会: owns a level-2 grid.</summary>
    Community,
    /// <summary>网格: a level-3 grid's team (or a micro-grid's 楼栋长).</summary>
    Grid,
    /// <summary>职能部门: a government department called in by the street.</summary>
    Department,
    /// <summary>物业公司.</summary>
    PropertyCompany,
    /// <summary>The district leader covering an area: the top of the escalation ladder.</summary>
    Leadership,
}

/// <summary>
/// A unit that can be given work orders and has members. Units form one tree (street → community → grid teams,
/// plus departments and property companies under the street); a member of a unit sees what its subtree sees.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = null!;
        Name = null!;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public UnitKind Kind { get; private set; }

    /// <summary>1 = street, 2 = community, 3 = block grid, 4 = micro-grid; null for units that own no place.</summary>
    public int? GridLevel { get; private set; }

    public Guid? ParentId { get; private set; }
    public bool IsActive { get; private set; }
    public int Version { get; private set; }

    public bool IsArea => Kind is UnitKind.Street or UnitKind.Community or UnitKind.Grid;

    public static Unit Create(Guid id, string code, string name, UnitKind kind, Guid? parentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Unit
        {
            Id = id,
            Code = code.Trim(),
            Name = name.Trim(),
            Kind = kind,
            GridLevel = kind switch
            {
                UnitKind.Street => 1,
                UnitKind.Community => 2,
                UnitKind.Grid => 3,
                UnitKind.Department or UnitKind.PropertyCompany or UnitKind.Leadership => null,
            },
            ParentId = parentId,
            IsActive = true,
        };
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Version++;
    }

    public void MoveTo(Guid? parentId)
    {
        ParentId = parentId;
        Version++;
    }

    public void Retire()
    {
        IsActive = false;
        Version++;
    }
}

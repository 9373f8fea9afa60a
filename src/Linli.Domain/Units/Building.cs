namespace Linli.Domain.Units;

/// <summary>楼栋: a building of a compound, owned by one level-3 grid (its area unit).</summary>
public sealed class Building
{
    private Building()
    {
        Compound = null!;
        Number = null!;
        Address = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The grid team unit that owns the building.</summary>
    public Guid GridUnitId { get; private set; }

    /// <summary>小区 name, e.g. 幸福里小区.</summary>
    public string Compound { get; private set; }

    /// <summary>楼号, e.g. "3" for 3号楼.</summary>
    public string Number { get; private set; }

    public string Address { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>The property company serving the compound, if any.</summary>
    public Guid? PropertyCompanyUnitId { get; private set; }

    /// <summary>When the building left the register (demolished, merged); null while it is in use.</summary>
    public DateTime? RetiredAt { get; private set; }

    public int Version { get; private set; }

    public bool IsActive => RetiredAt is null;

    public static Building Create(Guid id, Guid gridUnitId, string compound, string number, string address,
        double latitude, double longitude, Guid? propertyCompanyUnitId) => new()
        {
            Id = id,
            GridUnitId = gridUnitId,
            Compound = compound,
            Number = number,
            Address = address,
            Latitude = latitude,
            Longitude = longitude,
            PropertyCompanyUnitId = propertyCompanyUnitId,
        };

    /// <summary>Corrects the register: compound, number, address, position, owning grid unit or property company.</summary>
    public void Update(Guid gridUnitId, string compound, string number, string address, double latitude, double longitude, Guid? propertyCompanyUnitId)
    {
        GridUnitId = gridUnitId;
        Compound = compound;
        Number = number;
        Address = address;
        Latitude = latitude;
        Longitude = longitude;
        PropertyCompanyUnitId = propertyCompanyUnitId;
        Version++;
    }

    public void Retire(DateTime at)
    {
        RetiredAt ??= at;
        Version++;
    }
}

/// <summary>户: one dwelling of a building (单元 + 室).</summary>
public sealed class Household
{
    private Household()
    {
        Entrance = null!;
        Room = null!;
    }

    public Guid Id { get; private set; }
    public Guid BuildingId { get; private set; }

    /// <summary>单元, e.g. "2".</summary>
    public string Entrance { get; private set; }

    /// <summary>室, e.g. "502".</summary>
    public string Room { get; private set; }

    public static Household Create(Guid id, Guid buildingId, string entrance, string room) =>
        new() { Id = id, BuildingId = buildingId, Entrance = entrance, Room = room };
}

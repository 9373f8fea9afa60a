namespace Linli.Domain.Grids;

/// <summary>What a person does for a grid.</summary>
public enum GridRole
{
    /// <summary>网格长: leads the grid team.</summary>
    GridLeader,
    /// <summary>网格员.</summary>
    GridMember,
    /// <summary>楼栋长: the person of a micro-grid (one building).</summary>
    BuildingHead,
    /// <summary>领导包保: a leader who covers (包保) the area of the grid.</summary>
    CoveringLeader,
    /// <summary>党员联户: a party member linked to some households of the grid.</summary>
    PartyMember,
}

/// <summary>
/// A person's assignment to a grid. A person may cover several grids (one row each). Party members carry the households
/// they are linked to (<see cref="HouseholdLink"/>). Retiring keeps the row for the record.
/// </summary>
public sealed class GridMember
{
    private GridMember()
    {
    }

    public Guid Id { get; private set; }
    public Guid GridId { get; private set; }
    public Guid UserId { get; private set; }
    public GridRole Role { get; private set; }
    public DateTime AssignedAt { get; private set; }
    public DateTime? RetiredAt { get; private set; }

    public bool IsActive => RetiredAt is null;

    public static GridMember Assign(Guid id, Guid gridId, Guid userId, GridRole role, DateTime at) =>
        new() { Id = id, GridId = gridId, UserId = userId, Role = role, AssignedAt = at };

    /// <summary>Whether the role makes its holder a member of the grid's unit (and so able to see and handle its orders).</summary>
    public static bool HandlesOrders(GridRole role) => role is GridRole.GridLeader or GridRole.GridMember or GridRole.BuildingHead;

    public void Retire(DateTime at) => RetiredAt ??= at;
}

/// <summary>党员联户: one household a party member keeps in touch with.</summary>
public sealed class HouseholdLink
{
    private HouseholdLink()
    {
    }

    public HouseholdLink(Guid memberId, Guid householdId)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        HouseholdId = householdId;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid HouseholdId { get; private set; }
}

namespace Linli.Domain.Units;

/// <summary>A person's place in a unit: the unit's orders are theirs to handle, its subtree theirs to see.</summary>
public sealed class UnitMembership
{
    private UnitMembership()
    {
    }

    public UnitMembership(Guid userId, Guid unitId, bool isLeader)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        UnitId = unitId;
        IsLeader = isLeader;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>网格长 / 负责人: the one who approves extensions and takes escalations for the unit.</summary>
    public bool IsLeader { get; private set; }
}

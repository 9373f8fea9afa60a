namespace Linli.Domain.WorkOrders;

/// <summary>One immutable line of an order's history: who moved it, when, from which state to which, and why.</summary>
public sealed class WorkOrderHistoryEntry
{
    private WorkOrderHistoryEntry()
    {
        ActorName = null!;
        ActorRole = null!;
    }

    internal WorkOrderHistoryEntry(Guid workOrderId, int sequence, WorkOrderTrigger trigger, WorkOrderStatus? from, WorkOrderStatus to,
        DateTime at, Common.Actor actor, string? comment, Guid? unitId)
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero));
        WorkOrderId = workOrderId;
        Sequence = sequence;
        Trigger = trigger;
        From = from;
        To = to;
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        Comment = comment;
        UnitId = unitId;
    }

    public Guid Id { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public int Sequence { get; private set; }
    public WorkOrderTrigger Trigger { get; private set; }
    public WorkOrderStatus? From { get; private set; }
    public WorkOrderStatus To { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    public string ActorRole { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The unit the move sent the order to (dispatch, transfer, escalate), if any.</summary>
    public Guid? UnitId { get; private set; }
}

namespace Linli.Web.Features.Notifications;

/// <summary>One message in a user's inbox (站内通知), written in the same transaction as the change it tells of.</summary>
public sealed class Notification
{
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }

    /// <summary>A stable code clients may key on: <see cref="NotificationKind"/>.</summary>
    public NotificationKind Kind { get; init; }

    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public Guid? WorkOrderId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }
}

public enum NotificationKind
{
    /// <summary>An order was sent to your unit (dispatch or transfer).</summary>
    Assigned,
    /// <summary>An order was escalated to your unit.</summary>
    EscalatedToYou,
    /// <summary>An order of your unit was escalated to the level above.</summary>
    EscalatedAway,
    /// <summary>Most of the response or completion time has passed.</summary>
    DeadlineWarning,
    /// <summary>Your unit is summoned to co-handle an order (街道吹哨).</summary>
    Summoned,
    /// <summary>A summoned unit reported (部门报到).</summary>
    CoHandlingReported,
    /// <summary>The resident's order was completed: please evaluate.</summary>
    Completed,
    /// <summary>An order your unit handled before was answered by a higher level (the answer flows back down).</summary>
    AnsweredAbove,
    /// <summary>The order was reopened after a negative verdict.</summary>
    Reopened,
    /// <summary>The handler waits for the resident (e.g. to be at home).</summary>
    WaitingForResident,
    /// <summary>A threshold rule fired (预警阈值): many similar orders at one place within its window.</summary>
    ThresholdAlert,
}

/// <summary>What leaves the platform: a text message to a reporter, or a reply to the 12345 city platform.</summary>
public enum OutboxChannel
{
    Sms,
    Hotline12345Reply,
}

/// <summary>
/// One external message, written in the same transaction as the change that causes it and sent later by the
/// outbox dispatcher. <see cref="Key"/> is unique, so the same event never queues two messages.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxPayloadLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Idempotency key of the event, e.g. <c>sms:complete:{orderId}:{sequence}</c>.</summary>
    public string Key { get; init; } = "";

    public OutboxChannel Channel { get; init; }

    /// <summary>The encrypted phone number (SMS) or the platform's case number (12345).</summary>
    public string Recipient { get; init; } = "";

    public string Payload { get; init; } = "";
    public Guid? WorkOrderId { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A dispatcher that claimed the row holds it until then; another instance takes it only after that.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the dispatcher gave up after the last attempt.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}

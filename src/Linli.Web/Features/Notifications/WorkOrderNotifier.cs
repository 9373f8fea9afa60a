using Linli.Domain.WorkOrders;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The one place that turns work-order events into inbox notifications and outbox messages. Callers run a verb, then
/// hand the order here before <c>SaveChanges</c>: the new history entries decide who hears of it, and the rows are
/// added to the same unit of work, so they are written with the change or not at all.
/// </summary>
public sealed class WorkOrderNotifier(LinliDbContext db, UnitTree units, SiteTime site)
{
    /// <summary>Channels whose reporters are answered by text message (they called in and gave a phone number).</summary>
    private static readonly HashSet<Channel> PhoneChannels = [Channel.Hotline12345, Channel.Hotline400];

    /// <summary>Chinese text as is (not \u-escaped) in the payload sent to the city platform.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions ReplyJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <param name="order">The order after the verb ran.</param>
    /// <param name="historyBefore">How many history entries it had before.</param>
    /// <param name="unitBefore">The unit that handled it before (for escalations: the level that is told it moved up).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task AddAsync(WorkOrder order, int historyBefore, Guid? unitBefore, CancellationToken ct)
    {
        var entries = order.History.Where(h => h.Sequence > historyBefore).OrderBy(h => h.Sequence).ToList();
        if (entries.Count == 0)
        {
            return;
        }
        var tree = await units.GetAsync(ct);
        string UnitName(Guid? id) => id is { } u ? tree.Find(u)?.Name ?? "" : "";
        var title = order.Title ?? NotificationTexts.Get("Untitled");
        var toUnits = new List<(Guid UnitId, NotificationKind Kind, string Body, Guid? Except)>();
        var toUsers = new List<(Guid UserId, NotificationKind Kind, string Body)>();
        var now = entries[^1].At;

        foreach (var entry in entries)
        {
            switch (entry.Trigger)
            {
                case WorkOrderTrigger.Dispatch or WorkOrderTrigger.Transfer when entry.UnitId is { } unit:
                    toUnits.Add((unit, NotificationKind.Assigned,
                        NotificationTexts.Format("Assigned.Body", order.Number, title, UnitName(unit), Local(order.RespondBy)), entry.ActorUserId));
                    break;
                case WorkOrderTrigger.Escalate when entry.UnitId is { } unit:
                    toUnits.Add((unit, NotificationKind.EscalatedToYou,
                        NotificationTexts.Format("EscalatedToYou.Body", order.Number, title, UnitName(unitBefore), UnitName(unit), Local(order.RespondBy), entry.Comment), entry.ActorUserId));
                    if (unitBefore is { } previous)
                    {
                        toUnits.Add((previous, NotificationKind.EscalatedAway,
                            NotificationTexts.Format("EscalatedAway.Body", order.Number, title, UnitName(unit), entry.Comment), entry.ActorUserId));
                    }
                    break;
                case WorkOrderTrigger.Warn when order.UnitId is { } unit:
                    var response = order.Status == WorkOrderStatus.Dispatched;
                    toUnits.Add((unit, NotificationKind.DeadlineWarning,
                        NotificationTexts.Format("DeadlineWarning.Body", order.Number, title,
                            NotificationTexts.Get(response ? "Deadline.Response" : "Deadline.Completion"), Local(response ? order.RespondBy : order.CompleteBy)), null));
                    break;
                case WorkOrderTrigger.Summon when entry.UnitId is { } unit:
                    toUnits.Add((unit, NotificationKind.Summoned,
                        NotificationTexts.Format("Summoned.Body", order.Number, title, UnitName(unit), UnitName(order.UnitId), entry.Comment), entry.ActorUserId));
                    break;
                case WorkOrderTrigger.ReportCoHandling when order.UnitId is { } lead:
                    toUnits.Add((lead, NotificationKind.CoHandlingReported,
                        NotificationTexts.Format("CoHandlingReported.Body", order.Number, title, UnitName(entry.UnitId), entry.Comment), entry.ActorUserId));
                    break;
                case WorkOrderTrigger.Reopen when order.UnitId is { } unit:
                    toUnits.Add((unit, NotificationKind.Reopened,
                        NotificationTexts.Format("Reopened.Body", order.Number, title, Local(order.CompleteBy), entry.Comment), entry.ActorUserId));
                    break;
                case WorkOrderTrigger.AwaitResident when order.ReporterUserId is { } reporter:
                    toUsers.Add((reporter, NotificationKind.WaitingForResident, NotificationTexts.Format("WaitingForResident.Body", order.Number, title, entry.Comment)));
                    break;
                case WorkOrderTrigger.Complete:
                    AddCompletion(order, entry, title, UnitName, toUnits, toUsers);
                    break;
                case WorkOrderTrigger.FollowUp or WorkOrderTrigger.AutoClose:
                    AddReplyTo12345(order, entry);
                    break;
                default:
                    break;
            }
        }

        // Merged duplicates follow their parent: every one of their reporters hears the result too.
        if (entries.Any(e => e.Trigger is WorkOrderTrigger.Complete or WorkOrderTrigger.FollowUp or WorkOrderTrigger.AutoClose))
        {
            await AddToMergedReportersAsync(order, entries, title, UnitName, toUsers, ct);
        }

        var unitIds = toUnits.Select(t => t.UnitId).Distinct().ToList();
        var members = unitIds.Count == 0
            ? []
            : await db.UnitMemberships.AsNoTracking().Where(m => unitIds.Contains(m.UnitId)).Select(m => new { m.UnitId, m.UserId }).ToListAsync(ct);
        var written = new HashSet<(Guid, NotificationKind)>();
        foreach (var (unitId, kind, body, except) in toUnits)
        {
            foreach (var member in members.Where(m => m.UnitId == unitId && m.UserId != except))
            {
                Add(member.UserId, kind, body);
            }
        }
        foreach (var (userId, kind, body) in toUsers)
        {
            Add(userId, kind, body);
        }

        void Add(Guid userId, NotificationKind kind, string body)
        {
            if (written.Add((userId, kind)))
            {
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    Kind = kind,
                    Title = NotificationTexts.Get(kind + ".Title"),
                    Body = Truncate(body, Notification.MaxBodyLength),
                    WorkOrderId = order.Id,
                    CreatedAt = now,
                });
            }
        }
    }

    private void AddCompletion(WorkOrder order, WorkOrderHistoryEntry entry, string title, Func<Guid?, string> unitName,
        List<(Guid, NotificationKind, string, Guid?)> toUnits, List<(Guid, NotificationKind, string)> toUsers)
    {
        var result = order.Result ?? "";
        if (order.ReporterUserId is { } reporter)
        {
            toUsers.Add((reporter, NotificationKind.Completed, NotificationTexts.Format("Completed.Body", order.Number, title, unitName(order.UnitId), result)));
        }
        // The answer flows back down: every lower unit that held the order before it climbed hears the result.
        if (order.EscalationLevel > 0)
        {
            var lower = order.History.Where(h => h.Trigger is WorkOrderTrigger.Dispatch or WorkOrderTrigger.Transfer or WorkOrderTrigger.Escalate && h.UnitId is not null)
                .Select(h => h.UnitId!.Value).Where(u => u != order.UnitId).Distinct();
            foreach (var unit in lower)
            {
                toUnits.Add((unit, NotificationKind.AnsweredAbove, NotificationTexts.Format("AnsweredAbove.Body", order.Number, title, unitName(order.UnitId), result), entry.ActorUserId));
            }
        }
        if (PhoneChannels.Contains(order.Channel) && order.ReporterPhoneProtected is { } phone)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Key = $"sms:complete:{order.Id:N}:{entry.Sequence}",
                Channel = OutboxChannel.Sms,
                Recipient = phone,
                Payload = Truncate(NotificationTexts.Format("Sms.Completed", order.Number, result), 500),
                WorkOrderId = order.Id,
                CreatedAt = entry.At,
                NextAttemptAt = entry.At,
            });
        }
    }

    private async Task AddToMergedReportersAsync(WorkOrder parent, List<WorkOrderHistoryEntry> entries, string title, Func<Guid?, string> unitName,
        List<(Guid, NotificationKind, string)> toUsers, CancellationToken ct)
    {
        var children = await db.WorkOrders.AsNoTracking()
            .Where(o => o.ParentId == parent.Id && o.Status == WorkOrderStatus.Merged)
            .Select(o => new { o.Id, o.Number, o.Channel, o.ExternalReference, o.ReporterUserId, o.ReporterPhoneProtected })
            .ToListAsync(ct);
        var result = parent.Result ?? "";
        foreach (var entry in entries)
        {
            foreach (var child in children)
            {
                if (entry.Trigger == WorkOrderTrigger.Complete)
                {
                    if (child.ReporterUserId is { } reporter)
                    {
                        toUsers.Add((reporter, NotificationKind.Completed, NotificationTexts.Format("Completed.Body", child.Number, title, unitName(parent.UnitId), result)));
                    }
                    if (PhoneChannels.Contains(child.Channel) && child.ReporterPhoneProtected is { } phone)
                    {
                        db.OutboxMessages.Add(new OutboxMessage
                        {
                            Key = $"sms:complete:{child.Id:N}:{parent.Id:N}:{entry.Sequence}",
                            Channel = OutboxChannel.Sms,
                            Recipient = phone,
                            Payload = Truncate(NotificationTexts.Format("Sms.Completed", child.Number, result), 500),
                            WorkOrderId = child.Id,
                            CreatedAt = entry.At,
                            NextAttemptAt = entry.At,
                        });
                    }
                }
                else if (child.Channel == Channel.Hotline12345 && !string.IsNullOrEmpty(child.ExternalReference))
                {
                    AddReplyTo12345(parent, entry, child.Id, child.ExternalReference, child.Number);
                }
            }
        }
    }

    private void AddReplyTo12345(WorkOrder order, WorkOrderHistoryEntry entry)
    {
        if (order.Channel != Channel.Hotline12345 || string.IsNullOrEmpty(order.ExternalReference))
        {
            return;
        }
        AddReplyTo12345(order, entry, order.Id, order.ExternalReference, order.Number);
    }

    /// <summary>The closing reply for one 12345 case: the order itself, or a merged duplicate answered with its parent's result.</summary>
    private void AddReplyTo12345(WorkOrder order, WorkOrderHistoryEntry entry, Guid caseOrderId, string externalReference, string number)
    {
        var reply = new Hotline12345Reply(externalReference, number, order.Result, order.Resolved, order.Satisfaction?.ToString(),
            order.CompletedAt, order.ClosedAt ?? entry.At);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Key = $"12345:close:{caseOrderId:N}:{order.Id:N}:{entry.Sequence}",
            Channel = OutboxChannel.Hotline12345Reply,
            Recipient = externalReference,
            Payload = Truncate(System.Text.Json.JsonSerializer.Serialize(reply, ReplyJson), OutboxMessage.MaxPayloadLength),
            WorkOrderId = caseOrderId,
            CreatedAt = entry.At,
            NextAttemptAt = entry.At,
        });
    }

    private string Local(DateTime? utc) => utc is { } at ? site.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>What the 12345 city platform is told when one of its cases closes (办结反馈).</summary>
public sealed record Hotline12345Reply(string ExternalReference, string Number, string? Result, bool? Resolved, string? Satisfaction,
    DateTime? CompletedAt, DateTime ClosedAt);

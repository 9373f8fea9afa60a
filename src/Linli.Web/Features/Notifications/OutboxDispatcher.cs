using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// Sends due outbox rows. Safe on several instances: a row is claimed by one conditional UPDATE (only one instance
/// wins the lease), marked sent right after the send, and retried with exponential backoff on failure; after
/// <see cref="MaxAttempts"/> it is marked failed. A crash between send and mark can repeat a send after the lease ends,
/// so the senders get the row's id as an idempotency key for the gateway.
/// </summary>
public sealed class OutboxDispatcher(LinliDbContext db, ISmsSender sms, IHotline12345Client hotline, PersonalData personalData,
    TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(2);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // another instance holds it
            }
            var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                await SendAsync(message, ct);
                await db.OutboxMessages.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var giveUp = message.Attempts >= MaxAttempts;
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                logger.LogWarning(ex, "Outbox message {Id} ({Channel}) failed on attempt {Attempt}{GiveUp}", id, message.Channel, message.Attempts, giveUp ? "; giving up" : "");
                var next = now + Backoff(message.Attempts);
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.FailedAt, giveUp ? now : (DateTime?)null), ct);
            }
        }
        return sent;
    }

    private Task SendAsync(OutboxMessage message, CancellationToken ct) => message.Channel switch
    {
        OutboxChannel.Sms => sms.SendAsync(personalData.Unprotect(message.Recipient) ?? throw new InvalidOperationException("The phone number cannot be decrypted."),
            message.Payload, message.Id, ct),
        OutboxChannel.Hotline12345Reply => hotline.ReplyAsync(message.Recipient, message.Payload, message.Id, ct),
    };
}

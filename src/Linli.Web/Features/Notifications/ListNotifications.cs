using Linli.Domain.Common;
using Linli.Web.Features.Accounts;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

public sealed record NotificationSummary(Guid Id, NotificationKind Kind, string Title, string Body, Guid? WorkOrderId, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationSummary> Items, int Unread, int Page, int PageSize);

/// <summary>The caller's own inbox, newest first; nobody reads another user's notifications.</summary>
public sealed class NotificationsHandler(LinliDbContext db, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("Notification.NotFound");

    public async Task<NotificationPage> ListAsync(Caller caller, bool unreadOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == caller.UserId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await (unreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(n => new NotificationSummary(n.Id, n.Kind, n.Title, n.Body, n.WorkOrderId, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new NotificationPage(items, unread, number, size);
    }

    public async Task<Result<Done>> MarkReadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.Notifications.Where(n => n.Id == id && n.UserId == caller.UserId).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound;
        }
        found.ReadAt ??= now;
        await db.SaveChangesAsync(ct);
        return default(Done);
    }

    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == caller.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

/// <summary>/api/v1/notifications: the signed-in user's inbox.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(AccountsSetup.Policies.Signed);
        group.MapGet("/", async (bool? unread, int? page, int? pageSize, NotificationsHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.ListAsync(await callers.GetAsync(context, ct), unread ?? false, page, pageSize, ct));
        group.MapPost("/{id:guid}/read", async (Guid id, NotificationsHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.MarkReadAsync(await callers.GetAsync(context, ct), id, ct);
            return result.IsSuccess ? Results.NoContent() : Infrastructure.Problems.ToProblem(result.Error!, context);
        });
        group.MapPost("/read-all", async (NotificationsHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            Results.Ok(new { marked = await handler.MarkAllReadAsync(await callers.GetAsync(context, ct), ct) }));
        return api;
    }
}

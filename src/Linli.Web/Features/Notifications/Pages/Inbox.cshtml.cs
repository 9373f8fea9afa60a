using Linli.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.Notifications.Pages;

/// <summary>消息: the signed-in person's inbox through the same handler as <c>/api/v1/notifications</c>.</summary>
public sealed class InboxModel(NotificationsHandler notifications, CallerFactory callers) : PageModel
{
    public NotificationPage Inbox { get; private set; } = new([], 0, 1, 30);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct) =>
        Inbox = await notifications.ListAsync(await callers.GetAsync(HttpContext, ct), false, PageNumber, 30, ct);

    /// <summary>The unread count in the navigation bar (htmx loads it after the page and every 30 seconds).</summary>
    public async Task<IActionResult> OnGetBadgeAsync(CancellationToken ct)
    {
        Inbox = await notifications.ListAsync(await callers.GetAsync(HttpContext, ct), true, 1, 1, ct);
        return Partial("_Badge", this);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, string? returnUrl, CancellationToken ct)
    {
        await notifications.MarkReadAsync(await callers.GetAsync(HttpContext, ct), id, ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(await callers.GetAsync(HttpContext, ct), ct);
        return LocalRedirect("/notifications");
    }
}

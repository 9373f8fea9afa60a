using System.Globalization;
using System.Security.Claims;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Shared;

/// <summary>How the pages show times, enum values and who is signed in; every word comes from Pages.resx.</summary>
public static class Display
{
    public static string Local(this SiteTime site, DateTime? utc, string format = "yyyy-MM-dd HH:mm") =>
        utc is { } value ? site.ToLocal(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>The local time as the value of an &lt;input type="datetime-local"&gt;.</summary>
    public static string LocalInput(this SiteTime site, DateTime utc) => site.Local(utc, "yyyy-MM-ddTHH:mm");

    public static string Status(this IStringLocalizer<PageText> t, WorkOrderStatus status) => t["Status." + status];

    public static string Channel(this IStringLocalizer<PageText> t, Channel channel) => t["Channel." + channel];

    public static string Urgency(this IStringLocalizer<PageText> t, Urgency urgency) => t["Urgency." + urgency];

    public static string Trigger(this IStringLocalizer<PageText> t, WorkOrderTrigger trigger) => t["Trigger." + trigger];

    public static string Satisfaction(this IStringLocalizer<PageText> t, Satisfaction satisfaction) => t["Satisfaction." + satisfaction];

    public static string Role(this IStringLocalizer<PageText> t, string role) => t["Role." + role];

    /// <summary>Bootstrap colour of a status badge.</summary>
    public static string StatusColor(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Received => "secondary",
        WorkOrderStatus.Dispatched => "warning",
        WorkOrderStatus.Accepted => "primary",
        WorkOrderStatus.Completed => "info",
        WorkOrderStatus.Evaluated => "success",
        WorkOrderStatus.Closed => "dark",
        WorkOrderStatus.Cancelled or WorkOrderStatus.Merged => "light",
    };

    public static string UrgencyColor(Urgency urgency) => urgency switch
    {
        Domain.WorkOrders.Urgency.Emergency => "danger",
        Domain.WorkOrders.Urgency.High => "warning",
        Domain.WorkOrders.Urgency.Normal => "secondary",
        Domain.WorkOrders.Urgency.Low => "light",
    };

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("display_name") ?? user.Identity?.Name ?? "";

    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    public static bool IsCoordinator(this ClaimsPrincipal user) => Roles.Coordinators.Any(user.IsInRole) || user.IsInRole(Roles.GridLeader);

    /// <summary>The zh-CN title of an error code, as the API's ProblemDetails would carry it.</summary>
    public static string ErrorText(this IStringLocalizer<ErrorMessages> errors, string code)
    {
        var text = errors[code];
        return text.ResourceNotFound ? errors["Request.Failed"] : text.Value;
    }
}

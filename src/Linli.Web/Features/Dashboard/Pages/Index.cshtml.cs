using System.Text.Json;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.Dashboard.Pages;

/// <summary>大屏: the live picture of the caller's area at 1920×1080; data refreshed over SignalR, never by reloading.</summary>
public sealed class IndexModel(GetDashboardHandler dashboard, CallerFactory callers, IStringLocalizer<PageText> t) : PageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DataJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct) =>
        DataJson = JsonSerializer.Serialize(await dashboard.HandleAsync(await callers.GetAsync(HttpContext, ct), ct), Json);

    public async Task<IActionResult> OnGetDataAsync(CancellationToken ct) =>
        new JsonResult(await dashboard.HandleAsync(await callers.GetAsync(HttpContext, ct), ct), Json);

    /// <summary>The names the script shows for codes (statuses, channels), from Pages.resx like every other string.</summary>
    public string LabelsJson() => JsonSerializer.Serialize(new
    {
        status = Enum.GetValues<WorkOrderStatus>().ToDictionary(s => s.ToString(), s => t.Status(s)),
        channel = Enum.GetValues<Channel>().ToDictionary(c => c.ToString(), c => t.Channel(c)),
        open = t["Dashboard.Map.Open"].Value,
        overdue = t["Dashboard.Map.Overdue"].Value,
        noData = t["Dashboard.NoData"].Value,
        live = t["Dashboard.Live"].Value,
        offline = t["Dashboard.Offline"].Value,
    }, Json);
}

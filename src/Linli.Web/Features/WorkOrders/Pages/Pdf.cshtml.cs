using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>打印: the order as an A4 PDF, for the people who may see it (the same details handler as the API).</summary>
public sealed class PdfModel(GetWorkOrderHandler get, CallerFactory callers, PdfPrinter printer, IStringLocalizer<PageText> t, SiteTime site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var order = await get.HandleAsync(id, await callers.GetAsync(HttpContext, ct), ct);
        if (order is null)
        {
            return NotFound();
        }
        var pdf = await printer.PrintAsync(WorkOrderPrint.Render(order, t, site), ct);
        if (pdf is null)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, t["Print.Unavailable"].Value);
        }
        return File(pdf, "application/pdf", $"{order.Number}.pdf");
    }
}

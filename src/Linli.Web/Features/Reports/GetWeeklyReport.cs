using System.Text;
using Linli.Domain.Common;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders.Pages;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Reports;

/// <summary>A stored report in the asked format: json (the figures), md, html, or pdf (the HTML printed by Chromium).</summary>
public sealed class GetWeeklyReportHandler(LinliDbContext db, PdfPrinter printer)
{
    public static readonly Error NotFound = Error.NotFound("Reports.NotFound");
    public static readonly Error InvalidFormat = Error.Validation("Reports.InvalidFormat");
    public static readonly Error PdfUnavailable = Error.Unprocessable("Reports.PdfUnavailable");

    public async Task<Result<(byte[] Content, string ContentType)>> HandleAsync(Guid id, string? format, Caller caller, CancellationToken ct)
    {
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("json" or "md" or "html" or "pdf"))
        {
            return InvalidFormat;
        }
        var record = await db.WeeklyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !caller.Covers(record.AreaUnitId))
        {
            return NotFound;
        }
        var title = SystemText.Format("Report.Title", record.Week);
        switch (kind)
        {
            case "json":
                return (Encoding.UTF8.GetBytes(record.Json), "application/json; charset=utf-8");
            case "md":
                return (Encoding.UTF8.GetBytes(record.Markdown), "text/markdown; charset=utf-8");
            case "html":
                return (Encoding.UTF8.GetBytes(WeeklyReportRenderer.Html(title, record.Markdown)), "text/html; charset=utf-8");
            default:
                var pdf = await printer.PrintAsync(WeeklyReportRenderer.Html(title, record.Markdown), ct);
                return pdf is null ? PdfUnavailable : (pdf, "application/pdf");
        }
    }
}

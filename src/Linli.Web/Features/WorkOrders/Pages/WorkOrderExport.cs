using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linli.Web.Infrastructure;
using Linli.Web.Shared;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>
/// The console's list as an .xlsx workbook (DocumentFormat.OpenXml). Rows are <see cref="WorkOrderSummary"/> projections,
/// whose reporter name and phone are already masked: the export never carries more personal data than the list shows.
/// </summary>
public sealed class WorkOrderExport(IStringLocalizer<PageText> t, SiteTime site)
{
    public const int MaxRows = 10_000;

    public static readonly string[] Columns =
        ["Order.Number", "Order.Status", "Order.Channel", "Order.Urgency", "Order.Title", "Order.Request", "Order.Unit",
         "Order.Reporter", "Order.Phone", "Order.Place", "Order.ReceivedAt", "Order.RespondBy", "Order.CompleteBy"];

    public byte[] Build(IEnumerable<WorkOrderSummary> orders)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(RowOf(Columns.Select(c => (string)t[c])));
            foreach (var o in orders)
            {
                data.Append(RowOf([o.Number, t.Status(o.Status), t.Channel(o.Channel), t.Urgency(o.Urgency), o.Title ?? "", o.Description,
                    o.UnitName ?? "", o.ReporterName ?? "", o.ReporterPhone ?? "", o.AddressText ?? "",
                    site.Local(o.ReceivedAt), site.Local(o.RespondBy), site.Local(o.CompleteBy)]));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = t["Export.SheetName"].Value });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row RowOf(IEnumerable<string> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }
}

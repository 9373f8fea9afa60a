using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Linli.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class ExportAndPrintTests(LinliServer server)
{
    [Fact]
    public async Task ExcelExport_OfTheFilteredList_OpensAndMasksPhones()
    {
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/console?tab=All&channel=Hotline12345");
        var download = await dispatcher.Page.RunAndWaitForDownloadAsync(() => dispatcher.Page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        var path = Path.Combine(LinliServer.ScreenshotDirectory, "..", "export.xlsx");
        await download.SaveAsAsync(path);

        using var workbook = SpreadsheetDocument.Open(path, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var header = rows[0];
        header.ShouldContain("工单号");
        var phone = header.IndexOf("联系电话");
        var reporter = header.IndexOf("反映人");
        phone.ShouldBeGreaterThanOrEqualTo(0);
        rows.Count.ShouldBeGreaterThan(1);
        foreach (var row in rows.Skip(1))
        {
            row[header.IndexOf("渠道")].ShouldBe("12345热线");
            row[phone].ShouldMatch(MaskedPhone().ToString());
            row[reporter].ShouldContain("*");
        }
        dispatcher.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task OrderPdf_IsProducedByChromium()
    {
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/console?tab=Doing");
        var href = await dispatcher.Page.Locator("#queue-list tbody tr a").First.GetAttributeAsync("href");
        var response = await dispatcher.Context.APIRequest.GetAsync(href + "/pdf");

        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldBe("application/pdf");
        var bytes = await response.BodyAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("%PDF");
        await File.WriteAllBytesAsync(Path.Combine(LinliServer.ScreenshotDirectory, "..", "order.pdf"), bytes);
    }

    [GeneratedRegex(@"^\d{3}\*{4}\d{4}$")]
    private static partial Regex MaskedPhone();
}

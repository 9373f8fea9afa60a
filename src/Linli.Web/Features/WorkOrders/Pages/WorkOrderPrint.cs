using System.Text;
using System.Text.Encodings.Web;
using Linli.Web.Infrastructure;
using Linli.Web.Shared;
using Microsoft.Extensions.Localization;
using PageText = Linli.Web.Resources.Pages;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>The A4 print of one order (工单打印): a self-contained HTML page that Chromium turns into a PDF.</summary>
public static class WorkOrderPrint
{
    public static string Render(WorkOrderDetails o, IStringLocalizer<PageText> t, SiteTime site)
    {
        static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "—");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>")
            .Append("body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-size:11pt;color:#111}")
            .Append("h1{font-size:18pt;text-align:center;margin:0 0 4mm}.sub{text-align:center;color:#555;margin-bottom:6mm}")
            .Append("table{width:100%;border-collapse:collapse;margin-bottom:6mm}th,td{border:1px solid #444;padding:2mm 3mm;text-align:left;vertical-align:top}")
            .Append("th{background:#eef2f7;width:22%;font-weight:600}h2{font-size:13pt;margin:4mm 0 2mm}.foot{margin-top:10mm;color:#555;font-size:9pt}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(t["Print.Title"])).Append("</h1>");
        html.Append("<div class=\"sub\">").Append(E(t["Order.Number"])).Append('：').Append(E(o.Number)).Append('　')
            .Append(E(t["Order.Status"])).Append('：').Append(E(t.Status(o.Status))).Append("</div>");
        void Row(string label, string? value) =>
            html.Append("<tr><th>").Append(E(t[label])).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        html.Append("<table>");
        Row("Order.Channel", t.Channel(o.Channel));
        Row("Order.Urgency", t.Urgency(o.Urgency));
        Row("Order.Category", o.CategoryName ?? t["Details.Uncategorized"]);
        Row("Order.Reporter", $"{o.Reporter.Name} {o.Reporter.Phone}");
        Row("Order.Place", o.Location.BuildingName ?? o.Location.AddressText);
        Row("Order.Title", o.Title);
        Row("Order.Request", o.Description);
        Row("Order.Unit", o.UnitName);
        Row("Order.ReceivedAt", site.Local(o.ReceivedAt));
        Row("Order.RespondBy", site.Local(o.RespondBy));
        Row("Order.CompleteBy", site.Local(o.CompleteBy));
        Row("Details.Result", o.Result);
        if (o.Evaluation is { } ev)
        {
            Row("Details.Evaluation", $"{(ev.Resolved ? t["Details.Resolved"] : t["Details.Unresolved"])} · {t.Satisfaction(ev.Satisfaction)} {ev.Comment}");
        }
        html.Append("</table><h2>").Append(E(t["Details.Timeline"])).Append("</h2><table><tr><th>")
            .Append(E(t["Print.Time"])).Append("</th><th>").Append(E(t["Print.Step"])).Append("</th><th>")
            .Append(E(t["Print.Actor"])).Append("</th><th>").Append(E(t["Print.Note"])).Append("</th></tr>");
        foreach (var h in o.History)
        {
            html.Append("<tr><td>").Append(E(site.Local(h.At))).Append("</td><td>").Append(E(t.Trigger(h.Trigger)))
                .Append(h.UnitName is null ? "" : " · " + E(h.UnitName)).Append("</td><td>").Append(E(h.Actor)).Append("</td><td>")
                .Append(E(h.Comment ?? "")).Append("</td></tr>");
        }
        html.Append("</table><div class=\"foot\">").Append(E(t["Print.Footer", site.Local(site.UtcNow)])).Append("</div></body></html>");
        return html.ToString();
    }
}

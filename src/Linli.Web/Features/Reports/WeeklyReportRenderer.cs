using System.Globalization;
using System.Net;
using System.Text;

namespace Linli.Web.Features.Reports;

/// <summary>The report as Markdown (our own builder) and as a print-ready HTML page (a Razor-free template).</summary>
public static class WeeklyReportRenderer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Markdown(WeeklyReport r)
    {
        var md = new StringBuilder();
        md.Append(C, $"# {r.AreaName} 社区问题周报 {r.Week}\n\n");
        md.Append(C, $"统计区间：{r.From:yyyy-MM-dd HH:mm} 至 {r.To:yyyy-MM-dd HH:mm}（UTC），生成于 {r.GeneratedAt:yyyy-MM-dd HH:mm}（UTC）。\n\n");
        md.Append("## 综述\n\n").Append(r.Narrative).Append("\n\n");
        md.Append("## 总量与三率\n\n| 指标 | 本周 | 上周 | 变化 |\n|---|---:|---:|---:|\n");
        Row(md, "受理", r.Totals.Received, r.PreviousTotals.Received);
        Row(md, "派单", r.Totals.Dispatched, r.PreviousTotals.Dispatched);
        Row(md, "办结", r.Totals.Completed, r.PreviousTotals.Completed);
        Row(md, "评价", r.Totals.Evaluated, r.PreviousTotals.Evaluated);
        Row(md, "超期", r.Totals.Overdue, r.PreviousTotals.Overdue);
        md.Append(C, $"| 响应率 | {ReportNarrator.Percent(r.Rates.ResponseRate)} | {ReportNarrator.Percent(r.PreviousRates.ResponseRate)} | {Points(r.Change.ResponseRate)} |\n");
        md.Append(C, $"| 解决率 | {ReportNarrator.Percent(r.Rates.ResolutionRate)} | {ReportNarrator.Percent(r.PreviousRates.ResolutionRate)} | {Points(r.Change.ResolutionRate)} |\n");
        md.Append(C, $"| 满意率 | {ReportNarrator.Percent(r.Rates.SatisfactionRate)} | {ReportNarrator.Percent(r.PreviousRates.SatisfactionRate)} | {Points(r.Change.SatisfactionRate)} |\n\n");

        md.Append("## 诉求类别 Top\n\n| 类别 | 本周 | 上周 |\n|---|---:|---:|\n");
        foreach (var c in r.TopCategories)
        {
            md.Append(C, $"| {Cell(c.Name)} | {c.Count} | {c.PreviousCount} |\n");
        }
        md.Append("\n## 高频问题\n\n");
        if (r.HotIssues.Count == 0)
        {
            md.Append("本周无聚集性问题。\n");
        }
        foreach (var h in r.HotIssues)
        {
            md.Append(C, $"{h.Rank}. **{Cell(Recommendations.Short(h.RepresentativeText))}** — {h.Size} 件（上期 {h.PreviousSize} 件），附议 {h.Support}；地点：{Cell(string.Join("、", h.Places.Take(3)))}；类别：{Cell(string.Join("、", h.Categories.Take(3)))}\n");
        }
        md.Append("\n## 超期工单\n\n");
        Orders(md, r.OverdueOrders, o => o.CompleteBy is { } d ? "应办结 " + d.ToString("yyyy-MM-dd HH:mm", C) : "");
        md.Append("\n## 本周升级工单\n\n");
        Orders(md, r.EscalatedOrders, o => o.At is { } d ? "升级于 " + d.ToString("yyyy-MM-dd HH:mm", C) : "");
        md.Append("\n## 网格排名\n\n");
        Ranking(md, r.GridRanking);
        md.Append("\n## 办理单位排名\n\n");
        Ranking(md, r.UnitRanking);
        md.Append(C, $"\n## 下周预测\n\n预计下周受理约 **{r.ForecastTotal:0.#}** 件。\n\n| 类别 | 预计 | 本周 |\n|---|---:|---:|\n");
        foreach (var f in r.Forecast)
        {
            md.Append(C, $"| {Cell(f.Name)} | {f.Expected:0.#} | {f.ThisWeek} |\n");
        }
        md.Append("\n## 工作建议\n\n");
        foreach (var s in r.Recommendations)
        {
            md.Append("- ").Append(s).Append('\n');
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, int now, int before) =>
        md.Append(C, $"| {name} | {now} | {before} | {now - before:+0;-0;0} |\n");

    private static string Points(double? change) => change is { } x ? (x * 100).ToString("+0.0;-0.0;0.0", C) + " 个百分点" : "—";

    private static string Cell(string text) => text.Replace("|", "｜", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Orders(StringBuilder md, IReadOnlyList<ReportOrder> orders, Func<ReportOrder, string> when)
    {
        if (orders.Count == 0)
        {
            md.Append("无。\n");
            return;
        }
        md.Append("| 工单号 | 标题 | 单位 | 时间 |\n|---|---|---|---|\n");
        foreach (var o in orders)
        {
            md.Append(C, $"| {o.Number} | {Cell(o.Title ?? "")} | {Cell(o.UnitName ?? "")} | {when(o)} |\n");
        }
    }

    private static void Ranking(StringBuilder md, IReadOnlyList<RankingRow> rows)
    {
        if (rows.Count == 0)
        {
            md.Append("无。\n");
            return;
        }
        md.Append("| 名称 | 受理 | 派单 | 超期 | 响应率 | 解决率 | 满意率 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var x in rows)
        {
            md.Append(C, $"| {Cell(x.Name)} | {x.Received} | {x.Dispatched} | {x.Overdue} | {ReportNarrator.Percent(x.ResponseRate)} | {ReportNarrator.Percent(x.ResolutionRate)} | {ReportNarrator.Percent(x.SatisfactionRate)} |\n");
        }
    }

    /// <summary>
    /// HTML for the browser and for printing: the Markdown turned into headings, paragraphs, list items and tables by a
    /// small converter that knows exactly the constructs <see cref="Markdown"/> writes; every text is HTML-encoded.
    /// </summary>
    public static string Html(string title, string markdown)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><style>")
            .Append("body{font-family:'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;font-size:12px;color:#222;margin:0 8px}")
            .Append("h1{font-size:20px;border-bottom:2px solid #c00;padding-bottom:4px}h2{font-size:15px;margin-top:18px;color:#900}")
            .Append("table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left}th{background:#f3f3f3}")
            .Append("td.n{text-align:right}</style></head><body>");
        var inList = false;
        var inTable = false;
        var tableRow = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (inTable && !line.StartsWith('|'))
            {
                html.Append("</table>");
                inTable = false;
            }
            if (inList && !line.StartsWith("- ", StringComparison.Ordinal) && !(line.Length > 2 && char.IsDigit(line[0])))
            {
                html.Append("</ol>");
                inList = false;
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h1>").Append(Inline(line[2..])).Append("</h1>");
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2>").Append(Inline(line[3..])).Append("</h2>");
            }
            else if (line.StartsWith('|'))
            {
                if (!inTable)
                {
                    html.Append("<table>");
                    inTable = true;
                    tableRow = 0;
                }
                var cells = line.Trim('|').Split('|');
                if (tableRow++ == 1)
                {
                    continue; // the |---| separator
                }
                var tag = tableRow == 1 ? "th" : "td";
                html.Append("<tr>");
                foreach (var cell in cells)
                {
                    var text = cell.Trim();
                    var numeric = tag == "td" && text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '+' or '-' or '—');
                    html.Append('<').Append(tag).Append(numeric ? " class=\"n\">" : ">").Append(Inline(text)).Append("</").Append(tag).Append('>');
                }
                html.Append("</tr>");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || (line.Length > 2 && char.IsDigit(line[0]) && line.Contains(". ", StringComparison.Ordinal)))
            {
                if (!inList)
                {
                    html.Append("<ol>");
                    inList = true;
                }
                var text = line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line[(line.IndexOf(". ", StringComparison.Ordinal) + 2)..];
                html.Append("<li>").Append(Inline(text)).Append("</li>");
            }
            else
            {
                html.Append("<p>").Append(Inline(line)).Append("</p>");
            }
        }
        if (inTable)
        {
            html.Append("</table>");
        }
        if (inList)
        {
            html.Append("</ol>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Encodes the text, then turns **bold** into &lt;strong&gt;.</summary>
    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var parts = encoded.Split("**");
        var result = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            result.Append(i % 2 == 1 && i < parts.Length - 1 ? "<strong>" + parts[i] + "</strong>" : (i % 2 == 1 ? "**" + parts[i] : parts[i]));
        }
        return result.ToString();
    }
}

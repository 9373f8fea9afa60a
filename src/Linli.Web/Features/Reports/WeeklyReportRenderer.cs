using System.Globalization;
using System.Net;
using System.Text;
using Linli.Web.Resources;

namespace Linli.Web.Features.Reports;

/// <summary>The report as Markdown (our own builder) and as a print-ready HTML page (a Razor-free template).</summary>
public static class WeeklyReportRenderer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Markdown(WeeklyReport r)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(SystemText.Format("Report.Heading", r.AreaName, r.Week)).Append("\n\n");
        md.Append(SystemText.Format("Report.Period", r.From, r.To, r.GeneratedAt)).Append("\n\n");
        Section(md, SystemText.Get("Report.Section.Summary")).Append(r.Narrative).Append("\n\n");
        Section(md, SystemText.Get("Report.Section.Totals"));
        Header(md, "|---|---:|---:|---:|", SystemText.Get("Report.Column.Metric"), SystemText.Get("Report.Column.ThisWeek"),
            SystemText.Get("Report.Column.LastWeek"), SystemText.Get("Report.Column.Change"));
        Row(md, SystemText.Get("Report.Metric.Received"), r.Totals.Received, r.PreviousTotals.Received);
        Row(md, SystemText.Get("Report.Metric.Dispatched"), r.Totals.Dispatched, r.PreviousTotals.Dispatched);
        Row(md, SystemText.Get("Report.Metric.Completed"), r.Totals.Completed, r.PreviousTotals.Completed);
        Row(md, SystemText.Get("Report.Metric.Evaluated"), r.Totals.Evaluated, r.PreviousTotals.Evaluated);
        Row(md, SystemText.Get("Report.Metric.Overdue"), r.Totals.Overdue, r.PreviousTotals.Overdue);
        RateRow(md, SystemText.Get("Report.Metric.ResponseRate"), r.Rates.ResponseRate, r.PreviousRates.ResponseRate, r.Change.ResponseRate);
        RateRow(md, SystemText.Get("Report.Metric.ResolutionRate"), r.Rates.ResolutionRate, r.PreviousRates.ResolutionRate, r.Change.ResolutionRate);
        RateRow(md, SystemText.Get("Report.Metric.SatisfactionRate"), r.Rates.SatisfactionRate, r.PreviousRates.SatisfactionRate, r.Change.SatisfactionRate);
        md.Append('\n');

        Section(md, SystemText.Get("Report.Section.Categories"));
        Header(md, "|---|---:|---:|", SystemText.Get("Report.Column.Category"), SystemText.Get("Report.Column.ThisWeek"),
            SystemText.Get("Report.Column.LastWeek"));
        foreach (var c in r.TopCategories)
        {
            md.Append(C, $"| {Cell(c.Name)} | {c.Count} | {c.PreviousCount} |\n");
        }
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.HotIssues"));
        if (r.HotIssues.Count == 0)
        {
            md.Append(SystemText.Get("Report.NoHotIssues")).Append('\n');
        }
        var separator = SystemText.Get("Report.ListSeparator");
        foreach (var h in r.HotIssues)
        {
            md.Append(C, $"{h.Rank}. **{Cell(Recommendations.Short(h.RepresentativeText))}** — ")
                .Append(SystemText.Format("Report.HotIssue", h.Size, h.PreviousSize, h.Support,
                    Cell(string.Join(separator, h.Places.Take(3))), Cell(string.Join(separator, h.Categories.Take(3)))))
                .Append('\n');
        }
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.Overdue"));
        Orders(md, r.OverdueOrders, o => o.CompleteBy is { } d ? SystemText.Format("Report.CompleteBy", d) : "");
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.Escalated"));
        Orders(md, r.EscalatedOrders, o => o.At is { } d ? SystemText.Format("Report.EscalatedAt", d) : "");
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.GridRanking"));
        Ranking(md, r.GridRanking);
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.UnitRanking"));
        Ranking(md, r.UnitRanking);
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.Forecast"));
        md.Append(SystemText.Format("Report.ForecastTotal", r.ForecastTotal)).Append("\n\n");
        Header(md, "|---|---:|---:|", SystemText.Get("Report.Column.Category"), SystemText.Get("Report.Column.Expected"),
            SystemText.Get("Report.Column.ThisWeek"));
        foreach (var f in r.Forecast)
        {
            md.Append(C, $"| {Cell(f.Name)} | {f.Expected:0.#} | {f.ThisWeek} |\n");
        }
        md.Append('\n');
        Section(md, SystemText.Get("Report.Section.Recommendations"));
        foreach (var s in r.Recommendations)
        {
            md.Append("- ").Append(s).Append('\n');
        }
        return md.ToString();
    }

    /// <summary>"## heading" and a blank line.</summary>
    private static StringBuilder Section(StringBuilder md, string heading) => md.Append("## ").Append(heading).Append("\n\n");

    /// <summary>A table's header row (the columns' names) and its alignment row.</summary>
    private static void Header(StringBuilder md, string alignment, params string[] columns) =>
        md.Append("| ").AppendJoin(" | ", columns).Append(" |\n").Append(alignment).Append('\n');

    private static void Row(StringBuilder md, string name, int now, int before) =>
        md.Append(C, $"| {name} | {now} | {before} | {now - before:+0;-0;0} |\n");

    private static void RateRow(StringBuilder md, string name, double? now, double? before, double? change) =>
        md.Append(C, $"| {name} | {ReportNarrator.Percent(now)} | {ReportNarrator.Percent(before)} | {Points(change)} |\n");

    private static string Points(double? change) => change is { } x ? SystemText.Format("Report.PercentagePoints", x * 100) : "—";

    private static string Cell(string text) => text.Replace("|", "｜", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Orders(StringBuilder md, IReadOnlyList<ReportOrder> orders, Func<ReportOrder, string> when)
    {
        if (orders.Count == 0)
        {
            md.Append(SystemText.Get("Report.None")).Append('\n');
            return;
        }
        Header(md, "|---|---|---|---|", SystemText.Get("Report.Column.Number"), SystemText.Get("Report.Column.Title"),
            SystemText.Get("Report.Column.Unit"), SystemText.Get("Report.Column.Time"));
        foreach (var o in orders)
        {
            md.Append(C, $"| {o.Number} | {Cell(o.Title ?? "")} | {Cell(o.UnitName ?? "")} | {when(o)} |\n");
        }
    }

    private static void Ranking(StringBuilder md, IReadOnlyList<RankingRow> rows)
    {
        if (rows.Count == 0)
        {
            md.Append(SystemText.Get("Report.None")).Append('\n');
            return;
        }
        Header(md, "|---|---:|---:|---:|---:|---:|---:|", SystemText.Get("Report.Column.Name"), SystemText.Get("Report.Metric.Received"),
            SystemText.Get("Report.Metric.Dispatched"), SystemText.Get("Report.Metric.Overdue"), SystemText.Get("Report.Metric.ResponseRate"),
            SystemText.Get("Report.Metric.ResolutionRate"), SystemText.Get("Report.Metric.SatisfactionRate"));
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

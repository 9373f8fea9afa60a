using System.Globalization;
using System.Text;
using System.Text.Json;
using Linli.Web.Resources;

namespace Linli.Web.Features.Reports;

/// <summary>
/// The report's narrative. Built in by default (no network). When <c>Linli:Llm:BaseUrl</c> and <c>Linli:Llm:Model</c>
/// are set, an OpenAI-compatible chat endpoint writes it from aggregated figures only (counts, rates, category names and
/// hot-issue texts cut to 30 characters — no names, phones or addresses below the compound), within
/// <c>Linli:Llm:TimeoutSeconds</c> (default 20); any failure falls back to the built-in narrative.
/// </summary>
public sealed class ReportNarrator(IConfiguration configuration, IHttpClientFactory clients, ILogger<ReportNarrator> logger)
{
    public async Task<(string Text, string Source)> NarrateAsync(WeeklyReport report, CancellationToken ct)
    {
        var builtIn = BuiltIn(report);
        var baseUrl = configuration["Linli:Llm:BaseUrl"];
        var model = configuration["Linli:Llm:Model"];
        if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(model))
        {
            return (builtIn, "builtin");
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(configuration.GetValue("Linli:Llm:TimeoutSeconds", 20)));
            using var client = clients.CreateClient(nameof(ReportNarrator));
            using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl.TrimEnd('/') + "/chat/completions")
            {
                Content = JsonContent.Create(new
                {
                    model,
                    temperature = 0.2,
                    messages = new object[]
                    {
                        new { role = "system", content = SystemText.Get("Report.Narrative.SystemPrompt") },
                        new { role = "user", content = JsonSerializer.Serialize(Aggregates(report)) },
                    },
                }),
            };
            if (configuration["Linli:Llm:ApiKey"] is { Length: > 0 } key)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }
            using var response = await client.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            var text = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            return string.IsNullOrWhiteSpace(text) ? (builtIn, "builtin") : (text.Trim(), "llm:" + model);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            logger.LogWarning(ex, "LLM narrative failed; using the built-in narrative");
            return (builtIn, "builtin");
        }
    }

    /// <summary>What the model may see: figures and category names, nothing about a person.</summary>
    internal static object Aggregates(WeeklyReport r) => new
    {
        week = r.Week,
        area = r.AreaName,
        totals = r.Totals,
        previousTotals = r.PreviousTotals,
        rates = new { r.Rates.ResponseRate, r.Rates.ResolutionRate, r.Rates.SatisfactionRate },
        topCategories = r.TopCategories.Select(c => new { c.Name, c.Count, c.PreviousCount }),
        hotIssues = r.HotIssues.Select(h => new { text = Recommendations.Short(h.RepresentativeText), h.Size, h.Support }),
        forecastNextWeek = r.ForecastTotal,
    };

    internal static string BuiltIn(WeeklyReport r)
    {
        var text = new StringBuilder();
        text.Append(SystemText.Format("Report.Narrative.Totals", r.Week, r.AreaName, r.Totals.Received, r.PreviousTotals.Received,
            r.Totals.Dispatched, r.Totals.Completed, r.Totals.Evaluated, r.Totals.Overdue));
        text.Append(SystemText.Format("Report.Narrative.Rates", Percent(r.Rates.ResponseRate), Percent(r.Rates.ResolutionRate), Percent(r.Rates.SatisfactionRate)));
        if (r.TopCategories.Count > 0)
        {
            var categories = r.TopCategories.Take(3).Select(x => SystemText.Format("Report.Narrative.Category", x.Name, x.Count));
            text.Append(SystemText.Format("Report.Narrative.Categories", string.Join(SystemText.Get("Report.ListSeparator"), categories)));
        }
        if (r.HotIssues.Count > 0)
        {
            text.Append(SystemText.Format("Report.Narrative.HotIssue", Recommendations.Short(r.HotIssues[0].RepresentativeText), r.HotIssues[0].Size));
        }
        text.Append(SystemText.Format("Report.Narrative.Forecast", r.ForecastTotal));
        return text.ToString();
    }

    /// <summary>A rate as the report writes every rate, narrative, tables and recommendations alike: "91.9%".</summary>
    internal static string Percent(double? rate) => rate is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "—";
}

using System.Globalization;
using System.Text;
using System.Text.Json;

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
                        new { role = "system", content = "你是街道社区治理分析员。根据给出的汇总数据，用中文写一段 200 字以内的周报综述，只使用给出的数字，不要编造。" },
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
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"{r.Week}，{r.AreaName}共受理诉求 {r.Totals.Received} 件（上周 {r.PreviousTotals.Received} 件），派单 {r.Totals.Dispatched} 件，办结 {r.Totals.Completed} 件，评价 {r.Totals.Evaluated} 件；周末超期未办结 {r.Totals.Overdue} 件。");
        text.Append(c, $"响应率 {Percent(r.Rates.ResponseRate)}，解决率 {Percent(r.Rates.ResolutionRate)}，满意率 {Percent(r.Rates.SatisfactionRate)}。");
        if (r.TopCategories.Count > 0)
        {
            text.Append("诉求集中在").Append(string.Join("、", r.TopCategories.Take(3).Select(x => $"{x.Name}（{x.Count} 件）"))).Append('。');
        }
        if (r.HotIssues.Count > 0)
        {
            text.Append(c, $"最突出的高频问题是“{Recommendations.Short(r.HotIssues[0].RepresentativeText)}”，共 {r.HotIssues[0].Size} 件。");
        }
        text.Append(c, $"预计下周诉求约 {r.ForecastTotal:0.#} 件。");
        return text.ToString();
    }

    internal static string Percent(double? rate) => rate is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "—";
}

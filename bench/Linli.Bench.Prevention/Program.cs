using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Classification.Data;
using Linli.Domain.Prevention;

// Hot issues and the weekly forecast on the real citizen messages (../shared/data/complaints): what they find, and the
// forecast's back-test error next to the naive "same as last week" baseline measured in the same run.
var dataDirectory = args.Length > 0 ? args[0] : FindData();
var votesFile = Path.Combine(dataDirectory, "messages_with_votes.csv");
var repliesFile = Path.Combine(dataDirectory, "messages_with_replies.csv");
if (!File.Exists(votesFile))
{
    Console.WriteLine($"SKIP: {votesFile} is missing (the data lives in ../shared/data/complaints, never in the repository).");
    return 0;
}

var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
foreach (var m in Read(votesFile, supportColumn: "like_count"))
{
    messages[m.Id] = m;
}
var fromReplies = 0;
if (File.Exists(repliesFile))
{
    foreach (var m in Read(repliesFile, supportColumn: null))
    {
        if (messages.TryAdd(m.Id, m))
        {
            fromReplies++;
        }
    }
}
var all = messages.Values.OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
Console.WriteLine($"messages: {all.Count} ({all.Count - fromReplies} with votes, {fromReplies} more from replies), {all[0].At:yyyy-MM-dd} .. {all[^1].At:yyyy-MM-dd}");
Console.WriteLine();

// 1. Hot issues over the whole history (votes file: it carries the support counts).
var watch = Stopwatch.StartNew();
var votes = all.Where(m => m.FromVotes).ToList();
var clusters = HotIssueClustering.Cluster(votes.Select(m => new ClusterItem(m.Id, m.Title + "。" + m.Detail, m.Area, null, m.At, m.Likes)).ToList(),
    new ClusteringSettings { Top = 10 });
Console.WriteLine($"== Hot issues, all {votes.Count} messages with votes ({watch.ElapsedMilliseconds} ms) ==");
Print(clusters, votes);

// 2. Hot issues of the busiest four weeks against the four weeks before (growth).
var weekly = votes.GroupBy(m => IsoWeek.Of(DateOnly.FromDateTime(m.At))).ToDictionary(g => g.Key, g => g.Count());
var busiest = weekly.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.ToString(), StringComparer.Ordinal).First().Key;
var periodStart = busiest.Monday.AddDays(-21).ToDateTime(TimeOnly.MinValue);
var periodEnd = busiest.Monday.AddDays(7).ToDateTime(TimeOnly.MinValue);
var previousStart = periodStart.AddDays(-28);
var window = votes.Where(m => m.At >= previousStart && m.At < periodEnd)
    .Select(m => new ClusterItem(m.Id, m.Title + "。" + m.Detail, m.Area, null, m.At, m.Likes, InCurrentPeriod: m.At >= periodStart)).ToList();
Console.WriteLine($"== Hot issues of the four weeks ending {busiest} ({window.Count(w => w.InCurrentPeriod)} messages; growth against the 4 weeks before) ==");
Print(HotIssueClustering.Cluster(window, new ClusteringSettings { Top = 5 }), votes);

// 3. Forecast back-test: weekly counts per district (A1区 … the grids of this data) and for the whole city.
// The replies file reaches back to 2011 with a handful of messages a year: the series start where the votes file does.
var firstWeek = IsoWeek.Of(DateOnly.FromDateTime(votes[0].At));
all = all.Where(m => m.At >= firstWeek.Monday.ToDateTime(TimeOnly.MinValue)).ToList();
var lastWeek = IsoWeek.Of(DateOnly.FromDateTime(all[^1].At));
var weeks = new List<IsoWeek>();
for (var w = firstWeek; string.CompareOrdinal(w.ToString(), lastWeek.ToString()) <= 0; w = w.Next)
{
    weeks.Add(w);
}
var index = weeks.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i);
double[] Series(IEnumerable<Message> source)
{
    var y = new double[weeks.Count];
    foreach (var m in source)
    {
        y[index[IsoWeek.Of(DateOnly.FromDateTime(m.At))]]++;
    }
    return y;
}
var areas = all.GroupBy(m => m.Area ?? "(none)").Where(g => g.Count() >= 50).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
var perArea = areas.Select(g => (IReadOnlyList<double>)Series(g)).ToList();
var total = (IReadOnlyList<double>)Series(all);
Console.WriteLine($"== Forecast back-test: one week ahead, rolling origin, {weeks.Count} weeks ({firstWeek} .. {lastWeek}), warm-up 8 weeks ==");
Console.WriteLine("series                          weeks   model MAE   naive MAE   ratio   MASE   model RMSE  naive RMSE");
void Row(string name, BackTestResult r) =>
    Console.WriteLine($"{name,-30} {r.Weeks,6} {r.ModelMae,11:F3} {r.NaiveMae,11:F3} {r.Ratio,7:F3} {r.ModelMase,6:F3} {r.ModelRmse,11:F3} {r.NaiveRmse,11:F3}");
var settings = new ForecastSettings();
Row($"per district ({perArea.Count} series)", WeeklyForecast.BackTest(perArea, settings));
Row("whole city (1 series)", WeeklyForecast.BackTest([total], settings));
Row("per district, no trend", WeeklyForecast.BackTest(perArea, settings with { Beta = 0 }));
Row("per district, season shrink 0.5", WeeklyForecast.BackTest(perArea, settings with { SeasonalShrink = 0.5 }));
Row("per district, no season", WeeklyForecast.BackTest(perArea, settings with { SeasonalShrink = 0 }));
Row("whole city, no season", WeeklyForecast.BackTest([total], settings with { SeasonalShrink = 0 }));
Console.WriteLine();

// 4. Anomalies of the last 26 weeks per district (p < 0.01 under the forecast), as the risk grade would see them.
Console.WriteLine("== Anomalous district-weeks in the last 26 weeks (P(X >= observed) < 0.01) ==");
var flagged = 0;
for (var a = 0; a < areas.Count; a++)
{
    var y = perArea[a];
    for (var t = Math.Max(8, y.Count - 26); t < y.Count; t++)
    {
        var expected = Math.Max(settings.MinimumExpected, WeeklyForecast.Next(y.Take(t).ToList(), settings).Expected);
        var p = WeeklyForecast.PoissonUpperTail((int)y[t], expected);
        if (p < RiskRules.AnomalyP)
        {
            flagged++;
            Console.WriteLine($"{areas[a].Key,-8} {weeks[t]}  observed {y[t],4}  expected {expected,6:F2}  p = {p:0.####}");
        }
    }
}
Console.WriteLine($"{flagged} anomalies out of {areas.Count * Math.Min(26, weeks.Count - 8)} district-weeks");
return 0;

static void Print(IReadOnlyList<HotIssueCluster> clusters, List<Message> source)
{
    var byId = source.ToDictionary(m => m.Id, StringComparer.Ordinal);
    foreach (var c in clusters)
    {
        var medoid = byId[c.MedoidId];
        Console.WriteLine($"#{c.Rank,-2} size {c.Size,3}  prev {c.PreviousSize,3}  support {c.Support,5}  score {c.Score,7:F2}  {c.FirstAt:yyyy-MM-dd}..{c.LastAt:yyyy-MM-dd}  {string.Join('/', c.Places.Take(2))}");
        Console.WriteLine($"     {Trim(medoid.Title, 60)}");
    }
    Console.WriteLine();
}

static string Trim(string text, int length) => text.Length <= length ? text : text[..length] + "…";

static IEnumerable<Message> Read(string file, string? supportColumn)
{
    using var reader = new StreamReader(file);
    string[]? header = null;
    foreach (var row in CsvReader.ReadRows(reader))
    {
        if (header is null)
        {
            header = row;
            continue;
        }
        string Field(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < row.Length ? row[i] : "";
        if (!DateTime.TryParse(Field("time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            continue;
        }
        var title = Field("title").Trim();
        var detail = Field("detail").Trim();
        var likes = supportColumn is not null && int.TryParse(Field(supportColumn), out var l) ? l : 0;
        yield return new Message(Field("message_id"), at, title, detail, likes, AreaOf(title + detail), supportColumn is not null);
    }
}

static string? AreaOf(string text) => AreaPattern().Match(text) is { Success: true } m ? m.Value : null;

static string FindData()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "data", "complaints");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    return Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data", "complaints");
}

internal sealed record Message(string Id, DateTime At, string Title, string Detail, int Likes, string? Area, bool FromVotes);

internal static partial class Program
{
    [GeneratedRegex(@"A\d{1,2}区")]
    internal static partial Regex AreaPattern();
}

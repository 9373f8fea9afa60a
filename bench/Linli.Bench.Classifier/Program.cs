using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Linli.Bench.Classifier;
using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;

// Classifier benchmark: cross-validated quality, training time and single-message latency of the
// NBSVM classifier against a naive Bayes baseline on the same features, measured in the same run.
// usage: dotnet run -c Release --project bench/Linli.Bench.Classifier [-- --data FILE.csv] [--folds 5] [--seed 7]
//        [--options '{"Features":{"WordWeight":0}}'] (JSON overrides of TextClassifierOptions)
//        [--cv "5:7,5:11,10:7"] (only cross-validate: folds:seed runs, printed one line each)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var arguments = Arguments.Parse(args);
if (arguments.TryGetValue("segment", out var sample))
{
    Console.WriteLine(Segmentation.Show(sample));
    return 0;
}

var path = arguments.GetValueOrDefault("data") ?? Locate("shared/data/complaints/train.csv");
if (path is null || !File.Exists(path))
{
    Console.Error.WriteLine("complaint data not found: pass --data FILE.csv or put shared/data/complaints/train.csv beside the repository.");
    return 2;
}

var folds = int.Parse(arguments.GetValueOrDefault("folds") ?? "5", CultureInfo.InvariantCulture);
var seed = int.Parse(arguments.GetValueOrDefault("seed") ?? "7", CultureInfo.InvariantCulture);
var examples = LabeledTextCsv.ReadFile(path);
var options = arguments.TryGetValue("options", out var json)
    ? JsonSerializer.Deserialize<TextClassifierOptions>(json) ?? new TextClassifierOptions()
    : new TextClassifierOptions();
var stamp = new ModelStamp("bench", DateTimeOffset.UnixEpoch);
Console.WriteLine($"data: {path} ({examples.Count:N0} messages); {Environment.ProcessorCount} cores; .NET {Environment.Version}");
Console.WriteLine($"options: {JsonSerializer.Serialize(options)}");
Console.WriteLine();
if (arguments.TryGetValue("cv", out var runs))
{
    return CvRuns.Run(options, examples, runs);
}

if (arguments.ContainsKey("latency"))
{
    // Latency and training time only: --latency 1.
    _ = new TextClassifierTrainer(options).Train(examples, stamp);
    var cpu0 = Environment.CpuUsage.TotalTime;
    var clock0 = Stopwatch.StartNew();
    var model = new TextClassifierTrainer(options).Train(examples, stamp);
    var cpu = Environment.CpuUsage.TotalTime - cpu0;
    Console.WriteLine($"  training {clock0.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (after a warm-up run); {model.Metadata.FeatureCount:N0} features; model {Models.Size(model) / 1024.0 / 1024.0:F1} MiB");
    var l = Latency.Measure(model, examples);
    Console.WriteLine($"  p50 {l.P50:F1} µs  p99 {l.P99:F1} µs  max {l.Max:F1} µs");
    return 0;
}

// The full trainer in every fold: its calibration folds fit the stacked combiner, which decides the label.
Console.WriteLine($"{folds}-fold stratified cross-validation (seed {seed}) ...");
var clock = Stopwatch.StartNew();
var nbsvmCv = CrossValidation.Run(options, examples, folds, seed);
Console.WriteLine($"  NBSVM        macro-F1 {nbsvmCv.MacroF1:F4}  accuracy {nbsvmCv.Accuracy:F4}  ({clock.Elapsed.TotalSeconds:F1} s)");
clock.Restart();
var baselineCv = Baseline.CrossValidate(options, examples, folds, seed, stamp);
Console.WriteLine($"  naive Bayes  macro-F1 {baselineCv.MacroF1:F4}  accuracy {baselineCv.Accuracy:F4}  ({clock.Elapsed.TotalSeconds:F1} s)");

Console.WriteLine();
Console.WriteLine("training on the full file (after one warm-up run each) ...");
_ = new TextClassifierTrainer(options).Train(examples, stamp);
clock.Restart();
var classifier = new TextClassifierTrainer(options).Train(examples, stamp);
var trainTime = clock.Elapsed;
_ = NaiveBayesBaseline.Train(options, examples, stamp);
clock.Restart();
var baseline = NaiveBayesBaseline.Train(options, examples, stamp);
var baselineTrainTime = clock.Elapsed;
Console.WriteLine($"  NBSVM        {trainTime.TotalSeconds:F2} s (with {options.CalibrationFolds}-fold calibration)");
Console.WriteLine($"  naive Bayes  {baselineTrainTime.TotalSeconds:F2} s");

Console.WriteLine();
Console.WriteLine("single-message latency, one thread, every message once after a warm-up pass ...");
var latency = Latency.Measure(classifier, examples);
var baselineLatency = Latency.Measure(baseline, examples);
Console.WriteLine($"  NBSVM        p50 {latency.P50:F1} µs  p99 {latency.P99:F1} µs  max {latency.Max:F1} µs");
Console.WriteLine($"  naive Bayes  p50 {baselineLatency.P50:F1} µs  p99 {baselineLatency.P99:F1} µs  max {baselineLatency.Max:F1} µs");

Console.WriteLine();
Console.WriteLine("| measure | NBSVM | naive Bayes | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| {folds}-fold CV macro-F1 | {nbsvmCv.MacroF1:F4} | {baselineCv.MacroF1:F4} | {nbsvmCv.MacroF1 / baselineCv.MacroF1:F3} |");
Console.WriteLine($"| {folds}-fold CV accuracy | {nbsvmCv.Accuracy:F4} | {baselineCv.Accuracy:F4} | {nbsvmCv.Accuracy / baselineCv.Accuracy:F3} |");
Console.WriteLine($"| training, full file | {trainTime.TotalSeconds:F2} s | {baselineTrainTime.TotalSeconds:F2} s | {trainTime / baselineTrainTime:F2} |");
Console.WriteLine($"| latency p50 | {latency.P50:F1} µs | {baselineLatency.P50:F1} µs | {latency.P50 / baselineLatency.P50:F2} |");
Console.WriteLine($"| latency p99 | {latency.P99:F1} µs | {baselineLatency.P99:F1} µs | {latency.P99 / baselineLatency.P99:F2} |");
return 0;

static string? Locate(string relative)
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    return null;
}

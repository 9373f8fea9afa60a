using System.Diagnostics;
using System.Globalization;
using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;

namespace Linli.Bench.Classifier;

/// <summary>Cross-validation only, for tuning: one line per <c>folds:seed</c> run and their mean.</summary>
internal static class CvRuns
{
    public static int Run(TextClassifierOptions options, IReadOnlyList<LabeledText> examples, string runs)
    {
        // Every fold trains the full trainer, calibration folds included: the stacked combiner is fitted on
        // them, inside the training split, and decides the label.
        var scores = new List<double>();
        ClassificationMetrics? last = null;
        foreach (var run in runs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = run.Split(':');
            var folds = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var seed = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            var metrics = CrossValidation.Run(options, examples, folds, seed);
            scores.Add(metrics.MacroF1);
            last = metrics;
            Console.WriteLine($"  {folds,2}-fold seed {seed,-4} macro-F1 {metrics.MacroF1:F4}  accuracy {metrics.Accuracy:F4}  ({clock.Elapsed.TotalSeconds:F1} s)");
        }

        Console.WriteLine($"  mean macro-F1 {scores.Average():F4}");
        if (last is not null && Environment.GetEnvironmentVariable("LINLI_BENCH_REPORT") == "1")
        {
            Console.WriteLine(last.Format());
        }

        return 0;
    }
}

using System.Diagnostics;
using Linli.Classification;
using Linli.Classification.Data;

namespace Linli.Bench.Classifier;

internal readonly record struct LatencySummary(double P50, double P99, double Max);

/// <summary>Times each Predict call alone on the current thread (best of three), so the percentiles are per message.</summary>
internal static class Latency
{
    public static LatencySummary Measure(TextClassifier classifier, IReadOnlyList<LabeledText> examples)
    {
        // A warm-up pass lets tiered JIT reach optimized code and fills the per-thread scratch buffers.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var e in examples)
            {
                classifier.Predict(e.Title, e.Detail);
            }
        }

        // Each message is timed three times and its fastest run kept: on a shared machine a single
        // timing often includes the thread being descheduled, which says nothing about the classifier.
        var micros = new double[examples.Count];
        Array.Fill(micros, double.MaxValue);
        for (var repeat = 0; repeat < 3; repeat++)
        {
            for (var i = 0; i < examples.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Predict(examples[i].Title, examples[i].Detail);
                micros[i] = Math.Min(micros[i], Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        Array.Sort(micros);
        return new LatencySummary(Percentile(micros, 0.50), Percentile(micros, 0.99), micros[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

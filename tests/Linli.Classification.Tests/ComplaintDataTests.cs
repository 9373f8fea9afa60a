using System.Diagnostics;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;
using Linli.Classification.Tests.Support;
using Xunit.Abstractions;

namespace Linli.Classification.Tests;

/// <summary>Quality on the real complaint messages; skipped (with the reason) where the data is absent.</summary>
public class ComplaintDataTests(ITestOutputHelper output)
{
    [RequiresComplaintDataFact]
    public void Train_OnAFixedSplitOfTheComplaints_ReachesMacroF1OfAtLeast090()
    {
        var examples = LabeledTextCsv.ReadFile(ComplaintData.TrainCsv!);
        examples.Count.ShouldBeGreaterThan(5000);

        // Fold 0 of a stratified 5-fold split is the fixed 20 % hold-out.
        var fold = StratifiedFolds.Assign(examples.Select(e => e.Label).ToArray(), 5, seed: 2026);
        var train = examples.Where((_, i) => fold[i] != 0).ToList();
        var test = examples.Where((_, i) => fold[i] == 0).ToList();

        var clock = Stopwatch.StartNew();
        var classifier = Models.Train(train);
        var trainTime = clock.Elapsed;
        var predictions = test.Select(e => classifier.Predict(e.Title, e.Detail)).ToList();
        var predicted = predictions.Select(p => p.Label).ToList();
        var metrics = ClassificationMetrics.Compute(classifier.Labels, test.Select(e => e.Label).ToList(), predicted);

        output.WriteLine($"trained on {train.Count} in {trainTime.TotalSeconds:F1} s; held-out {test.Count}");
        output.WriteLine(metrics.Format());
        metrics.MacroF1.ShouldBeGreaterThanOrEqualTo(0.90);

        // Calibrated-ish: the mean confidence tracks accuracy, and unsure answers are wrong more often.
        var meanConfidence = predictions.Average(p => p.Confidence);
        var unsure = predictions.Select((p, i) => (p, i)).Where(x => x.p.Confidence < 0.6).ToList();
        var unsureAccuracy = unsure.Count(x => x.p.Label == test[x.i].Label) / (double)Math.Max(1, unsure.Count);
        output.WriteLine($"mean confidence {meanConfidence:F3} vs accuracy {metrics.Accuracy:F3}; {unsure.Count} below 0.6 with accuracy {unsureAccuracy:F3}");
        meanConfidence.ShouldBe(metrics.Accuracy, tolerance: 0.05);
        unsureAccuracy.ShouldBeLessThan(metrics.Accuracy);
    }
}

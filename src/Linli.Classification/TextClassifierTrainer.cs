using System.Globalization;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;
using Linli.Classification.Model;
using Linli.Classification.Training;

namespace Linli.Classification;

/// <summary>
/// Trains a <see cref="TextClassifier"/> on any label column (category, urgency, ...): character
/// n-gram TF-IDF features, one-vs-rest and pairwise linear SVMs, and a stacked combiner of their
/// margins (or a softmax scale) fitted on out-of-fold margins.
/// </summary>
public sealed class TextClassifierTrainer
{
    public TextClassifierTrainer(TextClassifierOptions? options = null)
    {
        Options = options ?? new TextClassifierOptions();
        Options.Validate();
    }

    public TextClassifierOptions Options { get; }

    public TextClassifier Train(
        IReadOnlyList<LabeledText> examples,
        ModelStamp stamp,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var labels = DistinctLabels(examples);
        if (labels.Length < 2)
        {
            throw new ArgumentException("training needs at least two distinct labels.", nameof(examples));
        }

        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < labels.Length; c++)
        {
            classOf.Add(labels[c], c);
        }

        var classOfRow = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            classOfRow[i] = classOf[examples[i].Label];
        }

        var parallelism = Options.MaxDegreeOfParallelism;
        var steps = Options.CalibrationFolds + 3;
        var step = 1;
        var featurizer = FeatureMatrixBuilder.BuildFeaturizer(Options.Features, examples, parallelism);
        Report(progress, "vocabulary", step++, steps, $"{featurizer.Dimension:N0} n-gram features from {examples.Count:N0} messages, {labels.Length} labels");
        cancellationToken.ThrowIfCancellationRequested();

        var matrix = FeatureMatrixBuilder.BuildMatrix(featurizer, examples, parallelism);
        Report(progress, "features", step++, steps, $"{matrix.Values.Length:N0} non-zero values ({(double)matrix.Values.Length / examples.Count:F0} per message)");

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var scale = Options.DefaultConfidenceScale;
        StackedCombiner? combiner = null;
        var inputs = labels.Length + (Options.PairwiseModels ? labels.Length * (labels.Length - 1) / 2 : 0);
        var stacked = Options.Stacking && Options.CalibrationFolds > 0 && examples.Count >= (long)Options.MinMessagesPerStackedInput * inputs;
        var pairwise = stacked && Options.PairwiseModels;
        if (Options.CalibrationFolds > 0)
        {
            (scale, combiner) = Calibrate(matrix, classOfRow, labels, stacked, pairwise, metrics, progress, ref step, steps, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var all = new int[examples.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        var model = TrainSvms(matrix, classOfRow, all, labels, pairwise, Options.Seed, progress, "final", step, steps);
        if (combiner is not null)
        {
            // The combiner's scores are calibrated log-odds already: the softmax takes them as they are.
            model = combiner.Fold(model);
            scale = 1.0;
        }

        metrics["confidence_scale"] = scale;
        var metadata = new ModelMetadata
        {
            FormatVersion = ClassifierModelFile.FormatVersion,
            ModelVersion = stamp.ModelVersion,
            CreatedAt = stamp.CreatedAt,
            Target = stamp.Target,
            Labels = labels,
            Options = Options,
            TrainingSize = examples.Count,
            FeatureCount = featurizer.Dimension,
            Metrics = metrics,
        };
        return new TextClassifier(metadata, featurizer, model, scale);
    }

    /// <summary>
    /// Trains on k-1 folds and scores the held-out fold, k times, to fit the softmax scale (and, with stacking,
    /// the combiner of all SVM margins) on margins the model has not seen (training margins are overconfident).
    /// The same margins give out-of-fold metrics. The vocabulary and IDF come from all rows: that leaks no
    /// labels, so the figures stay honest (with stacking they are slightly optimistic: the combiner's few
    /// hundred parameters were fitted on the margins they are computed from).
    /// </summary>
    private (double Scale, StackedCombiner? Combiner) Calibrate(
        SparseMatrix matrix,
        int[] classOfRow,
        string[] labels,
        bool stacked,
        bool pairwise,
        SortedDictionary<string, double> metrics,
        IProgress<TrainingProgress>? progress,
        ref int step,
        int steps,
        CancellationToken cancellationToken)
    {
        var folds = Options.CalibrationFolds;
        var k = labels.Length;
        var foldOf = StratifiedFolds.Assign(Array.ConvertAll(classOfRow, c => labels[c]), folds, Options.Seed);
        var margins = new double[classOfRow.Length][];
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = new List<int>();
            var test = new List<int>();
            for (var i = 0; i < foldOf.Length; i++)
            {
                (foldOf[i] == fold ? test : train).Add(i);
            }

            var model = TrainSvms(matrix, classOfRow, [.. train], labels, pairwise, Options.Seed + fold + 1, progress, $"calibration fold {fold + 1}/{folds}", step++, steps);
            foreach (var i in test)
            {
                var m = new double[model.Classes];
                var span = matrix.RowStart[i]..matrix.RowStart[i + 1];
                model.Score(matrix.Indices.AsSpan(span), matrix.Values.AsSpan(span), m);
                margins[i] = m;
            }
        }

        var oneVsRest = Array.ConvertAll(margins, m => m[..k]);
        var scale = SoftmaxCalibration.FitScale(oneVsRest, classOfRow);
        StackedCombiner? combiner = null;
        var scores = oneVsRest;
        if (stacked)
        {
            combiner = StackedCombiner.Fit(margins, classOfRow, k, scale, Options.StackingRegularization, Options.MaxDegreeOfParallelism);
            scores = Array.ConvertAll(margins, m =>
            {
                var z = new double[k];
                combiner.Apply(m, z);
                return z;
            });
        }

        var predicted = new string[classOfRow.Length];
        var actual = new string[classOfRow.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            predicted[i] = labels[ArgMax(scores[i])];
            actual[i] = labels[classOfRow[i]];
        }

        var oof = ClassificationMetrics.Compute(labels, actual, predicted);
        metrics["oof_accuracy"] = oof.Accuracy;
        metrics["oof_macro_f1"] = oof.MacroF1;
        metrics["oof_log_loss"] = SoftmaxCalibration.LogLoss(scores, classOfRow, combiner is null ? scale : 1.0);
        var method = combiner is null ? string.Create(CultureInfo.InvariantCulture, $"confidence scale {scale:F3}") : $"stacked combiner over {margins[0].Length} margins";
        Report(progress, "calibration", step - 1, steps, string.Create(CultureInfo.InvariantCulture, $"{method}; out-of-fold macro-F1 {oof.MacroF1:F4}, accuracy {oof.Accuracy:F4}"));
        return (scale, combiner);
    }

    private LinearModel TrainSvms(SparseMatrix matrix, int[] classOfRow, int[] rows, string[] labels, bool pairwise, int seed, IProgress<TrainingProgress>? progress, string stage, int step, int steps)
    {
        var epochs = new int[labels.Length];
        var model = OneVsRestTrainer.Train(matrix, classOfRow, rows, labels.Length, Options.Svm, seed, Options.MaxDegreeOfParallelism, (c, e) => epochs[c] = e, pairwise);
        var pairs = pairwise ? $" and {model.Classes - labels.Length} pairwise" : "";
        Report(progress, stage, step, steps, $"{labels.Length} one-vs-rest{pairs} SVMs on {rows.Length:N0} messages, epochs per class [{string.Join(' ', epochs)}]");
        return model;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static string[] DistinctLabels(IReadOnlyList<LabeledText> examples)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            set.Add(example.Label);
        }

        return [.. set];
    }

    private static void Report(IProgress<TrainingProgress>? progress, string stage, int step, int steps, string message) =>
        progress?.Report(new TrainingProgress(stage, step, steps, message));
}

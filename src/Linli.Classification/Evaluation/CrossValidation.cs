using Linli.Classification.Data;

namespace Linli.Classification.Evaluation;

/// <summary>Stratified k-fold cross-validation: each fold is scored by a model trained on the others.</summary>
public static class CrossValidation
{
    /// <summary>Pools the held-out predictions of all folds into one set of metrics.</summary>
    public static ClassificationMetrics Run(
        TextClassifierOptions options,
        IReadOnlyList<LabeledText> examples,
        int folds,
        int seed,
        Action<int, ClassificationMetrics>? foldDone = null)
    {
        var labels = new string[examples.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = examples[i].Label;
        }

        var foldOf = StratifiedFolds.Assign(labels, folds, seed);
        var predicted = new string[examples.Count];
        var trainer = new TextClassifierTrainer(options);
        var stamp = new ModelStamp("cross-validation", DateTimeOffset.UnixEpoch);
        for (var fold = 0; fold < folds; fold++)
        {
            var train = new List<LabeledText>();
            var test = new List<int>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (foldOf[i] == fold)
                {
                    test.Add(i);
                }
                else
                {
                    train.Add(examples[i]);
                }
            }

            var classifier = trainer.Train(train, stamp);
            var foldActual = new string[test.Count];
            var foldPredicted = new string[test.Count];
            for (var j = 0; j < test.Count; j++)
            {
                var example = examples[test[j]];
                predicted[test[j]] = foldPredicted[j] = classifier.Predict(example.Title, example.Detail).Label;
                foldActual[j] = example.Label;
            }

            foldDone?.Invoke(fold, ClassificationMetrics.Compute(classifier.Labels, foldActual, foldPredicted));
        }

        var distinct = new SortedSet<string>(labels, StringComparer.Ordinal);
        return ClassificationMetrics.Compute([.. distinct], labels, predicted);
    }
}

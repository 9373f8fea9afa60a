using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;

namespace Linli.Bench.Classifier;

/// <summary>Cross-validates the naive Bayes baseline on the same folds as the main model.</summary>
internal static class Baseline
{
    public static ClassificationMetrics CrossValidate(TextClassifierOptions options, IReadOnlyList<LabeledText> examples, int folds, int seed, ModelStamp stamp)
    {
        var labels = examples.Select(e => e.Label).ToArray();
        var foldOf = StratifiedFolds.Assign(labels, folds, seed);
        var predicted = new string[examples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => foldOf[i] != fold).ToList();
            var model = NaiveBayesBaseline.Train(options, train, stamp);
            for (var i = 0; i < examples.Count; i++)
            {
                if (foldOf[i] == fold)
                {
                    predicted[i] = model.Predict(examples[i].Title, examples[i].Detail).Label;
                }
            }
        }

        return ClassificationMetrics.Compute([.. labels.Distinct().Order(StringComparer.Ordinal)], labels, predicted);
    }
}

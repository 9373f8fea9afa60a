using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Training;

namespace Linli.Bench.Classifier;

/// <summary>
/// The baseline: multinomial naive Bayes on exactly the same features, served through the same
/// <see cref="TextClassifier"/> so that latency compares only the models.
/// </summary>
internal static class NaiveBayesBaseline
{
    public static TextClassifier Train(TextClassifierOptions options, IReadOnlyList<LabeledText> examples, ModelStamp stamp)
    {
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var classOfRow = examples.Select(e => Array.IndexOf(labels, e.Label)).ToArray();
        var featurizer = FeatureMatrixBuilder.BuildFeaturizer(options.Features, examples, options.MaxDegreeOfParallelism);
        var matrix = FeatureMatrixBuilder.BuildMatrix(featurizer, examples, options.MaxDegreeOfParallelism);
        var model = NaiveBayes.Train(matrix, classOfRow, Enumerable.Range(0, examples.Count).ToArray(), labels.Length, options.Svm.NaiveBayesAlpha);
        var metadata = new ModelMetadata
        {
            FormatVersion = 1,
            ModelVersion = stamp.ModelVersion,
            CreatedAt = stamp.CreatedAt,
            Target = stamp.Target,
            Labels = labels,
            Options = options,
            TrainingSize = examples.Count,
            FeatureCount = featurizer.Dimension,
            Metrics = new Dictionary<string, double>(),
        };
        return new TextClassifier(metadata, featurizer, model, confidenceScale: 1.0);
    }
}

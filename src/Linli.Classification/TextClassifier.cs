using Linli.Classification.Features;
using Linli.Classification.Training;

namespace Linli.Classification;

/// <summary>
/// A trained classifier. Thread-safe: each thread gets its own scratch memory, so one instance can
/// serve a whole web app.
/// </summary>
public sealed class TextClassifier
{
    [ThreadStatic]
    private static FeatureScratch? t_scratch;

    internal TextClassifier(ModelMetadata metadata, TextFeaturizer featurizer, LinearModel model, double confidenceScale)
    {
        if (model.Dimension != featurizer.Dimension || model.Classes != metadata.Labels.Count)
        {
            throw new ArgumentException("featurizer, model and labels do not agree in size.");
        }

        Metadata = metadata;
        Featurizer = featurizer;
        Model = model;
        ConfidenceScale = confidenceScale;
    }

    public ModelMetadata Metadata { get; }

    public IReadOnlyList<string> Labels => Metadata.Labels;

    /// <summary>Multiplies margins before the softmax; fitted on held-out data at training time.</summary>
    public double ConfidenceScale { get; }

    internal TextFeaturizer Featurizer { get; }

    internal LinearModel Model { get; }

    /// <summary>Ranks every label for a message; the detail may be empty (title-only messages).</summary>
    public Prediction Predict(string title, string? detail = null)
    {
        var k = Model.Classes;
        Span<double> margins = stackalloc double[k];
        Span<double> confidences = stackalloc double[k];
        Margins(title, detail, margins);
        SoftmaxCalibration.Softmax(margins, ConfidenceScale, confidences);

        var top = new LabelConfidence[k];
        for (var c = 0; c < k; c++)
        {
            top[c] = new LabelConfidence(Labels[c], confidences[c]);
        }

        // Insertion sort: k is small, and ties keep the model's label order, so ranking is deterministic.
        for (var i = 1; i < k; i++)
        {
            var item = top[i];
            var j = i - 1;
            while (j >= 0 && top[j].Confidence < item.Confidence)
            {
                top[j + 1] = top[j];
                j--;
            }

            top[j + 1] = item;
        }

        return new Prediction(top);
    }

    /// <summary>Raw one-vs-rest SVM margins in label order.</summary>
    internal void Margins(string title, string? detail, Span<double> margins)
    {
        ArgumentNullException.ThrowIfNull(title);
        var scratch = t_scratch ??= new FeatureScratch();
        Featurizer.Featurize(title, detail, scratch);
        Model.Score(scratch.Indices.AsSpan(0, scratch.Count), scratch.Values.AsSpan(0, scratch.Count), margins);
    }
}

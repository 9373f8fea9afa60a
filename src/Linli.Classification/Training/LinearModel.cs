namespace Linli.Classification.Training;

/// <summary>
/// One weight vector per class, stored feature-major (all classes' weights of a feature are adjacent),
/// so scoring a sparse message touches one cache line per feature.
/// </summary>
internal sealed class LinearModel
{
    public LinearModel(int classes, int dimension, float[] weights, float[] bias)
    {
        if (weights.Length != classes * dimension || bias.Length != classes)
        {
            throw new ArgumentException("weights must be classes x dimension and bias one per class.");
        }

        Classes = classes;
        Dimension = dimension;
        Weights = weights;
        Bias = bias;
    }

    public int Classes { get; }

    public int Dimension { get; }

    public float[] Weights { get; }

    public float[] Bias { get; }

    public void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<double> scores)
    {
        var k = Classes;
        for (var c = 0; c < k; c++)
        {
            scores[c] = Bias[c];
        }

        var weights = Weights;
        for (var p = 0; p < indices.Length; p++)
        {
            var offset = indices[p] * k;
            double v = values[p];
            for (var c = 0; c < k; c++)
            {
                scores[c] += weights[offset + c] * v;
            }
        }
    }
}

using Linli.Classification.Training;

namespace Linli.Classification.Tests.Training;

public class StackedCombinerTests
{
    // Three classes; inputs are three one-vs-rest margins and one extra (pairwise-like) margin.
    private static readonly double[][] Margins =
    [
        [1.0, -1.0, -0.8, 0.5], [0.6, -0.2, -1.0, 0.9], [-0.9, 1.1, -0.7, -0.4], [-0.3, 0.4, -1.2, -0.8],
        [-1.0, -0.9, 1.0, 0.1], [-0.6, -0.8, 0.3, -0.2], [0.2, 0.1, -1.0, 0.7], [-0.5, -0.3, 0.6, 0.3],
    ];

    // The last two rows are labelled against their largest margin, so no scale separates the data.
    private static readonly int[] Truth = [0, 0, 1, 1, 2, 2, 1, 0];

    [Fact]
    public void Fit_WithAStrongPenalty_StaysAtTemperatureScaling()
    {
        var combiner = StackedCombiner.Fit(Margins, Truth, classes: 3, scale: 2.5, lambda: 1e6, maxDegreeOfParallelism: 1);

        var scores = new double[3];
        combiner.Apply([0.4, -0.2, 0.1, 1.0], scores);
        scores.ShouldBe([1.0, -0.5, 0.25], tolerance: 1e-4);
    }

    [Fact]
    public void Fit_LowersTheLogLossOfTheMarginsItIsFittedOn()
    {
        var scale = SoftmaxCalibration.FitScale(Array.ConvertAll(Margins, m => m[..3]), Truth);
        var combiner = StackedCombiner.Fit(Margins, Truth, classes: 3, scale, lambda: 0.01, maxDegreeOfParallelism: 2);

        var scores = Array.ConvertAll(Margins, m =>
        {
            var z = new double[3];
            combiner.Apply(m, z);
            return z;
        });
        SoftmaxCalibration.LogLoss(scores, Truth, 1.0).ShouldBeLessThan(SoftmaxCalibration.LogLoss(Array.ConvertAll(Margins, m => m[..3]), Truth, scale));
    }

    [Fact]
    public void Fit_DoesNotDependOnTheNumberOfThreads()
    {
        var one = StackedCombiner.Fit(Margins, Truth, 3, 2.0, 0.01, maxDegreeOfParallelism: 1);
        var two = StackedCombiner.Fit(Margins, Truth, 3, 2.0, 0.01, maxDegreeOfParallelism: 2);
        two.Weights.ShouldBe(one.Weights);
        two.Bias.ShouldBe(one.Bias);
    }

    [Fact]
    public void Fold_ScoresLikeTheCombinerOverTheModelsMargins()
    {
        var combiner = StackedCombiner.Fit(Margins, Truth, 3, 2.0, 0.01, maxDegreeOfParallelism: 1);
        var weights = new float[5 * 4];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)Math.Sin(i + 1);
        }

        var svms = new LinearModel(classes: 4, dimension: 5, weights, bias: [0.1f, -0.2f, 0.3f, -0.4f]);
        var folded = combiner.Fold(svms);

        int[] indices = [0, 2, 4];
        float[] values = [0.5f, -1.0f, 0.25f];
        var margins = new double[4];
        svms.Score(indices, values, margins);
        var expected = new double[3];
        combiner.Apply(margins, expected);
        var actual = new double[3];
        folded.Score(indices, values, actual);
        actual.ShouldBe(expected, tolerance: 1e-5);
    }
}

using System.Text.Json.Serialization;
using Linli.Classification.Features;
using Linli.Classification.Training;

namespace Linli.Classification;

/// <summary>Everything that decides a trained model besides the data. Saved in the model header.</summary>
public sealed record TextClassifierOptions
{
    /// <summary>Seeds every shuffle; same data + same seed gives the same model bytes.</summary>
    public int Seed { get; init; } = 42;

    public FeatureSettings Features { get; init; } = new();

    public SvmSettings Svm { get; init; } = new();

    /// <summary>
    /// Folds used to fit the confidence scale (and to report out-of-fold metrics) on held-out margins.
    /// 0 skips this and keeps <see cref="DefaultConfidenceScale"/>, making training several times faster.
    /// </summary>
    public int CalibrationFolds { get; init; } = 3;

    /// <summary>
    /// Turns the out-of-fold margins into a stacked combiner (<see cref="Training.StackedCombiner"/>): a
    /// multinomial logistic regression over all SVM margins, which also calibrates. Off, or with
    /// <see cref="CalibrationFolds"/> 0, the one-vs-rest margins decide alone and only a softmax scale is fitted.
    /// </summary>
    public bool Stacking { get; init; } = true;

    /// <summary>With <see cref="Stacking"/>, also trains one SVM per pair of classes as inputs of the combiner.</summary>
    public bool PairwiseModels { get; init; } = true;

    /// <summary>
    /// Stacking needs this many training messages per combiner input (one per class, and one per pair of classes with
    /// <see cref="PairwiseModels"/>); below it the combiner would fit noise and squash the confidences, so the
    /// one-vs-rest margins decide alone. 7 classes (28 inputs) stack from 1,400 messages; a site's 20 categories (210
    /// inputs) from 10,500.
    /// </summary>
    public int MinMessagesPerStackedInput { get; init; } = 50;

    /// <summary>L2 penalty of the combiner towards plain temperature scaling (per mean log-loss).</summary>
    public double StackingRegularization { get; init; } = 0.002;

    /// <summary>Softmax scale used when calibration is skipped.</summary>
    public double DefaultConfidenceScale { get; init; } = 5.0;

    /// <summary>Threads for training; results do not depend on it, so it is not saved with the model.</summary>
    [JsonIgnore]
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        Features.Validate();
        Svm.Validate();
        if (CalibrationFolds is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CalibrationFolds), "must be 0 (off) or at least 2.");
        }

        if (MaxDegreeOfParallelism < 1 || DefaultConfidenceScale <= 0 || StackingRegularization <= 0 || MinMessagesPerStackedInput < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), "MaxDegreeOfParallelism, DefaultConfidenceScale and StackingRegularization must be positive.");
        }
    }
}

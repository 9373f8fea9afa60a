namespace Linli.Classification.Training;

/// <summary>Settings of the one-vs-rest linear SVMs.</summary>
public sealed record SvmSettings
{
    /// <summary>Inverse regularization strength; higher fits the training data more closely.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Weight classes by n / (classes × n_c) so small classes count as much as large ones.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Value of the constant feature whose weight is the bias (LIBLINEAR's -B).</summary>
    public double BiasFeature { get; init; } = 1.0;

    /// <summary>Upper bound on passes over the data per class.</summary>
    public int MaxEpochs { get; init; } = 60;

    /// <summary>Stop when the spread of projected gradients in a pass falls below this.</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary>
    /// NBSVM: scale each class's features by their naive Bayes log-count ratio before fitting the SVM,
    /// which lets class-typical n-grams count more at the same regularization.
    /// </summary>
    public bool NaiveBayesScaling { get; init; } = true;

    /// <summary>Naive Bayes smoothing (added to every feature sum).</summary>
    public double NaiveBayesAlpha { get; init; } = 0.1;

    internal void Validate()
    {
        if (C <= 0 || MaxEpochs < 1 || Tolerance <= 0 || BiasFeature < 0 || NaiveBayesAlpha <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(C), "C, MaxEpochs, Tolerance and NaiveBayesAlpha must be positive; BiasFeature non-negative.");
        }
    }
}

namespace Linli.Classification;

/// <summary>The header of a saved model: enough to know what it is, how it was made and how good it was.</summary>
public sealed record ModelMetadata
{
    public required int FormatVersion { get; init; }

    public required string ModelVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Target { get; init; }

    /// <summary>Labels in the model's internal order (ordinal string order).</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public required TextClassifierOptions Options { get; init; }

    public required int TrainingSize { get; init; }

    public required int FeatureCount { get; init; }

    /// <summary>Out-of-fold figures from calibration and anything the caller adds (e.g. held-out macro-F1).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
}

namespace Linli.Classification;

/// <summary>
/// What the caller says about a model being trained: its version, when it was made (the library
/// never reads the clock) and which label it predicts (e.g. "label", "urgency").
/// </summary>
public sealed record ModelStamp(string ModelVersion, DateTimeOffset CreatedAt, string Target = "label");

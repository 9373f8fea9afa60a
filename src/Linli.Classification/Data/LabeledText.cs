namespace Linli.Classification.Data;

/// <summary>One training or evaluation example: a message and its label.</summary>
public sealed record LabeledText(string Title, string? Detail, string Label);

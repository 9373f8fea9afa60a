namespace Linli.Classification;

/// <summary>A step of training, for progress output. Callers add their own timing.</summary>
public sealed record TrainingProgress(string Stage, int Step, int Steps, string Message);

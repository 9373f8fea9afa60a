namespace Linli.Classification.Evaluation;

/// <summary>Precision, recall and F1 of one class; Support is how many examples truly belong to it.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

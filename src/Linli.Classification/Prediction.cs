namespace Linli.Classification;

/// <summary>A label and the model's confidence in it (0..1; the confidences of all labels sum to 1).</summary>
public readonly record struct LabelConfidence(string Label, double Confidence);

/// <summary>All labels ranked by confidence, best first.</summary>
public sealed record Prediction(IReadOnlyList<LabelConfidence> Top)
{
    public string Label => Top[0].Label;

    public double Confidence => Top[0].Confidence;

    /// <summary>Margin between the two best labels; small values mark messages a person should triage.</summary>
    public double Margin => Top.Count > 1 ? Top[0].Confidence - Top[1].Confidence : Top[0].Confidence;
}

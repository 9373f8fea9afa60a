using System.Globalization;
using System.Text;

namespace Linli.Classification.Evaluation;

/// <summary>
/// Per-class precision/recall/F1, the confusion matrix (rows = actual, columns = predicted),
/// accuracy and macro-F1 (the unweighted mean of per-class F1, so small classes count fully).
/// A class with no predictions has precision 0, as in scikit-learn's default.
/// </summary>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(IReadOnlyList<string> labels, int[][] confusion)
    {
        Labels = labels;
        ConfusionMatrix = confusion;
        var k = labels.Count;
        var perClass = new ClassMetrics[k];
        var correct = 0;
        var total = 0;
        var f1Sum = 0.0;
        for (var c = 0; c < k; c++)
        {
            var truePositives = confusion[c][c];
            var support = 0;
            var predicted = 0;
            for (var j = 0; j < k; j++)
            {
                support += confusion[c][j];
                predicted += confusion[j][c];
            }

            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(labels[c], precision, recall, f1, support);
            correct += truePositives;
            total += support;
            f1Sum += f1;
        }

        PerClass = perClass;
        Total = total;
        Accuracy = total == 0 ? 0 : (double)correct / total;
        MacroF1 = k == 0 ? 0 : f1Sum / k;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>ConfusionMatrix[actual][predicted], in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; }

    public IReadOnlyList<ClassMetrics> PerClass { get; }

    public int Total { get; }

    public double Accuracy { get; }

    public double MacroF1 { get; }

    /// <summary>
    /// Scores predictions against the truth. Labels outside <paramref name="labels"/> (in either list)
    /// are added as extra classes, so an unknown gold label still costs recall instead of vanishing.
    /// </summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> labels, IReadOnlyList<string> actual, IReadOnlyList<string> predicted)
    {
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException("actual and predicted must have the same length.", nameof(predicted));
        }

        var all = new List<string>(labels);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            index.TryAdd(all[i], i);
        }

        int IndexOf(string label)
        {
            if (!index.TryGetValue(label, out var i))
            {
                i = all.Count;
                all.Add(label);
                index.Add(label, i);
            }

            return i;
        }

        var pairs = new (int Actual, int Predicted)[actual.Count];
        for (var i = 0; i < actual.Count; i++)
        {
            pairs[i] = (IndexOf(actual[i]), IndexOf(predicted[i]));
        }

        var confusion = new int[all.Count][];
        for (var i = 0; i < all.Count; i++)
        {
            confusion[i] = new int[all.Count];
        }

        foreach (var (a, p) in pairs)
        {
            confusion[a][p]++;
        }

        return new ClassificationMetrics(all, confusion);
    }

    /// <summary>Builds metrics from a ready confusion matrix (rows = actual, columns = predicted).</summary>
    public static ClassificationMetrics FromConfusionMatrix(IReadOnlyList<string> labels, int[][] confusion)
    {
        if (confusion.Length != labels.Count || Array.Exists(confusion, row => row.Length != labels.Count))
        {
            throw new ArgumentException("confusion must be a square matrix with one row per label.", nameof(confusion));
        }

        var copy = new int[labels.Count][];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = (int[])confusion[i].Clone();
        }

        return new ClassificationMetrics([.. labels], copy);
    }

    /// <summary>A plain-text report: per-class table, confusion matrix, accuracy; macro-F1 is the last line.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var width = 4;
        foreach (var label in Labels)
        {
            width = Math.Max(width, DisplayWidth(label));
        }

        sb.Append(Pad("class", width)).AppendLine("  precision  recall      f1  support");
        foreach (var m in PerClass)
        {
            sb.Append(Pad(m.Label, width))
              .Append(c, $"  {m.Precision,9:F4}  {m.Recall,6:F4}  {m.F1,6:F4}  {m.Support,7}")
              .AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("confusion matrix (rows = actual, columns = predicted, in the order above):");
        for (var i = 0; i < Labels.Count; i++)
        {
            sb.Append(Pad(Labels[i], width));
            foreach (var count in ConfusionMatrix[i])
            {
                sb.Append(c, $" {count,6}");
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.Append(c, $"examples: {Total}").AppendLine();
        sb.Append(c, $"accuracy: {Accuracy:F4}").AppendLine();
        sb.Append(c, $"macro-F1: {MacroF1:F4}");
        return sb.ToString();
    }

    // CJK characters take two terminal columns; padding by display width keeps the table aligned.
    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var ch in text)
        {
            width += ch >= '\u1100' ? 2 : 1;
        }

        return width;
    }

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - DisplayWidth(text)));
}

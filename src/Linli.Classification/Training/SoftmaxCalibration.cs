namespace Linli.Classification.Training;

/// <summary>
/// Turns SVM margins into confidences with softmax(scale × margin) and fits the one scale by
/// minimizing the log-loss of held-out margins (temperature scaling; Guo et al. 2017). One
/// parameter cannot overfit, and it keeps the ranking of the SVM intact.
/// </summary>
internal static class SoftmaxCalibration
{
    public static void Softmax(ReadOnlySpan<double> margins, double scale, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var m in margins)
        {
            max = Math.Max(max, m);
        }

        var sum = 0.0;
        for (var c = 0; c < margins.Length; c++)
        {
            probabilities[c] = Math.Exp(scale * (margins[c] - max));
            sum += probabilities[c];
        }

        for (var c = 0; c < margins.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>The scale in [e^-3, e^6] minimizing mean negative log-likelihood (convex in the scale).</summary>
    public static double FitScale(double[][] margins, int[] truth)
    {
        const double Phi = 0.6180339887498949;
        double low = -3, high = 6;
        var a = high - (Phi * (high - low));
        var b = low + (Phi * (high - low));
        var fa = LogLoss(margins, truth, Math.Exp(a));
        var fb = LogLoss(margins, truth, Math.Exp(b));
        for (var iteration = 0; iteration < 60; iteration++)
        {
            if (fa <= fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - (Phi * (high - low));
                fa = LogLoss(margins, truth, Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + (Phi * (high - low));
                fb = LogLoss(margins, truth, Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static double LogLoss(double[][] margins, int[] truth, double scale)
    {
        var total = 0.0;
        for (var i = 0; i < margins.Length; i++)
        {
            var row = margins[i];
            var max = double.NegativeInfinity;
            foreach (var m in row)
            {
                max = Math.Max(max, m);
            }

            var sum = 0.0;
            foreach (var m in row)
            {
                sum += Math.Exp(scale * (m - max));
            }

            total += Math.Log(sum) - (scale * (row[truth[i]] - max));
        }

        return margins.Length == 0 ? 0 : total / margins.Length;
    }
}

namespace Linli.Classification.Training;

/// <summary>
/// Multinomial naive Bayes over the same TF-IDF features. Its log-probabilities are linear in the
/// features, so it is a <see cref="LinearModel"/> too: the benchmark baseline and the source of
/// NBSVM's log-count ratios.
/// </summary>
internal static class NaiveBayes
{
    /// <summary>Per class, the smoothed sum of feature values over its rows.</summary>
    public static double[][] FeatureSums(SparseMatrix x, int[] classOfRow, int[] rows, int classes, double alpha)
    {
        var sums = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            sums[c] = new double[x.Columns];
            Array.Fill(sums[c], alpha);
        }

        foreach (var row in rows)
        {
            var s = sums[classOfRow[row]];
            for (var p = x.RowStart[row]; p < x.RowStart[row + 1]; p++)
            {
                s[x.Indices[p]] += x.Values[p];
            }
        }

        return sums;
    }

    public static LinearModel Train(SparseMatrix x, int[] classOfRow, int[] rows, int classes, double alpha)
    {
        var sums = FeatureSums(x, classOfRow, rows, classes, alpha);
        var weights = new float[x.Columns * classes];
        var bias = new float[classes];
        var count = new int[classes];
        foreach (var row in rows)
        {
            count[classOfRow[row]]++;
        }

        for (var c = 0; c < classes; c++)
        {
            var total = Sum(sums[c]);
            for (var f = 0; f < x.Columns; f++)
            {
                weights[(f * classes) + c] = (float)Math.Log(sums[c][f] / total);
            }

            bias[c] = (float)Math.Log((count[c] + 1.0) / (rows.Length + classes));
        }

        return new LinearModel(classes, x.Columns, weights, bias);
    }

    /// <summary>
    /// NBSVM's log-count ratio of class <paramref name="positive"/> against the rest
    /// (Wang and Manning, ACL 2012): how much more typical each feature is of the class.
    /// </summary>
    public static float[] LogCountRatio(double[][] sums, int positive, double alpha)
    {
        var columns = sums[0].Length;
        var rest = new double[columns];
        for (var c = 0; c < sums.Length; c++)
        {
            if (c == positive)
            {
                continue;
            }

            for (var f = 0; f < columns; f++)
            {
                // Each class's sum already holds one alpha; count it once for the merged rest.
                rest[f] += sums[c][f] - alpha;
            }
        }

        for (var f = 0; f < columns; f++)
        {
            rest[f] += alpha;
        }

        var p = Sum(sums[positive]);
        var q = Sum(rest);
        var ratio = new float[columns];
        for (var f = 0; f < columns; f++)
        {
            ratio[f] = (float)Math.Log(sums[positive][f] / p / (rest[f] / q));
        }

        return ratio;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}

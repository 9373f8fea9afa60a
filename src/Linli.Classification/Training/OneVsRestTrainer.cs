namespace Linli.Classification.Training;

/// <summary>Trains one binary SVM per class; the classes are independent, so they train in parallel deterministically.</summary>
internal static class OneVsRestTrainer
{
    public static LinearModel Train(
        SparseMatrix x,
        int[] classOfRow,
        int[] rows,
        int classes,
        SvmSettings settings,
        int seed,
        int maxDegreeOfParallelism,
        Action<int, int>? classDone = null)
    {
        var cost = RowCosts(classOfRow, rows, classes, settings);
        var sums = settings.NaiveBayesScaling
            ? NaiveBayes.FeatureSums(x, classOfRow, rows, classes, settings.NaiveBayesAlpha)
            : null;
        var weights = new float[x.Columns * classes];
        var bias = new float[classes];
        Parallel.For(
            0,
            classes,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            c =>
            {
                var y = new sbyte[rows.Length];
                for (var i = 0; i < rows.Length; i++)
                {
                    y[i] = classOfRow[rows[i]] == c ? (sbyte)1 : (sbyte)-1;
                }

                // A per-class stream keeps results independent of which thread runs which class.
                var random = new Random(unchecked((seed * 7919) + c));
                var scale = settings.NaiveBayesScaling ? NaiveBayes.LogCountRatio(sums!, c, settings.NaiveBayesAlpha) : null;
                var w = LinearSvmSolver.Solve(x, rows, y, cost, scale, settings.BiasFeature, settings.MaxEpochs, settings.Tolerance, random, out var epochs);
                for (var f = 0; f < x.Columns; f++)
                {
                    weights[(f * classes) + c] = (float)(scale is null ? w[f] : w[f] * scale[f]);
                }

                bias[c] = (float)(w[x.Columns] * settings.BiasFeature);
                classDone?.Invoke(c, epochs);
            });

        return new LinearModel(classes, x.Columns, weights, bias);
    }

    private static double[] RowCosts(int[] classOfRow, int[] rows, int classes, SvmSettings settings)
    {
        var cost = new double[rows.Length];
        var perClass = new int[classes];
        foreach (var row in rows)
        {
            perClass[classOfRow[row]]++;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var count = perClass[classOfRow[rows[i]]];

            // "Balanced" weights as in scikit-learn: n / (classes * n_c), so rare classes are not ignored.
            cost[i] = settings.BalanceClasses ? settings.C * rows.Length / ((double)classes * count) : settings.C;
        }

        return cost;
    }
}

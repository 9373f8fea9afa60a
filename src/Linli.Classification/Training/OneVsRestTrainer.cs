namespace Linli.Classification.Training;

/// <summary>
/// Trains one binary SVM per class (that class against the rest) and, if asked, one per pair of classes
/// (a against b, on the two classes' rows only). The models are independent, so they train in parallel
/// deterministically.
/// </summary>
internal static class OneVsRestTrainer
{
    /// <summary>Number of outputs: <paramref name="classes"/> one-vs-rest margins, then K(K-1)/2 pair margins if asked.</summary>
    public static int Outputs(int classes, bool pairwise) => classes + (pairwise ? classes * (classes - 1) / 2 : 0);

    /// <summary>
    /// Returns a model whose first <paramref name="classes"/> outputs are the one-vs-rest margins; with
    /// <paramref name="pairwise"/>, then one output per pair a &lt; b (in order (0,1), (0,2), ..., (1,2), ...),
    /// positive when the message looks more like a than b.
    /// </summary>
    public static LinearModel Train(
        SparseMatrix x,
        int[] classOfRow,
        int[] rows,
        int classes,
        SvmSettings settings,
        int seed,
        int maxDegreeOfParallelism,
        Action<int, int>? classDone = null,
        bool pairwise = false)
    {
        var tasks = new List<(int Positive, int Negative)>();
        for (var c = 0; c < classes; c++)
        {
            tasks.Add((c, -1));
        }

        if (pairwise)
        {
            for (var a = 0; a < classes; a++)
            {
                for (var b = a + 1; b < classes; b++)
                {
                    tasks.Add((a, b));
                }
            }
        }

        var outputs = tasks.Count;
        var cost = RowCosts(classOfRow, rows, classes, settings);
        var perClass = new int[classes];
        foreach (var row in rows)
        {
            perClass[classOfRow[row]]++;
        }

        var sums = settings.NaiveBayesScaling
            ? NaiveBayes.FeatureSums(x, classOfRow, rows, classes, settings.NaiveBayesAlpha)
            : null;
        var weights = new float[x.Columns * outputs];
        var bias = new float[outputs];
        Parallel.For(
            0,
            outputs,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            t =>
            {
                var (positive, negative) = tasks[t];
                int[] taskRows;
                double[] taskCost;
                float[]? scale;
                Random random;
                if (negative < 0)
                {
                    taskRows = rows;
                    taskCost = cost;
                    scale = sums is null ? null : NaiveBayes.LogCountRatio(sums, positive, settings.NaiveBayesAlpha);

                    // A per-model stream keeps results independent of which thread runs which model.
                    random = new Random(unchecked((seed * 7919) + positive));
                }
                else
                {
                    taskRows = Array.FindAll(rows, r => classOfRow[r] == positive || classOfRow[r] == negative);
                    taskCost = PairCosts(classOfRow, taskRows, positive, perClass, settings);

                    // The ratio of a against b alone: the n-grams that tell these two classes apart.
                    scale = sums is null ? null : NaiveBayes.LogCountRatio([sums[positive], sums[negative]], 0, settings.NaiveBayesAlpha);
                    random = new Random(unchecked((seed * 7919) + 100 + t - classes));
                }

                var y = new sbyte[taskRows.Length];
                for (var i = 0; i < taskRows.Length; i++)
                {
                    y[i] = classOfRow[taskRows[i]] == positive ? (sbyte)1 : (sbyte)-1;
                }

                var w = LinearSvmSolver.Solve(x, taskRows, y, taskCost, scale, settings.BiasFeature, settings.MaxEpochs, settings.Tolerance, random, out var epochs);
                for (var f = 0; f < x.Columns; f++)
                {
                    weights[(f * outputs) + t] = (float)(scale is null ? w[f] : w[f] * scale[f]);
                }

                bias[t] = (float)(w[x.Columns] * settings.BiasFeature);
                if (negative < 0)
                {
                    classDone?.Invoke(positive, epochs);
                }
            });

        return new LinearModel(outputs, x.Columns, weights, bias);
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

    /// <summary>Balanced within the pair: n_ab / (2 n_c).</summary>
    private static double[] PairCosts(int[] classOfRow, int[] rows, int positive, int[] perClass, SvmSettings settings)
    {
        var negativeCount = rows.Length - perClass[positive];
        var cost = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var count = classOfRow[rows[i]] == positive ? perClass[positive] : negativeCount;
            cost[i] = settings.BalanceClasses ? settings.C * rows.Length / (2.0 * count) : settings.C;
        }

        return cost;
    }
}

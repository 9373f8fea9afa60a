namespace Linli.Classification.Training;

/// <summary>
/// Combines the SVM margins (one-vs-rest and pairwise) into calibrated class scores z = W m + b: a
/// multinomial logistic regression fitted on out-of-fold margins, with an L2 penalty that pulls W to
/// s·[I | 0] (plain temperature scaling of the one-vs-rest margins) and b to 0. Being linear in the
/// margins, which are linear in the features, it folds into one <see cref="LinearModel"/> with a
/// weight per class, so prediction costs the same as without it.
/// </summary>
internal sealed class StackedCombiner
{
    private StackedCombiner(int classes, int inputs, double[] weights, double[] bias)
    {
        Classes = classes;
        Inputs = inputs;
        Weights = weights;
        Bias = bias;
    }

    public int Classes { get; }

    public int Inputs { get; }

    /// <summary>Classes × inputs, row-major.</summary>
    public double[] Weights { get; }

    public double[] Bias { get; }

    /// <summary>
    /// Minimizes mean log-loss + λ/2 ‖θ − θ₀‖² by Newton's method (the problem has (inputs + 1) × classes
    /// parameters, a few hundred, so the exact Hessian is cheap), starting from and shrinking towards
    /// <paramref name="scale"/> times the identity on the first <paramref name="classes"/> inputs.
    /// </summary>
    public static StackedCombiner Fit(double[][] margins, int[] truth, int classes, double scale, double lambda, int maxDegreeOfParallelism)
    {
        var k = classes;
        var d = margins[0].Length;
        var dd = d + 1; // the constant input of the bias
        var np = k * dd;
        var prior = new double[np];
        for (var c = 0; c < k; c++)
        {
            prior[(c * dd) + c] = scale;
        }

        var n = margins.Length;
        var x = new double[n * dd];
        for (var i = 0; i < n; i++)
        {
            margins[i].CopyTo(x, i * dd);
            x[(i * dd) + d] = 1;
        }

        var theta = (double[])prior.Clone();
        var p = new double[n * k];
        var f = Objective(theta, prior, x, truth, k, dd, lambda, p);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var step = NewtonStep(theta, prior, x, truth, k, dd, lambda, p, maxDegreeOfParallelism);
            var next = new double[np];
            var fNext = f;
            for (var t = 1.0; t > 1e-6; t /= 2)
            {
                for (var q = 0; q < np; q++)
                {
                    next[q] = theta[q] - (t * step[q]);
                }

                fNext = Objective(next, prior, x, truth, k, dd, lambda, null);
                if (fNext <= f)
                {
                    break;
                }
            }

            if (fNext > f)
            {
                break;
            }

            theta = next;
            var decrease = f - fNext;
            f = Objective(theta, prior, x, truth, k, dd, lambda, p);
            if (decrease < 1e-10)
            {
                break;
            }
        }

        var weights = new double[k * d];
        var bias = new double[k];
        for (var c = 0; c < k; c++)
        {
            Array.Copy(theta, c * dd, weights, c * d, d);
            bias[c] = theta[(c * dd) + d];
        }

        return new StackedCombiner(k, d, weights, bias);
    }

    /// <summary>Class scores for one row of margins.</summary>
    public void Apply(ReadOnlySpan<double> margins, Span<double> scores)
    {
        for (var c = 0; c < Classes; c++)
        {
            var z = Bias[c];
            for (var e = 0; e < Inputs; e++)
            {
                z += Weights[(c * Inputs) + e] * margins[e];
            }

            scores[c] = z;
        }
    }

    /// <summary>The SVMs and this combiner as one linear model of <see cref="Classes"/> outputs.</summary>
    public LinearModel Fold(LinearModel svms)
    {
        if (svms.Classes != Inputs)
        {
            throw new ArgumentException("the model's outputs must be the combiner's inputs.", nameof(svms));
        }

        var k = Classes;
        var weights = new float[svms.Dimension * k];
        var source = svms.Weights;
        for (var f = 0; f < svms.Dimension; f++)
        {
            var from = f * Inputs;
            for (var c = 0; c < k; c++)
            {
                var w = 0.0;
                for (var e = 0; e < Inputs; e++)
                {
                    w += Weights[(c * Inputs) + e] * source[from + e];
                }

                weights[(f * k) + c] = (float)w;
            }
        }

        var bias = new float[k];
        var scores = new double[k];
        Apply(Array.ConvertAll(svms.Bias, b => (double)b), scores);
        for (var c = 0; c < k; c++)
        {
            bias[c] = (float)scores[c];
        }

        return new LinearModel(k, svms.Dimension, weights, bias);
    }

    /// <summary>Mean log-loss plus the penalty; fills <paramref name="probabilities"/> (n × k) if given.</summary>
    private static double Objective(double[] theta, double[] prior, double[] x, int[] truth, int k, int dd, double lambda, double[]? probabilities)
    {
        var n = truth.Length;
        Span<double> z = stackalloc double[k];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * dd, dd);
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                var w = theta.AsSpan(c * dd, dd);
                var s = 0.0;
                for (var e = 0; e < dd; e++)
                {
                    s += w[e] * row[e];
                }

                z[c] = s;
                max = Math.Max(max, s);
            }

            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                sum += Math.Exp(z[c] - max);
            }

            total += Math.Log(sum) + max - z[truth[i]];
            if (probabilities is not null)
            {
                for (var c = 0; c < k; c++)
                {
                    probabilities[(i * k) + c] = Math.Exp(z[c] - max) / sum;
                }
            }
        }

        var penalty = 0.0;
        for (var q = 0; q < theta.Length; q++)
        {
            penalty += (theta[q] - prior[q]) * (theta[q] - prior[q]);
        }

        return (total / n) + (0.5 * lambda * penalty);
    }

    /// <summary>Solves H s = g at θ (probabilities at θ given); the Hessian blocks (c, c') are summed in parallel.</summary>
    private static double[] NewtonStep(double[] theta, double[] prior, double[] x, int[] truth, int k, int dd, double lambda, double[] p, int maxDegreeOfParallelism)
    {
        var n = truth.Length;
        var np = k * dd;
        var gradient = new double[np];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++)
            {
                var r = (p[(i * k) + c] - (truth[i] == c ? 1 : 0)) / n;
                for (var e = 0; e < dd; e++)
                {
                    gradient[(c * dd) + e] += r * x[(i * dd) + e];
                }
            }
        }

        var blocks = new List<(int C1, int C2)>();
        for (var c1 = 0; c1 < k; c1++)
        {
            for (var c2 = c1; c2 < k; c2++)
            {
                blocks.Add((c1, c2));
            }
        }

        // Each block sums over the rows in order on its own, so the result does not depend on threads.
        var hessian = new double[np * np];
        Parallel.For(0, blocks.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, b =>
        {
            var (c1, c2) = blocks[b];
            var block = new double[dd * dd];
            for (var i = 0; i < n; i++)
            {
                var weight = p[(i * k) + c1] * ((c1 == c2 ? 1 : 0) - p[(i * k) + c2]) / n;
                var row = x.AsSpan(i * dd, dd);
                for (var e1 = 0; e1 < dd; e1++)
                {
                    var we = weight * row[e1];
                    var target = block.AsSpan(e1 * dd, dd);
                    for (var e2 = 0; e2 < dd; e2++)
                    {
                        target[e2] += we * row[e2];
                    }
                }
            }

            for (var e1 = 0; e1 < dd; e1++)
            {
                for (var e2 = 0; e2 < dd; e2++)
                {
                    var v = block[(e1 * dd) + e2];
                    hessian[(((c1 * dd) + e1) * np) + (c2 * dd) + e2] = v;
                    hessian[(((c2 * dd) + e2) * np) + (c1 * dd) + e1] = v;
                }
            }
        });

        for (var q = 0; q < np; q++)
        {
            gradient[q] += lambda * (theta[q] - prior[q]);
            hessian[(q * np) + q] += lambda;
        }

        return CholeskySolve(hessian, gradient, np);
    }

    /// <summary>Solves A s = b for symmetric positive definite A (the penalty makes the Hessian so).</summary>
    private static double[] CholeskySolve(double[] a, double[] b, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var q = 0; q < j; q++)
                {
                    sum -= l[(i * n) + q] * l[(j * n) + q];
                }

                l[(i * n) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[(j * n) + j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var q = 0; q < i; q++)
            {
                sum -= l[(i * n) + q] * y[q];
            }

            y[i] = sum / l[(i * n) + i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var q = i + 1; q < n; q++)
            {
                sum -= l[(q * n) + i] * s[q];
            }

            s[i] = sum / l[(i * n) + i];
        }

        return s;
    }
}

namespace Linli.Domain.Prevention;

/// <summary>
/// Parameters of the weekly forecast (docs/adr/0010-prevention-forecast-method.md): Holt's exponential smoothing with
/// a damped trend, times a week-of-year index from the same weeks a year (and two years) earlier, shrunk towards 1.
/// </summary>
public sealed record ForecastSettings
{
    /// <summary>Weight of the newest week in the level.</summary>
    public double Alpha { get; init; } = 0.3;

    /// <summary>Weight of the newest level change in the trend.</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>Damping of the trend per week (1 = undamped): trends fade rather than run away.</summary>
    public double Phi { get; init; } = 0.8;

    /// <summary>How much of the year-ago seasonal ratio is believed (0 = none, 1 = all).</summary>
    public double SeasonalShrink { get; init; } = 0.25;

    /// <summary>Weeks of history needed before a back-test week is scored.</summary>
    public int WarmUpWeeks { get; init; } = 8;

    /// <summary>The smallest expected count an anomaly test uses: one order where none is expected is not news.</summary>
    public double MinimumExpected { get; init; } = 0.5;
}

/// <summary>An expected count and how it was made, so a reader can follow the figure.</summary>
public sealed record WeekForecast(double Expected, double Level, double Trend, double SeasonalIndex);

/// <summary>Back-test of one method on one or more series: rolling origin, one week ahead.</summary>
public sealed record BackTestResult(int Weeks, double ModelMae, double NaiveMae, double ModelMase, double ModelRmse, double NaiveRmse)
{
    /// <summary>Model error over the naive (last week) error: below 1 the model beats the naive baseline.</summary>
    public double Ratio => NaiveMae == 0 ? (ModelMae == 0 ? 1 : double.PositiveInfinity) : ModelMae / NaiveMae;
}

/// <summary>问题预判: expected weekly counts of a series (one grid × category), its back-test, and the anomaly test.</summary>
public static class WeeklyForecast
{
    /// <summary>Expected count of week <c>history.Count</c> (the week right after the history).</summary>
    public static WeekForecast Next(IReadOnlyList<double> history, ForecastSettings? settings = null)
    {
        settings ??= new ForecastSettings();
        if (history.Count == 0)
        {
            return new WeekForecast(0, 0, 0, 1);
        }
        var warm = Math.Min(4, history.Count);
        double level = 0;
        for (var i = 0; i < warm; i++)
        {
            level += history[i];
        }
        level /= warm;
        double trend = 0;
        for (var t = warm; t < history.Count; t++)
        {
            var previousLevel = level;
            level = settings.Alpha * history[t] + (1 - settings.Alpha) * (level + settings.Phi * trend);
            trend = settings.Beta * (level - previousLevel) + (1 - settings.Beta) * settings.Phi * trend;
        }
        var seasonal = SeasonalIndex(history, history.Count, settings);
        var expected = Math.Max(0, (level + settings.Phi * trend) * seasonal);
        return new WeekForecast(expected, level, trend, seasonal);
    }

    /// <summary>
    /// Week-of-year index of week <paramref name="target"/>: the mean of the same week ±1 one and two years earlier over
    /// the mean of the 13 weeks around them, with one added to both (so empty weeks do not divide by zero), shrunk
    /// towards 1 and kept within [0.5, 2]. Without a year of history it is 1.
    /// </summary>
    public static double SeasonalIndex(IReadOnlyList<double> history, int target, ForecastSettings settings)
    {
        double same = 0, around = 0;
        int sameCount = 0, aroundCount = 0;
        foreach (var lag in new[] { 52, 104 })
        {
            var center = target - lag;
            if (center - 6 < 0)
            {
                continue;
            }
            for (var d = -6; d <= 6; d++)
            {
                var t = center + d;
                if (t >= history.Count)
                {
                    continue;
                }
                around += history[t];
                aroundCount++;
                if (Math.Abs(d) <= 1)
                {
                    same += history[t];
                    sameCount++;
                }
            }
        }
        if (sameCount == 0 || aroundCount == 0)
        {
            return 1;
        }
        var ratio = (same / sameCount + 1) / (around / aroundCount + 1);
        return Math.Clamp(1 + settings.SeasonalShrink * (ratio - 1), 0.5, 2);
    }

    /// <summary>Rolling one-week-ahead back-test of many series at once, next to the naive "same as last week" forecast.</summary>
    public static BackTestResult BackTest(IEnumerable<IReadOnlyList<double>> series, ForecastSettings? settings = null)
    {
        settings ??= new ForecastSettings();
        double modelAbs = 0, naiveAbs = 0, modelSq = 0, naiveSq = 0, scale = 0;
        int weeks = 0, scaleCount = 0;
        foreach (var y in series)
        {
            for (var t = Math.Max(1, settings.WarmUpWeeks); t < y.Count; t++)
            {
                var model = Next(Prefix(y, t), settings).Expected;
                var naive = y[t - 1];
                modelAbs += Math.Abs(y[t] - model);
                naiveAbs += Math.Abs(y[t] - naive);
                modelSq += (y[t] - model) * (y[t] - model);
                naiveSq += (y[t] - naive) * (y[t] - naive);
                weeks++;
            }
            // MASE scale: the in-sample mean absolute week-to-week change of the series.
            for (var t = 1; t < y.Count; t++)
            {
                scale += Math.Abs(y[t] - y[t - 1]);
                scaleCount++;
            }
        }
        if (weeks == 0)
        {
            return new BackTestResult(0, 0, 0, 0, 0, 0);
        }
        var mae = modelAbs / weeks;
        var naiveMae = naiveAbs / weeks;
        var mase = scale == 0 ? 0 : mae / (scale / scaleCount);
        return new BackTestResult(weeks, Math.Round(mae, 4), Math.Round(naiveMae, 4), Math.Round(mase, 4),
            Math.Round(Math.Sqrt(modelSq / weeks), 4), Math.Round(Math.Sqrt(naiveSq / weeks), 4));
    }

    private static double[] Prefix(IReadOnlyList<double> y, int count)
    {
        var prefix = new double[count];
        for (var i = 0; i < count; i++)
        {
            prefix[i] = y[i];
        }
        return prefix;
    }

    /// <summary>P(X ≥ observed) for X ~ Poisson(expected): how surprising the observed count is.</summary>
    public static double PoissonUpperTail(int observed, double expected)
    {
        if (observed <= 0)
        {
            return 1;
        }
        if (expected <= 0)
        {
            return 0;
        }
        // 1 − P(X ≤ observed − 1), summing the probabilities in log space for stability.
        double cdf = 0;
        var logPmf = -expected;
        for (var k = 0; k < observed; k++)
        {
            if (k > 0)
            {
                logPmf += Math.Log(expected) - Math.Log(k);
            }
            cdf += Math.Exp(logPmf);
        }
        return Math.Clamp(1 - cdf, 0, 1);
    }

    /// <summary>Shares of Monday..Sunday in daily counts (index 0 = Monday), for spreading a weekly forecast over days.</summary>
    public static double[] WeekdayProfile(IEnumerable<DateOnly> days)
    {
        var counts = new double[7];
        foreach (var day in days)
        {
            counts[((int)day.DayOfWeek + 6) % 7]++;
        }
        var total = counts.Sum();
        return total == 0 ? [.. Enumerable.Repeat(1.0 / 7, 7)] : counts.Select(c => Math.Round(c / total, 4)).ToArray();
    }
}

/// <summary>六里民情码-style grade of a grid: 红 (act now), 黄 (watch), 绿 (normal).</summary>
public enum RiskGrade
{
    Green,
    Yellow,
    Red,
}

/// <summary>One grid × category cell of a week: what was expected, what came, and how surprising that is.</summary>
public sealed record ForecastCell(string GridKey, string CategoryKey, int Observed, double Expected, double PValue)
{
    public bool IsAnomaly(double alpha = RiskRules.AnomalyP) => PValue < alpha;
}

/// <summary>
/// The grading rule (documented in Features/Prevention/README.md): a grid is <b>Red</b> when any of its categories is an
/// anomaly (P(X ≥ observed) &lt; 0.01 under the forecast); <b>Yellow</b> when any is unusual (p &lt; 0.05) or the grid's
/// total is at least 1.5 × its expected total with at least 5 orders; otherwise <b>Green</b>.
/// </summary>
public static class RiskRules
{
    public const double AnomalyP = 0.01;
    public const double UnusualP = 0.05;

    public static RiskGrade Grade(IReadOnlyCollection<ForecastCell> cells)
    {
        if (cells.Any(c => c.PValue < AnomalyP))
        {
            return RiskGrade.Red;
        }
        var observed = cells.Sum(c => c.Observed);
        var expected = cells.Sum(c => c.Expected);
        return cells.Any(c => c.PValue < UnusualP) || (observed >= 5 && observed >= 1.5 * expected) ? RiskGrade.Yellow : RiskGrade.Green;
    }
}

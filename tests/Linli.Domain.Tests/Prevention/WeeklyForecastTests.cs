using Linli.Domain.Prevention;

namespace Linli.Domain.Tests.Prevention;

public class WeeklyForecastTests
{
    /// <summary>A Poisson series from a fixed seed (Knuth's method), so the test is the same on every run.</summary>
    private static List<double> PoissonSeries(double lambda, int weeks, int seed)
    {
        var random = new Random(seed);
        var series = new List<double>();
        for (var w = 0; w < weeks; w++)
        {
            var limit = Math.Exp(-lambda);
            var k = 0;
            var p = 1.0;
            do
            {
                k++;
                p *= random.NextDouble();
            }
            while (p > limit);
            series.Add(k - 1);
        }
        return series;
    }

    [Fact]
    public void ConstantPoisson_ExpectsAboutTheMean()
    {
        var series = PoissonSeries(6, 156, seed: 7);
        // Every one-week-ahead forecast from week 8 on: on average they are the series' mean, and none runs away.
        var forecasts = Enumerable.Range(8, series.Count - 8).Select(t => WeeklyForecast.Next(series.Take(t).ToList())).ToList();

        forecasts.Average(f => f.Expected).ShouldBe(6, tolerance: 0.4);
        forecasts.ShouldAllBe(f => f.Expected > 3 && f.Expected < 9.5);
        forecasts.Average(f => f.Trend).ShouldBe(0, tolerance: 0.1);
    }

    [Fact]
    public void ConstantSeries_ForecastsTheConstant()
    {
        var forecast = WeeklyForecast.Next(Enumerable.Repeat(4.0, 60).ToList());
        forecast.Expected.ShouldBe(4, tolerance: 1e-9);
        forecast.SeasonalIndex.ShouldBe(1, tolerance: 1e-9);
    }

    [Fact]
    public void BackTest_IsDeterministic_AndBeatsNaiveOnNoise()
    {
        var series = new[] { PoissonSeries(5, 120, 1), PoissonSeries(2, 120, 2), PoissonSeries(9, 120, 3) };
        var first = WeeklyForecast.BackTest(series);
        var second = WeeklyForecast.BackTest(series);

        second.ShouldBe(first);
        first.Weeks.ShouldBe(3 * (120 - 8));
        // On pure noise the smoothed level is a better guess than last week's count.
        first.ModelMae.ShouldBeLessThan(first.NaiveMae);
        first.Ratio.ShouldBeLessThan(1);
    }

    [Fact]
    public void SeasonalIndex_RaisesTheWeekThatPeakedAYearAgo()
    {
        var series = Enumerable.Repeat(2.0, 104).ToList();
        series[52] = 20; // a peak exactly a year before week 104
        var forecast = WeeklyForecast.Next(series);
        forecast.SeasonalIndex.ShouldBeGreaterThan(1.2);
        forecast.Expected.ShouldBeGreaterThan(2.4);
    }

    [Theory]
    [InlineData(0, 3.0, 1.0)]
    [InlineData(1, 0.5, 0.3934693)]
    [InlineData(4, 0.5, 0.0017516)]
    [InlineData(3, 3.0, 0.5768099)]
    public void PoissonUpperTail_MatchesTheDistribution(int observed, double expected, double p) =>
        WeeklyForecast.PoissonUpperTail(observed, expected).ShouldBe(p, tolerance: 1e-6);

    [Fact]
    public void Grade_RedOnAnomaly_YellowOnUnusual_GreenOtherwise()
    {
        RiskRules.Grade([new ForecastCell("g", "c", 12, 3, WeeklyForecast.PoissonUpperTail(12, 3))]).ShouldBe(RiskGrade.Red);
        RiskRules.Grade([new ForecastCell("g", "c", 7, 3, WeeklyForecast.PoissonUpperTail(7, 3))]).ShouldBe(RiskGrade.Yellow);
        RiskRules.Grade([new ForecastCell("g", "c", 3, 3, WeeklyForecast.PoissonUpperTail(3, 3))]).ShouldBe(RiskGrade.Green);
    }

    [Fact]
    public void IsoWeek_ParsesAndSpansMondayToMondayInShanghai()
    {
        IsoWeek.TryParse("2026-W47", out var week).ShouldBeTrue();
        week.Monday.ShouldBe(new DateOnly(2026, 11, 16));
        var (from, to) = week.UtcRange(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        from.ShouldBe(new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Utc));
        to.ShouldBe(new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc));
        week.Previous.ToString().ShouldBe("2026-W46");
        IsoWeek.TryParse("2026-W54", out _).ShouldBeFalse();
        IsoWeek.TryParse("2026-47", out _).ShouldBeFalse();
    }
}

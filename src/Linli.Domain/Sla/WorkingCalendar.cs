namespace Linli.Domain.Sla;

/// <summary>One stretch of working time inside a day, in local time (e.g. 08:30–12:00).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public static bool TryParse(string? text, out WorkingPeriod period)
    {
        period = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", out var end)
            || end <= start)
        {
            return false;
        }
        period = new WorkingPeriod(start, end);
        return true;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>
/// The working calendar as data: working periods of a working day, the weekend, and the dates that break the rule —
/// public holidays (a weekday off) and adjusted working days (调休: a weekend day worked). Pure: no clock, no I/O.
/// </summary>
public sealed class WorkingCalendar : ISlaClock
{
    /// <summary>Safety stop: a calendar with no working day in ten years is a configuration error, not a deadline.</summary>
    private const int MaxDaysWalked = 3660;

    private readonly WorkingPeriod[] _periods;
    private readonly HashSet<DayOfWeek> _weekend;
    private readonly Dictionary<DateOnly, bool> _overrides;

    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<WorkingPeriod> periods, IEnumerable<DayOfWeek> weekend,
        IEnumerable<KeyValuePair<DateOnly, bool>> overrides)
    {
        Zone = zone;
        _periods = [.. periods.OrderBy(p => p.Start)];
        if (_periods.Length == 0)
        {
            throw new ArgumentException("A working calendar needs at least one working period.", nameof(periods));
        }
        for (var i = 1; i < _periods.Length; i++)
        {
            if (_periods[i].Start < _periods[i - 1].End)
            {
                throw new ArgumentException("Working periods overlap.", nameof(periods));
            }
        }
        _weekend = [.. weekend];
        _overrides = overrides.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<WorkingPeriod> Periods => _periods;

    /// <summary>A holiday is off even on a weekday; an adjusted working day (调休) is worked even on a weekend.</summary>
    public bool IsWorkday(DateOnly date) =>
        _overrides.TryGetValue(date, out var isWorkday) ? isWorkday : !_weekend.Contains(date.DayOfWeek);

    public DateTime Add(DateTime startUtc, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return startUtc;
        }
        var local = ToLocal(startUtc);
        var remaining = duration;
        var date = DateOnly.FromDateTime(local);
        for (var walked = 0; walked < MaxDaysWalked; walked++, date = date.AddDays(1))
        {
            if (!IsWorkday(date))
            {
                continue;
            }
            foreach (var period in _periods)
            {
                var periodStart = date.ToDateTime(period.Start);
                var periodEnd = date.ToDateTime(period.End);
                if (local >= periodEnd)
                {
                    continue;
                }
                var begin = local > periodStart ? local : periodStart;
                var available = periodEnd - begin;
                if (remaining <= available)
                {
                    return ToUtc(begin + remaining);
                }
                remaining -= available;
            }
        }
        throw new InvalidOperationException("The working calendar has no working time in the next ten years.");
    }

    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }
        var from = ToLocal(fromUtc);
        var to = ToLocal(toUtc);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(from); date <= DateOnly.FromDateTime(to); date = date.AddDays(1))
        {
            if (!IsWorkday(date))
            {
                continue;
            }
            foreach (var period in _periods)
            {
                var begin = Max(from, date.ToDateTime(period.Start));
                var end = Min(to, date.ToDateTime(period.End));
                if (end > begin)
                {
                    total += end - begin;
                }
            }
        }
        return total;
    }

    private DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

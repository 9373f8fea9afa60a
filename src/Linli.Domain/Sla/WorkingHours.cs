using Linli.Domain.Common;

namespace Linli.Domain.Sla;

/// <summary>The site's working hours (one row): the periods of a working day and the weekly days off, as editable data.</summary>
public sealed class WorkingHours
{
    public const int SingletonId = 1;
    public const string DefaultPeriods = "08:30-12:00,13:30-17:30";
    public const string DefaultWeekend = "Saturday,Sunday";

    private WorkingHours()
    {
        Periods = DefaultPeriods;
        Weekend = DefaultWeekend;
    }

    public int Id { get; private set; }

    /// <summary>Comma-separated local periods, e.g. <c>08:30-12:00,13:30-17:30</c>.</summary>
    public string Periods { get; private set; }

    /// <summary>Comma-separated days off of an ordinary week, e.g. <c>Saturday,Sunday</c>.</summary>
    public string Weekend { get; private set; }

    public int Version { get; private set; }

    public static WorkingHours Default() => new() { Id = SingletonId };

    public IReadOnlyList<WorkingPeriod> ParsedPeriods() => [.. ParsePeriods(Periods).Value];

    public IReadOnlyList<DayOfWeek> ParsedWeekend() => [.. ParseWeekend(Weekend).Value];

    public Result<Done> Change(IReadOnlyList<string> periods, IReadOnlyList<string> weekend)
    {
        var parsedPeriods = ParsePeriods(string.Join(',', periods));
        var parsedWeekend = ParseWeekend(string.Join(',', weekend));
        if (!parsedPeriods.IsSuccess || !parsedWeekend.IsSuccess || parsedWeekend.Value.Count == 7)
        {
            return SlaErrors.InvalidWorkingHours;
        }
        Periods = string.Join(',', parsedPeriods.Value.Select(p => p.ToString()));
        Weekend = string.Join(',', parsedWeekend.Value);
        Version++;
        return default(Done);
    }

    private static Result<List<WorkingPeriod>> ParsePeriods(string text)
    {
        var periods = new List<WorkingPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!WorkingPeriod.TryParse(part, out var period))
            {
                return SlaErrors.InvalidWorkingHours;
            }
            periods.Add(period);
        }
        periods.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].Start < periods[i - 1].End)
            {
                return SlaErrors.InvalidWorkingHours;
            }
        }
        return periods.Count == 0 ? SlaErrors.InvalidWorkingHours : periods;
    }

    private static Result<List<DayOfWeek>> ParseWeekend(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DayOfWeek>(part, ignoreCase: true, out var day) || !Enum.IsDefined(day))
            {
                return SlaErrors.InvalidWorkingHours;
            }
            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }
        return days;
    }
}

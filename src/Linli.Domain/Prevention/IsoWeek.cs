using System.Globalization;

namespace Linli.Domain.Prevention;

/// <summary>An ISO 8601 week (Monday to Sunday), written <c>2026-W47</c>.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is null || text.Length is < 7 or > 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = new IsoWeek(year, number);
        return true;
    }

    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public IsoWeek Next => Of(Monday.AddDays(7));

    /// <summary>Monday 00:00 to the next Monday 00:00 in <paramref name="zone"/>, as UTC instants.</summary>
    public (DateTime From, DateTime To) UtcRange(TimeZoneInfo zone) =>
        (TimeZoneInfo.ConvertTimeToUtc(Monday.ToDateTime(TimeOnly.MinValue), zone),
         TimeZoneInfo.ConvertTimeToUtc(Monday.AddDays(7).ToDateTime(TimeOnly.MinValue), zone));

    public override string ToString() => $"{Year:0000}-W{Week:00}";
}

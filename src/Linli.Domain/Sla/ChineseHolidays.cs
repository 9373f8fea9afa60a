namespace Linli.Domain.Sla;

/// <summary>One date that breaks the weekly rule: a holiday (off) or an adjusted working day (调休, worked).</summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 32;

    private CalendarDay()
    {
        Name = null!;
    }

    public DateOnly Date { get; private set; }

    /// <summary>True for an adjusted working day (调休上班), false for a day off (放假).</summary>
    public bool IsWorkday { get; private set; }

    /// <summary>What the day is, e.g. 春节 or 春节调休上班; "(暂定)" marks provisional dates.</summary>
    public string Name { get; private set; }

    public static CalendarDay Create(DateOnly date, bool isWorkday, string name) => new()
    {
        Date = date,
        IsWorkday = isWorkday,
        Name = name.Trim(),
    };

    public void Change(bool isWorkday, string name)
    {
        IsWorkday = isWorkday;
        Name = name.Trim();
    }
}

/// <summary>
/// Mainland China public holidays and adjusted working days (调休) seeded for 2026 and 2027.
/// 2026: the State Council General Office's notice on the 2026 holiday arrangement (国务院办公厅关于2026年部分节假日安排的通知).
/// 2027: the holidays fall on their fixed or lunar dates (春节 Feb 6, 端午 Jun 9, 中秋 Sep 15); the days around them and the
/// 调休 working days follow the usual pattern and are marked provisional (暂定) until the 2027 notice is published.
/// Administrators correct them through the calendar API.
/// </summary>
public static class ChineseHolidays
{
    public static IReadOnlyList<CalendarDay> Seed { get; } = Build();

    private static List<CalendarDay> Build()
    {
        var days = new List<CalendarDay>();
        void Off(string name, int year, int month, int day, int count)
        {
            var first = new DateOnly(year, month, day);
            for (var i = 0; i < count; i++)
            {
                days.Add(CalendarDay.Create(first.AddDays(i), false, name));
            }
        }
        void Work(string name, int year, int month, int day) => days.Add(CalendarDay.Create(new DateOnly(year, month, day), true, name));

        Off("元旦", 2026, 1, 1, 3);
        Work("元旦调休上班", 2026, 1, 4);
        Off("春节", 2026, 2, 15, 9);
        Work("春节调休上班", 2026, 2, 14);
        Work("春节调休上班", 2026, 2, 28);
        Off("清明节", 2026, 4, 4, 3);
        Off("劳动节", 2026, 5, 1, 5);
        Work("劳动节调休上班", 2026, 5, 9);
        Off("端午节", 2026, 6, 19, 3);
        Off("中秋节", 2026, 9, 25, 3);
        Off("国庆节", 2026, 10, 1, 7);
        Work("国庆节调休上班", 2026, 9, 20);
        Work("国庆节调休上班", 2026, 10, 10);

        Off("元旦", 2027, 1, 1, 3);
        Off("春节(暂定)", 2027, 2, 5, 7);
        Work("春节调休上班(暂定)", 2027, 2, 20);
        Off("清明节(暂定)", 2027, 4, 3, 3);
        Off("劳动节(暂定)", 2027, 5, 1, 5);
        Work("劳动节调休上班(暂定)", 2027, 5, 8);
        Off("端午节", 2027, 6, 9, 1);
        Off("中秋节", 2027, 9, 15, 1);
        Off("国庆节(暂定)", 2027, 10, 1, 7);
        Work("国庆节调休上班(暂定)", 2027, 9, 26);
        Work("国庆节调休上班(暂定)", 2027, 10, 9);
        return days;
    }
}

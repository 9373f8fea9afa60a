using Linli.Domain.Sla;

namespace Linli.Domain.Tests.Sla;

/// <summary>Deadline arithmetic on the working calendar (Beijing time, 08:30–12:00 and 13:30–17:30, the 2026 holidays).</summary>
public class CalendarTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static WorkingCalendar Beijing() => new(Zone,
        [new(new TimeOnly(8, 30), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(17, 30))],
        [DayOfWeek.Saturday, DayOfWeek.Sunday],
        ChineseHolidays.Seed.Select(d => KeyValuePair.Create(d.Date, d.IsWorkday)));

    /// <summary>A Beijing wall-clock time as the UTC instant (no DST in China: always UTC+8).</summary>
    private static DateTime Bj(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Theory]
    // Inside the morning period.
    [InlineData("2026-11-20 09:30", 60, "2026-11-20 10:30")]
    // Lunch break is skipped: 11:30 + 60 min → 14:00.
    [InlineData("2026-11-20 11:30", 60, "2026-11-20 14:00")]
    // Ends exactly at noon, not after lunch.
    [InlineData("2026-11-20 11:00", 60, "2026-11-20 12:00")]
    // Friday afternoon across the weekend to Monday morning.
    [InlineData("2026-11-20 17:00", 60, "2026-11-23 09:00")]
    // A start outside working hours (evening, before dawn, at lunch) begins at the next working period.
    [InlineData("2026-11-19 21:00", 30, "2026-11-20 09:00")]
    [InlineData("2026-11-20 06:00", 30, "2026-11-20 09:00")]
    [InlineData("2026-11-20 12:30", 30, "2026-11-20 14:00")]
    // Across midnight: 23:50 Thursday is after hours.
    [InlineData("2026-11-19 23:50", 20, "2026-11-20 08:50")]
    // Started on a Saturday.
    [InlineData("2026-11-21 10:00", 15, "2026-11-23 08:45")]
    // One working day is 7.5 h: 3 days from Friday 09:30 → Wednesday 09:30.
    [InlineData("2026-11-20 09:30", 3 * 450, "2026-11-25 09:30")]
    // 国庆节: Sep 30 afternoon → the holiday Oct 1–7 is off, Oct 10 (Sat) is a 调休 working day, Oct 8 (Thu) the next workday.
    [InlineData("2026-09-30 17:00", 60, "2026-10-08 09:00")]
    // Oct 9 (Fri) late → Oct 10 (Sat, 调休) is worked.
    [InlineData("2026-10-09 17:00", 60, "2026-10-10 09:00")]
    // Sep 20 (Sun) is a 调休 working day: a Saturday start lands there.
    [InlineData("2026-09-19 10:00", 30, "2026-09-20 09:00")]
    // 春节: Feb 13 (Fri) late → Feb 14 (Sat) 调休 worked → then Feb 15–23 off → Feb 24.
    [InlineData("2026-02-13 17:00", 60, "2026-02-14 09:00")]
    [InlineData("2026-02-14 17:00", 60, "2026-02-24 09:00")]
    // 元旦: Dec 31 2025 is not seeded (a Wednesday, worked); Jan 1–3 off, Jan 4 (Sun) worked.
    [InlineData("2026-01-01 10:00", 30, "2026-01-04 09:00")]
    // 劳动节: Apr 30 late → May 1–5 off → May 6.
    [InlineData("2026-04-30 17:00", 60, "2026-05-06 09:00")]
    public void Add_walks_the_working_periods(string start, int minutes, string expected)
    {
        var calendar = Beijing();
        var from = Parse(start);

        var due = calendar.Add(from, TimeSpan.FromMinutes(minutes));

        due.ShouldBe(Parse(expected));
        due.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Between_counts_only_working_time_and_is_the_inverse_of_add()
    {
        var calendar = Beijing();
        calendar.Between(Bj(2026, 11, 20, 16, 30), Bj(2026, 11, 23, 9, 30)).ShouldBe(TimeSpan.FromHours(2));
        calendar.Between(Bj(2026, 11, 20, 11, 0), Bj(2026, 11, 20, 14, 0)).ShouldBe(TimeSpan.FromMinutes(90));
        calendar.Between(Bj(2026, 10, 1, 0, 0), Bj(2026, 10, 8, 0, 0)).ShouldBe(TimeSpan.Zero);
        calendar.Between(Bj(2026, 11, 23, 9, 0), Bj(2026, 11, 20, 9, 0)).ShouldBe(TimeSpan.Zero);

        var start = Bj(2026, 9, 28, 15, 10);
        foreach (var minutes in new[] { 1, 50, 451, 2000, 9000 })
        {
            calendar.Between(start, calendar.Add(start, TimeSpan.FromMinutes(minutes))).ShouldBe(TimeSpan.FromMinutes(minutes));
        }
    }

    [Fact]
    public void The_seeded_2026_arrangement_matches_the_state_council_notice()
    {
        var calendar = Beijing();
        string[] off = ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07"];
        string[] worked = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];
        off.ShouldAllBe(d => !calendar.IsWorkday(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
        worked.ShouldAllBe(d => calendar.IsWorkday(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
        calendar.IsWorkday(new DateOnly(2026, 2, 24)).ShouldBeTrue();
        // Every 调休 day is a weekend day, and every holiday of 2026–2027 is named.
        ChineseHolidays.Seed.Where(d => d.IsWorkday).ShouldAllBe(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
        ChineseHolidays.Seed.Select(d => d.Date).Distinct().Count().ShouldBe(ChineseHolidays.Seed.Count);
        ChineseHolidays.Seed.Where(d => d.Date.Year == 2027 && d.IsWorkday).ShouldAllBe(d => d.Name.Contains("暂定"));
    }

    [Fact]
    public void Zero_time_is_the_start_itself_and_the_24x7_clock_counts_every_minute()
    {
        var start = Bj(2026, 11, 21, 3, 0);
        Beijing().Add(start, TimeSpan.Zero).ShouldBe(start);
        ContinuousClock.Instance.Add(start, TimeSpan.FromMinutes(90)).ShouldBe(start.AddMinutes(90));
        ContinuousClock.Instance.Between(start, start.AddHours(5)).ShouldBe(TimeSpan.FromHours(5));
    }

    [Fact]
    public void Working_hours_are_parsed_and_checked()
    {
        var hours = WorkingHours.Default();
        hours.ParsedPeriods().Count.ShouldBe(2);
        hours.Change(["09:00-12:00", "14:00-18:00"], ["Sunday"]).IsSuccess.ShouldBeTrue();
        hours.Periods.ShouldBe("09:00-12:00,14:00-18:00");
        hours.Change(["12:00-09:00"], ["Sunday"]).Error!.Code.ShouldBe("Sla.InvalidWorkingHours");
        hours.Change(["09:00-12:00", "11:00-13:00"], []).Error!.Code.ShouldBe("Sla.InvalidWorkingHours");
        hours.Change(["09:00-12:00"], ["Funday"]).Error!.Code.ShouldBe("Sla.InvalidWorkingHours");
    }

    private static DateTime Parse(string beijing)
    {
        var local = DateTime.ParseExact(beijing, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc);
    }
}

using System.Globalization;
using Linli.Domain.Common;
using Linli.Domain.Sla;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Sla;

public sealed record WorkingHoursDetails(string TimeZone, IReadOnlyList<string> Periods, IReadOnlyList<string> Weekend);

public sealed record SaveWorkingHoursRequest(IReadOnlyList<string>? Periods, IReadOnlyList<string>? Weekend);

public sealed record CalendarDaySummary(DateOnly Date, bool IsWorkday, string Name, string DayOfWeek);

public sealed record SaveCalendarDayRequest(bool? IsWorkday, string? Name);

/// <summary>The working calendar as data: working hours and weekend, holidays and adjusted working days (调休).</summary>
public sealed class ManageWorkingCalendarHandler(LinliDbContext db, TimeLimits limits, SiteTime site)
{
    public async Task<WorkingHoursDetails> GetHoursAsync(CancellationToken ct)
    {
        var hours = await db.WorkingHours.AsNoTracking().FirstOrDefaultAsync(h => h.Id == WorkingHours.SingletonId, ct) ?? WorkingHours.Default();
        return Details(hours);
    }

    public async Task<Result<WorkingHoursDetails>> SaveHoursAsync(SaveWorkingHoursRequest request, CancellationToken ct)
    {
        var hours = await db.WorkingHours.FirstOrDefaultAsync(h => h.Id == WorkingHours.SingletonId, ct);
        if (hours is null)
        {
            hours = WorkingHours.Default();
            db.WorkingHours.Add(hours);
        }
        var changed = hours.Change(request.Periods ?? [], request.Weekend ?? []);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }
        await db.SaveChangesAsync(ct);
        limits.Invalidate();
        return Details(hours);
    }

    public async Task<List<CalendarDaySummary>> ListDaysAsync(int? year, CancellationToken ct)
    {
        var query = db.CalendarDays.AsNoTracking();
        if (year is { } y)
        {
            var first = new DateOnly(Math.Clamp(y, 1, 9998), 1, 1);
            var next = first.AddYears(1);
            query = query.Where(d => d.Date >= first && d.Date < next);
        }
        var days = await query.OrderBy(d => d.Date).Select(d => new { d.Date, d.IsWorkday, d.Name }).ToListAsync(ct);
        return [.. days.Select(d => new CalendarDaySummary(d.Date, d.IsWorkday, d.Name, d.Date.DayOfWeek.ToString()))];
    }

    public async Task<Result<CalendarDaySummary>> SaveDayAsync(string date, SaveCalendarDayRequest request, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || request.IsWorkday is null || string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > CalendarDay.MaxNameLength)
        {
            return SlaErrors.InvalidCalendarDay;
        }
        var existing = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, ct);
        if (existing is null)
        {
            existing = CalendarDay.Create(day, request.IsWorkday.Value, request.Name);
            db.CalendarDays.Add(existing);
        }
        else
        {
            existing.Change(request.IsWorkday.Value, request.Name);
        }
        await db.SaveChangesAsync(ct);
        limits.Invalidate();
        return new CalendarDaySummary(existing.Date, existing.IsWorkday, existing.Name, existing.Date.DayOfWeek.ToString());
    }

    public async Task<Result<Done>> DeleteDayAsync(string date, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return SlaErrors.InvalidCalendarDay;
        }
        var existing = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, ct);
        if (existing is null)
        {
            return SlaErrors.CalendarDayNotFound;
        }
        db.CalendarDays.Remove(existing);
        await db.SaveChangesAsync(ct);
        limits.Invalidate();
        return default(Done);
    }

    private WorkingHoursDetails Details(WorkingHours hours) =>
        new(site.Zone.Id, [.. hours.ParsedPeriods().Select(p => p.ToString())], [.. hours.ParsedWeekend().Select(d => d.ToString())]);
}

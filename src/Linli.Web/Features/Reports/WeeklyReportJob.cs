using Linli.Domain.Prevention;
using Linli.Domain.Units;
using Linli.Web.Background;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Reports;

/// <summary>
/// Every Monday from 08:00 site time, the last week's report for the street and each community. Checked every
/// <c>Linli:Reports:CheckMinutes</c> (default 5); the unique ScheduledKey (area:week) makes a second instance's
/// attempt fail harmlessly, and a missed Monday (host down) is caught up on the next check that week.
/// </summary>
public sealed class WeeklyReportScheduler(LinliDbContext db, UnitTree units, SiteTime site, GenerateWeeklyReportHandler generate, ILogger<WeeklyReportScheduler> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var local = site.ToLocal(site.UtcNow);
        if (local.DayOfWeek == DayOfWeek.Monday && local.Hour < 8)
        {
            return 0;
        }
        var week = IsoWeek.Of(site.Today).Previous;
        var tree = await units.GetAsync(ct);
        var areas = tree.All.Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Community).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var caller = SystemCaller(tree);
        var made = 0;
        foreach (var area in areas)
        {
            var key = $"{area.Id:N}:{week}";
            if (await db.WeeklyReports.AnyAsync(r => r.ScheduledKey == key, ct))
            {
                continue;
            }
            try
            {
                var result = await generate.HandleAsync(week.ToString(), area.Id, caller, key, ct);
                made += result.IsSuccess ? 1 : 0;
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Weekly report {Key} written by another instance", key);
                db.ChangeTracker.Clear();
            }
        }
        return made;
    }

    /// <summary>The scheduler reads as an administrator of the whole tree.</summary>
    internal static Caller SystemCaller(UnitTree.Snapshot tree) => new()
    {
        UserId = null,
        Name = SystemText.Get("Actor.ScheduledJob"),
        Roles = new HashSet<string> { Roles.Admin },
        UnitIds = new HashSet<Guid>(),
        LeaderUnitIds = new HashSet<Guid>(),
        VisibleUnitIds = tree.All.Select(u => u.Id).ToHashSet(),
    };
}

public sealed class WeeklyReportJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<WeeklyReportJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Linli:Reports:CheckMinutes", 5)));

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WeeklyReportScheduler>().RunAsync(ct);
}

using Linli.Web.Features.Categories.Pages;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Accounts.Pages;

public sealed record PersonRow(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Units);

/// <summary>
/// 系统管理 (Admin only): people and roles (read-only), categories, time-limit policies and the working calendar, and
/// channel API keys (its own page). Each section reads through the handler its API uses where one exists.
/// </summary>
public sealed class AdminModel(LinliDbContext db, UnitTree units, ManageTimeLimitPoliciesHandler policies, ManageWorkingCalendarHandler calendar) : PageModel
{
    public List<PersonRow> People { get; private set; } = [];
    public List<CategoryRow> Categories { get; private set; } = [];
    public List<TimeLimitPolicySummary> Policies { get; private set; } = [];
    public WorkingHoursDetails? Hours { get; private set; }
    public List<CalendarDaySummary> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var memberships = await db.UnitMemberships.AsNoTracking().Select(m => new { m.UserId, m.UnitId, m.IsLeader }).ToListAsync(ct);
        People = [.. users.Select(u => new PersonRow(u.UserName ?? "", u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "")],
            [.. memberships.Where(m => m.UserId == u.Id).Select(m => (tree.Find(m.UnitId)?.Name ?? "") + (m.IsLeader ? "★" : ""))]))];
        Categories = await CategoryRow.ListAsync(db, ct);
        Policies = await policies.ListAsync(ct);
        Hours = await calendar.GetHoursAsync(ct);
        Days = await calendar.ListDaysAsync(null, ct);
    }
}

using Linli.Domain.Prevention;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Persistence.Demo;

/// <summary>
/// The demo's threshold rule (预警阈值和处置方案): 5 or more 房屋漏水 orders in one building within 7 days notify the
/// community's leaders and open an inspection order (数字督查单) for the building's property company. Added once, by id.
/// </summary>
public sealed class DemoPreventionSeeder(LinliDbContext db, TimeProvider clock)
{
    public static readonly Guid LeakRuleId = DemoIds.For("threshold:leaks-per-building");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ThresholdRules.AnyAsync(r => r.Id == LeakRuleId, ct)
            || !await db.Categories.AnyAsync(c => c.Id == DemoIds.For("category:0102"), ct))
        {
            return;
        }
        var rule = ThresholdRule.Create(new ThresholdRuleSpec("同一楼栋7天内房屋漏水≥5件", ThresholdScope.Building, DemoIds.For("category:0102"),
            IncludeSubcategories: true, MinCount: 5, WindowHours: 7 * 24, NotifyUnitId: null, NotifyCommunityLeaders: true,
            ThresholdOrderTarget.PropertyCompany, OrderUnitId: null, RaiseUrgency: false, IsActive: true), clock.GetUtcNow().UtcDateTime, LeakRuleId).Value;
        db.ThresholdRules.Add(rule);
        await db.SaveChangesAsync(ct);
    }
}

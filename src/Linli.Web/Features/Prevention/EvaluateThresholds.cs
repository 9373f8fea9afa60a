using Linli.Domain.Common;
using Linli.Domain.Prevention;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Prevention;

/// <summary>What threshold evaluation needs of a new order; intake has it in memory, so nothing is read back.</summary>
public sealed record ThresholdSubject(Guid Id, Channel Channel, WorkOrderStatus Status, Guid? CategoryId, Guid? BuildingId, Guid? AreaUnitId)
{
    public static ThresholdSubject Of(WorkOrder order) =>
        new(order.Id, order.Channel, order.Status, order.CategoryId, order.BuildingId, order.AreaUnitId);

    /// <summary>
    /// Whether thresholds count the order. Proactive orders are the platform's own answer: counting them would let a
    /// firing feed the next one.
    /// </summary>
    public bool IsCounted => Channel != Channel.Proactive && Status is not (WorkOrderStatus.Cancelled or WorkOrderStatus.Merged);
}

/// <summary>
/// Runs the threshold rules right after an order's intake has committed (docs/adr/0011-threshold-evaluation.md). It works
/// in a scope of its own, so the intake's unit of work is untouched, and it never fails the intake: errors are logged.
/// Most orders match no rule: that is decided from the order in memory and the <see cref="ThresholdRuleSet"/>, without a
/// scope or a query, so that intake pays for thresholds only when one may fire.
/// </summary>
public sealed class ThresholdEvaluator(IServiceScopeFactory scopes, ThresholdRuleSet rules, ILogger<ThresholdEvaluator> logger)
{
    public async Task AfterIntakeAsync(WorkOrder order, CancellationToken ct)
    {
        var subject = ThresholdSubject.Of(order);
        try
        {
            if (!subject.IsCounted || !(await rules.ActiveAsync(ct)).Any(r => r.Matches(subject.CategoryId)))
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EvaluateThresholdsHandler>().HandleAsync(subject, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Threshold evaluation after the intake of order {OrderId} failed", subject.Id);
        }
    }
}

/// <summary>
/// 预警阈值和处置方案: for each active rule matching a newly received order, counts the orders of the rule's category (and
/// descendants) at the order's scope key (building, compound, grid or community) in the sliding window
/// (<see cref="ThresholdWindow"/>); when the count reaches the rule's minimum it opens the proactive order (idempotent by
/// its external reference), then records the firing with its orders and notifies, in one transaction. The unique index on
/// (rule, scope key, sequence) lets only one instance record a firing.
/// </summary>
public sealed class EvaluateThresholdsHandler(
    LinliDbContext db,
    ThresholdRuleSet ruleSet,
    UnitTree units,
    SiteTime site,
    IServiceScopeFactory scopes,
    ILogger<EvaluateThresholdsHandler> logger,
    GridMap map,
    LastFirings lastFirings)
{
    /// <summary>The actor of proactive orders opened by a firing, as it appears in their history.</summary>
    public static readonly Actor ThresholdActor = new(null, SystemText.Get("Actor.ThresholdAlert"), "System");

    private const int MaxRecordedOrders = 100;

    private sealed record ScopeBuilding(Guid Id, Guid? GridUnitId, string Compound, string Number);

    /// <summary><paramref name="Orders"/>: the counted orders' query, built only when the window is not quiet.</summary>
    private sealed record Scoped(string Key, string Name, Func<IQueryable<WorkOrder>> Orders, Guid? BuildingId, Guid? CommunityId);

    /// <summary>Evaluates the rules for one order, read from the database; returns the firings recorded.</summary>
    public async Task<IReadOnlyList<ThresholdFiring>> HandleAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.WorkOrders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new ThresholdSubject(o.Id, o.Channel, o.Status, o.CategoryId, o.BuildingId, o.AreaUnitId))
            .FirstOrDefaultAsync(ct);
        return order is null ? [] : await HandleAsync(order, ct);
    }

    /// <summary>Evaluates the rules for one order as it was stored; returns the firings recorded.</summary>
    public async Task<IReadOnlyList<ThresholdFiring>> HandleAsync(ThresholdSubject order, CancellationToken ct)
    {
        if (!order.IsCounted)
        {
            return [];
        }
        var rules = (await ruleSet.ActiveAsync(ct)).Where(r => r.Matches(order.CategoryId)).ToList();
        if (rules.Count == 0)
        {
            return [];
        }
        // An active building from the map in memory; an inactive one from the database.
        var building = order.BuildingId is not { } b ? null
            : (await map.GetAsync(ct)).Building(b) is { } mapped ? new ScopeBuilding(mapped.Id, mapped.GridUnitId, mapped.Compound, mapped.Number)
            : await db.Buildings.AsNoTracking().Where(x => x.Id == b).Select(x => new ScopeBuilding(x.Id, x.GridUnitId, x.Compound, x.Number)).FirstOrDefaultAsync(ct);
        var tree = await units.GetAsync(ct);
        var community = order.AreaUnitId is { } area ? tree.AncestorsAndSelf(area).FirstOrDefault(u => u.Kind == UnitKind.Community) : null;

        var communityUnits = community is null ? [] : tree.Subtree([community.Id]).ToList();
        var fired = new List<ThresholdFiring>();
        foreach (var active in rules)
        {
            var rule = active.Rule;
            // A list of our own, as before: the query parameter is then a plain list on every provider.
            List<Guid>? categorySet = active.CategoryIds is { } ids ? [.. ids] : null;
            IQueryable<WorkOrder> Counted()
            {
                var counted = db.WorkOrders.AsNoTracking().Where(o => o.Channel != Channel.Proactive
                    && o.Status != WorkOrderStatus.Cancelled && o.Status != WorkOrderStatus.Merged);
                return categorySet is null ? counted : counted.Where(o => o.CategoryId != null && categorySet.Contains(o.CategoryId.Value));
            }
            Scoped? scoped = rule.Scope switch
            {
                ThresholdScope.Building when building is not null =>
                    new("building:" + building.Id, BuildingName.Of(building.Compound, building.Number), () => Counted().Where(o => o.BuildingId == building.Id), building.Id, community?.Id),
                ThresholdScope.Compound when building is not null =>
                    new("compound:" + building.Compound, building.Compound,
                        () => Counted().Where(o => o.BuildingId != null && db.Buildings.Any(x => x.Id == o.BuildingId && x.Compound == building.Compound)), building.Id, community?.Id),
                ThresholdScope.Grid when (building?.GridUnitId ?? order.AreaUnitId) is { } grid && tree.Find(grid) is { Kind: UnitKind.Grid } node =>
                    new("grid:" + grid, node.Name, () => Counted().Where(o => o.AreaUnitId == grid), building?.Id, community?.Id),
                ThresholdScope.Community when community is not null =>
                    new("community:" + community.Id, community.Name, () => Counted().Where(o => o.AreaUnitId != null && communityUnits.Contains(o.AreaUnitId.Value)),
                        building?.Id, community.Id),
                _ => null,
            };
            if (scoped is null)
            {
                continue;
            }
            var firing = await EvaluateAsync(rule, scoped, active.CategoryName, ct);
            if (firing is not null)
            {
                fired.Add(firing);
            }
        }
        return fired;
    }

    private async Task<ThresholdFiring?> EvaluateAsync(ThresholdRule rule, Scoped scoped, string? categoryName, CancellationToken ct)
    {
        var now = site.UtcNow;
        if (ThresholdWindow.IsQuiet(rule.Window, now, lastFirings.Find(rule.Id, scoped.Key)))
        {
            return null; // fired within the window, as this instance knows without asking: nothing to count until it has passed
        }
        var previous = await db.ThresholdFirings.AsNoTracking().Where(f => f.RuleId == rule.Id && f.ScopeKey == scoped.Key)
            .Select(f => new { f.Sequence, f.FiredAt }).ToListAsync(ct);
        var last = previous.MaxBy(f => f.Sequence);
        if (last is not null)
        {
            lastFirings.Saw(rule.Id, scoped.Key, last.FiredAt);
        }
        if (ThresholdWindow.IsQuiet(rule.Window, now, last?.FiredAt))
        {
            return null; // fired within the window: nothing to count until it has passed
        }
        var from = now - rule.Window;
        var orders = await scoped.Orders().Where(o => o.ReceivedAt > from && o.ReceivedAt <= now)
            .Select(o => new { o.Id, o.Number, o.ReceivedAt, o.BuildingId }).ToListAsync(ct);
        var triggering = ThresholdWindow.Triggering(orders.Select(o => new CountedOrder(o.Id, o.ReceivedAt)), rule.MinCount, rule.Window, now, last?.FiredAt);
        if (triggering is null)
        {
            return null;
        }
        var sequence = (last?.Sequence ?? 0) + 1;
        var numbers = orders.Where(o => triggering.Any(t => t.Id == o.Id)).OrderBy(o => o.ReceivedAt).Select(o => o.Number).ToList();
        var actions = new List<string>();
        var buildingId = scoped.BuildingId ?? orders.Where(o => o.BuildingId != null).OrderByDescending(o => o.ReceivedAt).Select(o => o.BuildingId).FirstOrDefault();

        Guid? workOrderId = null;
        if (rule.OrderTarget != ThresholdOrderTarget.None)
        {
            workOrderId = await OpenOrderAsync(rule, scoped, sequence, buildingId, categoryName, numbers, actions, ct);
        }

        var recipients = await RecipientsAsync(rule, scoped, ct);
        if (recipients.Count > 0)
        {
            actions.Add(NotificationTexts.Format("Threshold.ActionNotified", recipients.Count));
        }
        var firing = new ThresholdFiring
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            RuleId = rule.Id,
            ScopeKey = scoped.Key,
            ScopeName = scoped.Name.Length > 200 ? scoped.Name[..200] : scoped.Name,
            Sequence = sequence,
            FiredAt = now,
            OrderCount = triggering.Count,
            OrderIds = string.Join(',', triggering.Take(MaxRecordedOrders).Select(t => t.Id)),
            Actions = string.Join("；", actions),
            WorkOrderId = workOrderId,
        };
        db.ThresholdFirings.Add(firing);
        var body = NotificationTexts.Format("ThresholdAlert.Body", rule.Name, scoped.Name, rule.WindowHours, triggering.Count,
            categoryName ?? NotificationTexts.Get("Threshold.AnyCategory"), string.Join("、", numbers.Take(10)));
        var title = NotificationTexts.Format("ThresholdAlert.Title", scoped.Name);
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = NotificationKind.ThresholdAlert,
                Title = title.Length > Notification.MaxTitleLength ? title[..Notification.MaxTitleLength] : title,
                Body = body.Length > Notification.MaxBodyLength ? body[..Notification.MaxBodyLength] : body,
                WorkOrderId = workOrderId ?? triggering[^1].Id,
                CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance recorded this firing first (unique rule × key × sequence): its record stands.
            db.ChangeTracker.Clear();
            logger.LogInformation("Threshold {RuleId} at {ScopeKey} (#{Sequence}) was recorded by another instance", rule.Id, scoped.Key, sequence);
            return null;
        }
        lastFirings.Saw(rule.Id, scoped.Key, now);
        logger.LogInformation("Threshold {RuleId} fired at {ScopeKey} (#{Sequence}) on {Count} orders", rule.Id, scoped.Key, sequence, triggering.Count);
        return firing;
    }

    /// <summary>
    /// Opens the proactive order (数字督查单) through the one intake, as the system, with an external reference made of the
    /// rule, key and sequence: a retry or a second instance gets the same order back. Then sends it to the rule's unit or
    /// the building's property company when intake's routing did not already.
    /// </summary>
    private async Task<Guid?> OpenOrderAsync(ThresholdRule rule, Scoped scoped, int sequence, Guid? buildingId, string? categoryName,
        List<string> numbers, List<string> actions, CancellationToken ct)
    {
        Guid? target = rule.OrderTarget switch
        {
            ThresholdOrderTarget.Unit => rule.OrderUnitId,
            ThresholdOrderTarget.PropertyCompany => buildingId is { } b
                ? await db.Buildings.AsNoTracking().Where(x => x.Id == b).Select(x => x.PropertyCompanyUnitId).FirstOrDefaultAsync(ct)
                : null,
            ThresholdOrderTarget.OwningGrid or ThresholdOrderTarget.None => null,
        };
        if (rule.OrderTarget is ThresholdOrderTarget.Unit or ThresholdOrderTarget.PropertyCompany && target is null)
        {
            actions.Add(NotificationTexts.Get("Threshold.ActionNoTarget"));
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reference = $"threshold:{rule.Id:N}:{sequence}";
        var request = new SubmitWorkOrderRequest(Channel.Proactive,
            NotificationTexts.Format("Threshold.OrderTitle", rule.Name, scoped.Name),
            NotificationTexts.Format("Threshold.OrderDescription", scoped.Name, rule.WindowHours, numbers.Count,
                categoryName ?? NotificationTexts.Get("Threshold.AnyCategory"), string.Join("、", numbers.Take(20))),
            rule.CategoryId, null, null, buildingId, null, null, null, null, reference, null);
        var submitted = await services.GetRequiredService<SubmitWorkOrderHandler>().HandleAsync(request, null, SystemCaller(), ct);
        if (!submitted.IsSuccess)
        {
            logger.LogWarning("Threshold {RuleId}: the proactive order was refused ({Code})", rule.Id, submitted.Error!.Code);
            actions.Add(NotificationTexts.Get("Threshold.ActionOrderFailed"));
            return null;
        }
        var orderId = submitted.Value.Order.Id;
        if (target is { } unitId)
        {
            var scopedDb = services.GetRequiredService<LinliDbContext>();
            scopedDb.ChangeTracker.Clear();
            var order = await scopedDb.WorkOrders.Include(o => o.History).FirstAsync(o => o.Id == orderId, ct);
            if (order.UnitId != unitId)
            {
                var now = site.UtcNow;
                var deadlines = await services.GetRequiredService<TimeLimits>().ForAsync(order, now, ct);
                var (historyBefore, unitBefore) = (order.History.Count, order.UnitId);
                var sent = order.Status == WorkOrderStatus.Received
                    ? order.Dispatch(unitId, deadlines, ThresholdActor, now, NotificationTexts.Format("Threshold.DispatchComment", rule.Name))
                    : order.Transfer(unitId, NotificationTexts.Format("Threshold.DispatchComment", rule.Name), deadlines, ThresholdActor, now);
                if (sent.IsSuccess)
                {
                    await services.GetRequiredService<WorkOrderNotifier>().AddAsync(order, historyBefore, unitBefore, ct);
                    await scopedDb.SaveChangesAsync(ct);
                }
                else
                {
                    logger.LogWarning("Threshold {RuleId}: order {OrderId} could not be sent to {UnitId} ({Code})", rule.Id, orderId, unitId, sent.Error!.Code);
                }
            }
            actions.Add(NotificationTexts.Format("Threshold.ActionOrderOpened", submitted.Value.Order.Number, (await units.GetAsync(ct)).Find(unitId)?.Name));
        }
        else
        {
            actions.Add(NotificationTexts.Format("Threshold.ActionOrderOpened", submitted.Value.Order.Number, ""));
        }
        return orderId;
    }

    /// <summary>The members of the rule's unit, and the leaders of the order's community (all its members when it names none).</summary>
    private async Task<List<Guid>> RecipientsAsync(ThresholdRule rule, Scoped scoped, CancellationToken ct)
    {
        var users = new List<Guid>();
        if (rule.NotifyUnitId is { } unit)
        {
            users.AddRange(await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == unit).Select(m => m.UserId).ToListAsync(ct));
        }
        if (rule.NotifyCommunityLeaders && scoped.CommunityId is { } community)
        {
            var members = await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == community).Select(m => new { m.UserId, m.IsLeader }).ToListAsync(ct);
            users.AddRange(members.Any(m => m.IsLeader) ? members.Where(m => m.IsLeader).Select(m => m.UserId) : members.Select(m => m.UserId));
        }
        return [.. users.Distinct().Order()];
    }

    /// <summary>The platform itself as the caller of intake: sees everything, reports in the name of 预警阈值.</summary>
    internal static Caller SystemCaller() => new()
    {
        UserId = null,
        Name = ThresholdActor.Name,
        Roles = new HashSet<string> { Roles.Admin },
        UnitIds = new HashSet<Guid>(),
        LeaderUnitIds = new HashSet<Guid>(),
        VisibleUnitIds = new HashSet<Guid>(),
    };
}

/// <summary>
/// The latest firing this instance has seen of each rule at each scope key, so that a key within a whole window of it is
/// known to be quiet without a read (nearly every order at a place that has just fired). Safe across instances: firings
/// are never deleted and each is later than the one before, so a firing recorded elsewhere only makes a key quiet for
/// longer than this memory says, and a key this memory does not call quiet is read from the database as before. The
/// window is the rule's current one. One entry per rule and key that ever fired here.
/// </summary>
public sealed class LastFirings
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid RuleId, string ScopeKey), DateTime> _firedAt = new();

    public DateTime? Find(Guid ruleId, string scopeKey) => _firedAt.TryGetValue((ruleId, scopeKey), out var at) ? at : null;

    public void Saw(Guid ruleId, string scopeKey, DateTime firedAt) =>
        _firedAt.AddOrUpdate((ruleId, scopeKey), firedAt, (_, known) => known > firedAt ? known : firedAt);
}

using Linli.Domain.Common;

namespace Linli.Domain.Prevention;

/// <summary>Which place the orders of a threshold are counted per.</summary>
public enum ThresholdScope
{
    /// <summary>楼栋: per building.</summary>
    Building,
    /// <summary>小区: per compound (all its buildings).</summary>
    Compound,
    /// <summary>网格: per level-3 grid.</summary>
    Grid,
    /// <summary>社区: per community.</summary>
    Community,
}

/// <summary>Who receives the work order a firing opens (channel Proactive).</summary>
public enum ThresholdOrderTarget
{
    None,
    /// <summary>A fixed unit (<see cref="ThresholdRule.OrderUnitId"/>).</summary>
    Unit,
    /// <summary>The property company of the building (or of the compound's first building); skipped when it has none.</summary>
    PropertyCompany,
    /// <summary>Routed like any other order: the grid that owns the place.</summary>
    OwningGrid,
}

public static class ThresholdErrors
{
    public static readonly Error NotFound = Error.NotFound("Threshold.NotFound");
    public static readonly Error Invalid = Error.Validation("Threshold.Invalid");
    public static readonly Error UnitRequired = Error.Validation("Threshold.UnitRequired");
}

/// <summary>The editable part of a rule, as an administrator writes it.</summary>
public sealed record ThresholdRuleSpec(
    string Name,
    ThresholdScope Scope,
    Guid? CategoryId,
    bool IncludeSubcategories,
    int MinCount,
    int WindowHours,
    Guid? NotifyUnitId,
    bool NotifyCommunityLeaders,
    ThresholdOrderTarget OrderTarget,
    Guid? OrderUnitId,
    bool RaiseUrgency,
    bool IsActive);

/// <summary>
/// 预警阈值和处置方案: "<see cref="MinCount"/> or more orders (of a category) per <see cref="Scope"/> within
/// <see cref="WindowHours"/> → notify, open a proactive order, raise urgency". Fires at most once per window and scope key.
/// </summary>
public sealed class ThresholdRule
{
    public const int MaxNameLength = 100;

    private ThresholdRule()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public ThresholdScope Scope { get; private set; }
    public Guid? CategoryId { get; private set; }
    public bool IncludeSubcategories { get; private set; }
    public int MinCount { get; private set; }
    public int WindowHours { get; private set; }
    public Guid? NotifyUnitId { get; private set; }
    public bool NotifyCommunityLeaders { get; private set; }
    public ThresholdOrderTarget OrderTarget { get; private set; }
    public Guid? OrderUnitId { get; private set; }
    public bool RaiseUrgency { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    /// <param name="spec">The rule as written.</param>
    /// <param name="at">Now.</param>
    /// <param name="id">A fixed id (demo data); a new version-7 id otherwise.</param>
    public static Result<ThresholdRule> Create(ThresholdRuleSpec spec, DateTime at, Guid? id = null)
    {
        var rule = new ThresholdRule { Id = id ?? Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)), CreatedAt = at };
        var applied = rule.Apply(spec, at);
        return applied.IsSuccess ? rule : applied.Error!;
    }

    public Result<Done> Update(ThresholdRuleSpec spec, DateTime at)
    {
        var applied = Apply(spec, at);
        if (applied.IsSuccess)
        {
            Version++;
        }
        return applied;
    }

    private Result<Done> Apply(ThresholdRuleSpec spec, DateTime at)
    {
        var name = spec.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || spec.MinCount is < 1 or > 10_000
            || spec.WindowHours is < 1 or > 24 * 366 || !Enum.IsDefined(spec.Scope) || !Enum.IsDefined(spec.OrderTarget))
        {
            return ThresholdErrors.Invalid;
        }
        if (spec.OrderTarget == ThresholdOrderTarget.Unit && spec.OrderUnitId is null)
        {
            return ThresholdErrors.UnitRequired;
        }
        Name = name;
        Scope = spec.Scope;
        CategoryId = spec.CategoryId;
        IncludeSubcategories = spec.IncludeSubcategories;
        MinCount = spec.MinCount;
        WindowHours = spec.WindowHours;
        NotifyUnitId = spec.NotifyUnitId;
        NotifyCommunityLeaders = spec.NotifyCommunityLeaders;
        OrderTarget = spec.OrderTarget;
        OrderUnitId = spec.OrderTarget == ThresholdOrderTarget.Unit ? spec.OrderUnitId : null;
        RaiseUrgency = spec.RaiseUrgency;
        IsActive = spec.IsActive;
        UpdatedAt = at;
        return new Done();
    }
}

/// <summary>An order counted by a threshold: its id and when it was received.</summary>
public sealed record CountedOrder(Guid Id, DateTime ReceivedAt);

/// <summary>The sliding-window rule of thresholds, apart from any storage so that it can be tested on its own.</summary>
public static class ThresholdWindow
{
    /// <summary>
    /// The orders that make the rule fire now for one scope key, or null. Counted: orders received in
    /// (now − window, now]. A key that fired is quiet until a whole window has passed since its last firing, so the
    /// orders of the next firing are all new ones.
    /// </summary>
    public static IReadOnlyList<CountedOrder>? Triggering(IEnumerable<CountedOrder> orders, int minCount, TimeSpan window, DateTime now, DateTime? lastFiredAt)
    {
        if (IsQuiet(window, now, lastFiredAt))
        {
            return null;
        }
        var from = now - window;
        var inWindow = orders.Where(o => o.ReceivedAt > from && o.ReceivedAt <= now && (lastFiredAt is null || o.ReceivedAt > lastFiredAt))
            .OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id)
            .ToList();
        return inWindow.Count >= minCount ? inWindow : null;
    }

    /// <summary>Whether a key that fired is still within a whole window of its last firing, when nothing can fire: no need to count.</summary>
    public static bool IsQuiet(TimeSpan window, DateTime now, DateTime? lastFiredAt) => lastFiredAt is { } last && now - last < window;
}

using Linli.Domain.Common;

namespace Linli.Domain.Grids;

/// <summary>Where a routing rule sends an order.</summary>
public enum RoutingTargetKind
{
    /// <summary>A fixed unit, e.g. 街道城管执法队.</summary>
    Unit,
    /// <summary>The unit of the grid the order was located in (the grid team of a level-3 grid).</summary>
    GridUnit,
    /// <summary>The property company of the compound of the order's building.</summary>
    PropertyCompany,
}

/// <summary>
/// 分拨规则: grid (or any place) × category (or any category) → target, in the spirit of FixMyStreet's area × category → body.
/// A rule on a grid also covers the grids below it; a rule on a category also covers its subcategories. Which rule wins is
/// decided by <see cref="RoutingTable"/>: deeper grid, then deeper category, then higher priority.
/// </summary>
public sealed class RoutingRule
{
    public const int MaxNameLength = 64;

    private RoutingRule()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The grid the rule covers (with its descendants); null = anywhere.</summary>
    public Guid? GridId { get; private set; }

    /// <summary>The category the rule covers (with its subcategories); null = any category.</summary>
    public Guid? CategoryId { get; private set; }

    public RoutingTargetKind TargetKind { get; private set; }

    /// <summary>The unit of a <see cref="RoutingTargetKind.Unit"/> rule; null for the other kinds.</summary>
    public Guid? TargetUnitId { get; private set; }

    /// <summary>Breaks ties between equally specific rules: higher wins.</summary>
    public int Priority { get; private set; }

    public bool IsEnabled { get; private set; }
    public int Version { get; private set; }

    public static Result<RoutingRule> Create(Guid id, RoutingRuleSpec spec)
    {
        var rule = new RoutingRule { Id = id, Name = "" };
        var applied = rule.Apply(spec);
        return applied.IsSuccess ? rule : applied.Error!;
    }

    public Result<Done> Update(RoutingRuleSpec spec)
    {
        var applied = Apply(spec);
        if (applied.IsSuccess)
        {
            Version++;
        }
        return applied;
    }

    private Result<Done> Apply(RoutingRuleSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Trim().Length > MaxNameLength
            || (spec.TargetKind == RoutingTargetKind.Unit) != (spec.TargetUnitId is not null)
            || !Enum.IsDefined(spec.TargetKind))
        {
            return GridErrors.RuleInvalid;
        }
        Name = spec.Name.Trim();
        GridId = spec.GridId;
        CategoryId = spec.CategoryId;
        TargetKind = spec.TargetKind;
        TargetUnitId = spec.TargetUnitId;
        Priority = spec.Priority;
        IsEnabled = spec.IsEnabled;
        return new Done();
    }
}

/// <summary>What an administrator says a rule is.</summary>
public sealed record RoutingRuleSpec(string? Name, Guid? GridId, Guid? CategoryId, RoutingTargetKind TargetKind, Guid? TargetUnitId, int Priority, bool IsEnabled);

using Linli.Domain.Prevention;

namespace Linli.Web.Features.Prevention;

/// <summary>
/// One firing of a threshold for one scope key (a building, compound, grid or community). <see cref="Sequence"/> counts
/// the firings of that rule and key; the unique index on (rule, key, sequence) lets only one instance record a firing
/// when several evaluate at once.
/// </summary>
public sealed class ThresholdFiring
{
    public Guid Id { get; set; }
    public Guid RuleId { get; set; }
    public string ScopeKey { get; set; } = "";
    public string ScopeName { get; set; } = "";
    public int Sequence { get; set; }
    public DateTime FiredAt { get; set; }
    public int OrderCount { get; set; }

    /// <summary>The orders that made it fire, comma-separated (at most 100).</summary>
    public string OrderIds { get; set; } = "";

    /// <summary>What was done, in words for the administrator (notified, order opened, urgency raised).</summary>
    public string Actions { get; set; } = "";

    /// <summary>The proactive order the firing opened, if any.</summary>
    public Guid? WorkOrderId { get; set; }
}

public enum ProposalStatus
{
    Pending,
    Confirmed,
    Dismissed,
}

/// <summary>
/// 未诉先办: a red-graded grid-week proposes a proactive order to the grid; a leader confirms (the order is created
/// through intake) or dismisses it. One proposal per grid and week.
/// </summary>
public sealed class ProactiveProposal
{
    public Guid Id { get; set; }
    public Guid GridUnitId { get; set; }
    public Guid? CategoryId { get; set; }
    public string Week { get; set; } = "";
    public RiskGrade Grade { get; set; }
    public int Observed { get; set; }
    public double Expected { get; set; }
    public double PValue { get; set; }
    public string Reason { get; set; } = "";
    public ProposalStatus Status { get; set; }
    public Guid? WorkOrderId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public int Version { get; set; }
}

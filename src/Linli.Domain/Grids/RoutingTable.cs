namespace Linli.Domain.Grids;

/// <summary>
/// What routing knows about an order: the grids of its place (the located grid first, then its ancestors up to the street),
/// its category and that category's ancestors (most specific first), and what the "grid unit" and "property company"
/// targets resolve to there.
/// </summary>
public sealed record RoutingContext(
    IReadOnlyList<Guid> GridPath,
    IReadOnlyList<Guid> CategoryPath,
    Guid? GridUnitId,
    Guid? PropertyCompanyUnitId,
    Func<Guid, bool> UnitIsActive);

/// <summary>Why a rule was or was not chosen.</summary>
public enum RuleVerdict
{
    /// <summary>The most specific matching rule whose target exists: the order goes there.</summary>
    Chosen,
    /// <summary>Matches, but a more specific (or higher-priority) rule was chosen.</summary>
    Outranked,
    /// <summary>Switched off by an administrator.</summary>
    Disabled,
    /// <summary>The rule's grid is neither the order's grid nor one of its ancestors.</summary>
    GridNotOnPath,
    /// <summary>The rule's category is neither the order's category nor one of its parents (or the order has none).</summary>
    CategoryNotOnPath,
    /// <summary>Targets the grid's unit, but the order is not located in a grid.</summary>
    NoGridUnit,
    /// <summary>Targets the compound's property company, but the place has no building with one.</summary>
    NoPropertyCompany,
    /// <summary>Targets a unit that is retired.</summary>
    TargetInactive,
}

/// <summary>One rule as the decision saw it. Ranks are distances: 0 = the order's own grid or category; null = "any".</summary>
public sealed record RuleCandidate(RoutingRule Rule, RuleVerdict Verdict, int? GridRank, int? CategoryRank, Guid? TargetUnitId);

/// <summary>The chosen rule and unit (null: no rule applies, the order waits in the dispatcher's triage queue), and every candidate in order.</summary>
public sealed record RoutingDecision(RoutingRule? Rule, Guid? UnitId, IReadOnlyList<RuleCandidate> Candidates);

/// <summary>
/// The precedence of routing rules (docs/adr/0009). Among the enabled rules whose grid and category both cover the order:
/// <list type="number">
/// <item>a rule on a deeper grid beats a rule on an ancestor grid, which beats a rule for anywhere;</item>
/// <item>then a rule on the order's own category beats one on a parent category, which beats one for any category;</item>
/// <item>then the higher priority wins; then the name and the id, so that the answer never depends on storage order.</item>
/// </list>
/// The first rule in that order whose target resolves is chosen; a rule whose target cannot be resolved at this place
/// (no building with a property company, no grid) is passed over for the next. No rule → triage.
/// </summary>
public static class RoutingTable
{
    public static RoutingDecision Decide(IEnumerable<RoutingRule> rules, RoutingContext context)
    {
        var matching = new List<(RoutingRule Rule, int GridRank, int CategoryRank)>();
        var rejected = new List<RuleCandidate>();
        foreach (var rule in rules)
        {
            var gridRank = Rank(rule.GridId, context.GridPath);
            var categoryRank = Rank(rule.CategoryId, context.CategoryPath);
            if (!rule.IsEnabled)
            {
                rejected.Add(new RuleCandidate(rule, RuleVerdict.Disabled, Shown(gridRank, rule.GridId), Shown(categoryRank, rule.CategoryId), null));
            }
            else if (gridRank is null)
            {
                rejected.Add(new RuleCandidate(rule, RuleVerdict.GridNotOnPath, null, Shown(categoryRank, rule.CategoryId), null));
            }
            else if (categoryRank is null)
            {
                rejected.Add(new RuleCandidate(rule, RuleVerdict.CategoryNotOnPath, Shown(gridRank, rule.GridId), null, null));
            }
            else
            {
                matching.Add((rule, gridRank.Value, categoryRank.Value));
            }
        }

        var ordered = matching
            .OrderBy(m => m.GridRank)
            .ThenBy(m => m.CategoryRank)
            .ThenByDescending(m => m.Rule.Priority)
            .ThenBy(m => m.Rule.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Rule.Id)
            .ToList();

        var candidates = new List<RuleCandidate>(ordered.Count + rejected.Count);
        RoutingRule? chosen = null;
        Guid? unit = null;
        foreach (var (rule, gridRank, categoryRank) in ordered)
        {
            var shownGrid = Shown(gridRank, rule.GridId);
            var shownCategory = Shown(categoryRank, rule.CategoryId);
            if (chosen is not null)
            {
                candidates.Add(new RuleCandidate(rule, RuleVerdict.Outranked, shownGrid, shownCategory, Target(rule, context)));
                continue;
            }
            var target = Target(rule, context);
            var verdict = target switch
            {
                null => rule.TargetKind switch
                {
                    RoutingTargetKind.GridUnit => RuleVerdict.NoGridUnit,
                    RoutingTargetKind.PropertyCompany => RuleVerdict.NoPropertyCompany,
                    RoutingTargetKind.Unit => RuleVerdict.TargetInactive,
                },
                { } id when !context.UnitIsActive(id) => RuleVerdict.TargetInactive,
                _ => RuleVerdict.Chosen,
            };
            if (verdict == RuleVerdict.Chosen)
            {
                chosen = rule;
                unit = target;
            }
            candidates.Add(new RuleCandidate(rule, verdict, shownGrid, shownCategory, target));
        }
        candidates.AddRange(rejected.OrderBy(c => c.Rule.Name, StringComparer.Ordinal).ThenBy(c => c.Rule.Id));
        return new RoutingDecision(chosen, unit, candidates);
    }

    private static Guid? Target(RoutingRule rule, RoutingContext context) => rule.TargetKind switch
    {
        RoutingTargetKind.Unit => rule.TargetUnitId,
        RoutingTargetKind.GridUnit => context.GridUnitId,
        RoutingTargetKind.PropertyCompany => context.PropertyCompanyUnitId,
    };

    /// <summary>0 for the first element of the path, 1 for its parent ...; "any" ranks after every element; null when not on the path.</summary>
    private static int? Rank(Guid? id, IReadOnlyList<Guid> path)
    {
        if (id is null)
        {
            return path.Count + 1000;
        }
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] == id)
            {
                return i;
            }
        }
        return null;
    }

    private static int? Shown(int? rank, Guid? id) => id is null ? null : rank;
}

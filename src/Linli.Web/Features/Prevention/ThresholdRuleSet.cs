using Linli.Domain.Prevention;
using Linli.Web.Features.Categories;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Prevention;

/// <summary>An active threshold rule with the categories it counts, worked out once per snapshot rather than per order.</summary>
public sealed class ActiveThresholdRule
{
    private readonly HashSet<Guid>? _categories;

    public ActiveThresholdRule(ThresholdRule rule, IReadOnlyList<Guid>? categoryIds, string? categoryName)
    {
        Rule = rule;
        CategoryIds = categoryIds;
        CategoryName = categoryName;
        _categories = categoryIds?.ToHashSet();
    }

    public ThresholdRule Rule { get; }

    /// <summary>The rule's category and, when it includes subcategories, every category below it; null when the rule counts all orders.</summary>
    public IReadOnlyList<Guid>? CategoryIds { get; }

    public string? CategoryName { get; }

    /// <summary>Whether an order of this category is counted by the rule.</summary>
    public bool Matches(Guid? categoryId) => _categories is null || (categoryId is { } id && _categories.Contains(id));
}

/// <summary>
/// The active threshold rules in memory, so that intake knows without a query whether a new order can make any rule fire
/// (see <see cref="ReferenceSnapshot{T}"/>). Their category sets are worked out from the current <see cref="CategoryCatalog"/>
/// and kept until either the rules or the taxonomy change: a taxonomy change costs a recomputation, not a reload.
/// </summary>
public sealed class ThresholdRuleSet(IServiceScopeFactory scopes, TimeProvider clock, CategoryCatalog catalog)
    : ReferenceSnapshot<IReadOnlyList<ThresholdRule>>(scopes, clock)
{
    private Composed? _composed;

    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(ThresholdRule)];

    /// <summary>The active rules, ordered by id, with their category sets.</summary>
    public async Task<IReadOnlyList<ActiveThresholdRule>> ActiveAsync(CancellationToken ct)
    {
        var rules = await GetAsync(ct);
        var taxonomy = await catalog.GetAsync(ct);
        var composed = _composed;
        if (composed is null || !ReferenceEquals(composed.Rules, rules) || !ReferenceEquals(composed.Taxonomy, taxonomy))
        {
            composed = _composed = new Composed(rules, taxonomy, [.. rules.Select(r => new ActiveThresholdRule(r,
                r.CategoryId is { } root ? (r.IncludeSubcategories ? taxonomy.SelfAndDescendants(root) : [root]) : null,
                r.CategoryId is { } category ? taxonomy.Find(category)?.Name : null))]);
        }
        return composed.Active;
    }

    protected override async Task<IReadOnlyList<ThresholdRule>> LoadAsync(LinliDbContext db, CancellationToken ct) =>
        [.. (await db.ThresholdRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct)).OrderBy(r => r.Id)];

    private sealed record Composed(IReadOnlyList<ThresholdRule> Rules, CategoryCatalog.Snapshot Taxonomy, IReadOnlyList<ActiveThresholdRule> Active);
}

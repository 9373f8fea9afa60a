using Linli.Domain.Categories;
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
/// (see <see cref="ReferenceSnapshot{T}"/>). The category sets come from <see cref="CategoryCatalog"/>.
/// </summary>
public sealed class ThresholdRuleSet(IServiceScopeFactory scopes, TimeProvider clock, CategoryCatalog catalog)
    : ReferenceSnapshot<ThresholdRuleSet.Snapshot>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(ThresholdRule), typeof(Category)];

    /// <summary>The active rules, ordered by id.</summary>
    public async Task<IReadOnlyList<ActiveThresholdRule>> ActiveAsync(CancellationToken ct)
    {
        var taxonomy = await catalog.GetAsync(ct);
        var snapshot = await GetAsync(ct);
        if (!ReferenceEquals(snapshot.Taxonomy, taxonomy))
        {
            // Built from an older taxonomy (the catalog was rebuilt since): the category sets may be out of date.
            Invalidate();
            snapshot = await GetAsync(ct);
        }
        return snapshot.Rules;
    }

    protected override async Task<Snapshot> LoadAsync(LinliDbContext db, CancellationToken ct)
    {
        var taxonomy = await catalog.GetAsync(ct);
        var rules = await db.ThresholdRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        return new Snapshot([.. rules.OrderBy(r => r.Id).Select(r => new ActiveThresholdRule(r,
            r.CategoryId is { } root ? (r.IncludeSubcategories ? taxonomy.SelfAndDescendants(root) : [root]) : null,
            r.CategoryId is { } category ? taxonomy.Find(category)?.Name : null))], taxonomy);
    }

    /// <summary>The rules, and the taxonomy their category sets were computed from.</summary>
    public sealed record Snapshot(IReadOnlyList<ActiveThresholdRule> Rules, CategoryCatalog.Snapshot Taxonomy);
}

using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

/// <summary>A category's active keywords, split once; what classifies while the site has no model (cold start).</summary>
public sealed record CategoryKeywords(Guid CategoryId, IReadOnlyList<string> Keywords);

/// <summary>The active keyword rules in memory (see <see cref="ReferenceSnapshot{T}"/>).</summary>
public sealed class KeywordRuleSet(IServiceScopeFactory scopes, TimeProvider clock) : ReferenceSnapshot<IReadOnlyList<CategoryKeywords>>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(KeywordRule)];

    protected override async Task<IReadOnlyList<CategoryKeywords>> LoadAsync(LinliDbContext db, CancellationToken ct) =>
        [.. (await db.KeywordRules.AsNoTracking().Where(r => r.IsActive).Select(r => new { r.CategoryId, r.Keywords }).ToListAsync(ct))
            .Select(r => new CategoryKeywords(r.CategoryId, [.. SuggestCategoryHandler.SplitKeywords(r.Keywords)]))];
}

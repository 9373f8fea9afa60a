using Linli.Domain.Grids;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dispatch;

/// <summary>Every routing rule in memory for the planner (a site has tens to hundreds); see <see cref="ReferenceSnapshot{T}"/>.</summary>
public sealed class RoutingRuleSet(IServiceScopeFactory scopes, TimeProvider clock) : ReferenceSnapshot<IReadOnlyList<RoutingRule>>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(RoutingRule)];

    protected override async Task<IReadOnlyList<RoutingRule>> LoadAsync(LinliDbContext db, CancellationToken ct) =>
        await db.RoutingRules.AsNoTracking().ToListAsync(ct);
}

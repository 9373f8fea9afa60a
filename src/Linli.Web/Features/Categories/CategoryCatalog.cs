using Linli.Domain.Categories;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Categories;

public sealed record CategoryNode(Guid Id, string Code, string Name, Guid? ParentId, int Level, bool IsActive);

/// <summary>
/// The whole taxonomy in memory (a site has hundreds of categories): names, parents and descendants for intake,
/// classification, routing and thresholds without a query (see <see cref="ReferenceSnapshot{T}"/>).
/// </summary>
public sealed class CategoryCatalog(IServiceScopeFactory scopes, TimeProvider clock) : ReferenceSnapshot<CategoryCatalog.Snapshot>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(Category)];

    /// <summary>
    /// The category, or null when there is none with this id. A miss is checked against the database once, so that a
    /// category added on another instance a moment ago is found (and the snapshot rebuilt).
    /// </summary>
    public async Task<CategoryNode?> FindAsync(Guid id, CancellationToken ct)
    {
        if ((await GetAsync(ct)).Find(id) is { } found)
        {
            return found;
        }
        using var scope = Scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        if (!await db.Categories.AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }
        Invalidate();
        return (await GetAsync(ct)).Find(id);
    }

    /// <summary>Whether the id names an active category.</summary>
    public async Task<bool> IsActiveAsync(Guid id, CancellationToken ct) => (await FindAsync(id, ct))?.IsActive == true;

    protected override async Task<Snapshot> LoadAsync(LinliDbContext db, CancellationToken ct) =>
        new(await db.Categories.AsNoTracking()
            .Select(c => new CategoryNode(c.Id, c.Code, c.Name, c.ParentId, c.Level, c.IsActive))
            .ToListAsync(ct));

    public sealed class Snapshot
    {
        private readonly Dictionary<Guid, CategoryNode> _byId;
        private readonly ILookup<Guid?, CategoryNode> _children;

        public Snapshot(IReadOnlyList<CategoryNode> nodes)
        {
            _byId = nodes.ToDictionary(n => n.Id);
            _children = nodes.ToLookup(n => n.ParentId);
        }

        public CategoryNode? Find(Guid id) => _byId.GetValueOrDefault(id);

        /// <summary>The category and its parents, most specific first (empty for an unknown id).</summary>
        public IReadOnlyList<Guid> PathOf(Guid? id)
        {
            var path = new List<Guid>();
            for (var current = id is { } start ? Find(start) : null; current is not null && !path.Contains(current.Id);
                current = current.ParentId is { } parent ? Find(parent) : null)
            {
                path.Add(current.Id);
            }
            return path;
        }

        /// <summary>The category and every category below it.</summary>
        public IReadOnlyList<Guid> SelfAndDescendants(Guid id)
        {
            var set = new List<Guid> { id };
            for (var i = 0; i < set.Count; i++)
            {
                set.AddRange(_children[set[i]].Select(c => c.Id).Where(c => !set.Contains(c)));
            }
            return set;
        }
    }
}

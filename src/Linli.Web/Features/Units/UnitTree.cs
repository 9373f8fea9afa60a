using Linli.Domain.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Units;

/// <summary>One node of the cached unit tree.</summary>
public sealed record UnitNode(Guid Id, string Code, string Name, UnitKind Kind, int? GridLevel, Guid? ParentId, bool IsActive);

/// <summary>
/// The unit tree held in memory (a district has at most a few thousand units), refreshed every 30 seconds and at once
/// after a change on this instance. Scoping asks it "which units are below these?" without a recursive query per request.
/// </summary>
public sealed class UnitTree(IServiceScopeFactory scopes, TimeProvider clock) : ReferenceSnapshot<UnitTree.Snapshot>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(Unit)];

    protected override async Task<Snapshot> LoadAsync(LinliDbContext db, CancellationToken ct)
    {
        var nodes = await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.Code, u.Name, u.Kind, u.GridLevel, u.ParentId, u.IsActive))
            .ToListAsync(ct);
        return new Snapshot(nodes);
    }

    public sealed class Snapshot
    {
        private readonly Dictionary<Guid, UnitNode> _byId;
        private readonly ILookup<Guid?, UnitNode> _children;

        public Snapshot(IReadOnlyList<UnitNode> nodes)
        {
            _byId = nodes.ToDictionary(n => n.Id);
            _children = nodes.ToLookup(n => n.ParentId);
        }

        public IEnumerable<UnitNode> All => _byId.Values;

        public UnitNode? Find(Guid id) => _byId.GetValueOrDefault(id);

        public UnitNode? ParentOf(Guid id) => Find(id)?.ParentId is { } parent ? Find(parent) : null;

        /// <summary>The units themselves and everything below them.</summary>
        public HashSet<Guid> Subtree(IEnumerable<Guid> roots)
        {
            var result = new HashSet<Guid>();
            var stack = new Stack<Guid>(roots);
            while (stack.TryPop(out var id))
            {
                if (result.Add(id))
                {
                    foreach (var child in _children[id])
                    {
                        stack.Push(child.Id);
                    }
                }
            }
            return result;
        }

        /// <summary>The unit and its ancestors, nearest first.</summary>
        public IEnumerable<UnitNode> AncestorsAndSelf(Guid id)
        {
            for (var node = Find(id); node is not null; node = node.ParentId is { } p ? Find(p) : null)
            {
                yield return node;
            }
        }

        /// <summary>The first street unit: where an order without a known place belongs until someone locates it.</summary>
        public UnitNode? DefaultArea => _byId.Values.Where(n => n.Kind == UnitKind.Street && n.IsActive).MinBy(n => n.Code);
    }
}

using Linli.Domain.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Accounts;

/// <summary>A channel API key that may be used: what a request signed with it acts as.</summary>
public sealed record ChannelKeyEntry(Guid Id, string Name, Channel Channel, Guid? AreaUnitId);

/// <summary>
/// The channel API keys that are not revoked, by the hash of the key, so that a channel's requests are authenticated
/// without a query (see <see cref="ReferenceSnapshot{T}"/>). Revoking a key on this instance saves it through EF, which
/// rebuilds the ring before the next request; another instance stops accepting it within the snapshot's age.
/// </summary>
public sealed class ChannelKeyRing(IServiceScopeFactory scopes, TimeProvider clock)
    : ReferenceSnapshot<IReadOnlyDictionary<string, ChannelKeyEntry>>(scopes, clock)
{
    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(ChannelApiKey)];

    /// <summary>
    /// The usable key with this hash, or null. A miss is checked against the database once, so that a key created on
    /// another instance a moment ago is accepted at once (and the ring rebuilt for the next request).
    /// </summary>
    public async Task<ChannelKeyEntry?> FindAsync(string keyHash, CancellationToken ct)
    {
        if ((await GetAsync(ct)).TryGetValue(keyHash, out var found))
        {
            return found;
        }
        using var scope = Scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        var stored = await db.ChannelApiKeys.AsNoTracking().Where(k => k.KeyHash == keyHash && k.RevokedAt == null)
            .Select(k => new ChannelKeyEntry(k.Id, k.Name, k.Channel, k.AreaUnitId)).FirstOrDefaultAsync(ct);
        if (stored is not null)
        {
            Invalidate();
        }
        return stored;
    }

    protected override async Task<IReadOnlyDictionary<string, ChannelKeyEntry>> LoadAsync(LinliDbContext db, CancellationToken ct) =>
        await db.ChannelApiKeys.AsNoTracking().Where(k => k.RevokedAt == null)
            .ToDictionaryAsync(k => k.KeyHash, k => new ChannelKeyEntry(k.Id, k.Name, k.Channel, k.AreaUnitId), StringComparer.Ordinal, ct);
}

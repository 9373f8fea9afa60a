using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Linli.Web.Infrastructure;

/// <summary>A cache of reference data that is told when the rows it was built from change.</summary>
public interface IReferenceSnapshot
{
    /// <summary>Whether a change to rows of this entity type makes the snapshot stale.</summary>
    bool Watches(Type entityType);

    void Invalidate();
}

/// <summary>
/// Reference data (categories, routing rules, keyword rules, threshold rules, channel keys, the unit tree, the grid map)
/// kept whole in memory so that the hot paths (intake above all) do not read it on every request. Loaded on first use and
/// at once after this instance saves a change to a watched entity (<see cref="ReferenceChangeInterceptor"/>, or an explicit
/// <see cref="Invalidate"/>): the next caller waits for the reload, so an edit is visible to the request after it. Older
/// than <see cref="MaxAge"/> (to pick up edits made on another instance), it is reloaded in the background while callers
/// go on with the one they have, so no request stalls on the periodic reload. docs/adr/0012-reference-data-snapshots.md.
/// </summary>
public abstract class ReferenceSnapshot<T>(IServiceScopeFactory scopes, TimeProvider clock) : IReferenceSnapshot, IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _entry;
    private int _generation;
    private int _refreshing;

    protected virtual TimeSpan MaxAge => TimeSpan.FromSeconds(30);

    protected TimeProvider Clock => clock;

    protected IServiceScopeFactory Scopes => scopes;

    /// <summary>The entity types the snapshot is built from.</summary>
    protected abstract IReadOnlyCollection<Type> Sources { get; }

    public bool Watches(Type entityType) => Sources.Contains(entityType);

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose()
    {
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var entry = _entry;
        if (entry is not null && entry.Generation == Volatile.Read(ref _generation))
        {
            if (clock.GetUtcNow() - entry.LoadedAt >= MaxAge)
            {
                RefreshInBackground();
            }
            return entry.Value;
        }
        return await LoadAsync(stale: entry, ct);
    }

    protected abstract Task<T> LoadAsync(LinliDbContext db, CancellationToken ct);

    private async Task<T> LoadAsync(Entry? stale, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_entry is { } current && !ReferenceEquals(current, stale) && current.Generation == Volatile.Read(ref _generation))
            {
                return current.Value; // another caller reloaded it meanwhile
            }
            // Read the generation before loading: a change saved while we load leaves this entry stale at once.
            var generation = Volatile.Read(ref _generation);
            using var scope = scopes.CreateScope();
            var fresh = await LoadAsync(scope.ServiceProvider.GetRequiredService<LinliDbContext>(), ct);
            _entry = new Entry(fresh, generation, clock.GetUtcNow());
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RefreshInBackground()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(stale: _entry, CancellationToken.None);
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The host is stopping or the database is away: callers keep the snapshot they have; the next one retries.
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private sealed record Entry(T Value, int Generation, DateTimeOffset LoadedAt);
}

/// <summary>
/// Invalidates the reference snapshots whose rows a <c>SaveChanges</c> of this instance touched, once the change is
/// visible to others: right after the save, or at the commit of the explicit transaction it ran in.
/// (Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass it; no reference data is written that way.)
/// </summary>
public sealed class ReferenceChangeInterceptor(IEnumerable<IReferenceSnapshot> snapshots) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly IReferenceSnapshot[] _snapshots = [.. snapshots];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Invalidate(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Invalidate(eventData.Context, force: true);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData.Context, force: true);
        return Task.CompletedTask;
    }

    private void Remember(DbContextEventData eventData)
    {
        if (eventData.Context is not LinliDbContext db)
        {
            return;
        }
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Modified
                or Microsoft.EntityFrameworkCore.EntityState.Deleted)
            {
                foreach (var snapshot in _snapshots)
                {
                    if (snapshot.Watches(entry.Metadata.ClrType))
                    {
                        (db.PendingReferenceChanges ??= []).Add(snapshot);
                    }
                }
            }
        }
    }

    private static void Invalidate(DbContextEventData eventData) => Invalidate(eventData.Context, force: false);

    private static void Invalidate(Microsoft.EntityFrameworkCore.DbContext? context, bool force)
    {
        // Inside an explicit transaction the rows are not visible to other connections until it commits.
        if (context is LinliDbContext { PendingReferenceChanges: { } changed } db && (force || db.Database.CurrentTransaction is null))
        {
            foreach (var snapshot in changed)
            {
                snapshot.Invalidate();
            }
            db.PendingReferenceChanges = null;
        }
    }
}

public static class ReferenceSnapshotSetup
{
    /// <summary>Registers a snapshot as a singleton that the <see cref="ReferenceChangeInterceptor"/> keeps current.</summary>
    public static IServiceCollection AddReferenceSnapshot<T>(this IServiceCollection services)
        where T : class, IReferenceSnapshot
    {
        services.AddSingleton<T>();
        services.AddSingleton<IReferenceSnapshot>(provider => provider.GetRequiredService<T>());
        return services;
    }
}

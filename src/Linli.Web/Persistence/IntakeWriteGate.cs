using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Persistence;

/// <summary>
/// Serializes the intakes that could be reports of one incident, for the short moment of their duplicate check and write,
/// so that the check of the second report sees the first.
/// <list type="bullet">
/// <item>On embedded SQLite one connection writes at a time, and a writer that finds the file locked sleeps and polls
/// (Microsoft.Data.Sqlite backs off in steps of up to a second), which is what made intake's p99 spike under load. Intakes
/// of this process therefore queue here, in memory (with the reservation of order numbers, Features/Intake/OrderNumbers).</item>
/// <item>On PostgreSQL, writers do not block each other; only intakes at the same place wait for each other, across every
/// instance, on a transaction-scoped advisory lock keyed by the place (its compound, else its building, else its grid),
/// taken in the intake's transaction and released by its commit.</item>
/// </list>
/// docs/adr/0012-reference-data-snapshots.md.
/// </summary>
public sealed class IntakeWriteGate(DatabaseOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Enters the gate for a write that is not at a place (number reservations): it queues on SQLite only.</summary>
    public async Task<Pass> EnterAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }
        await _gate.WaitAsync(ct);
        return new Pass(_gate, null);
    }

    /// <summary>
    /// Enters the gate for the intakes at <paramref name="placeKeys"/> (nulls: no place, nothing to serialize on PostgreSQL),
    /// one intake or a batch of them (Features/Intake/IntakeWriter), and runs <paramref name="reads"/> inside it. On
    /// PostgreSQL the pass holds the transaction the intakes' writes join, with every place locked in one statement, in key
    /// order (two batches sharing places cannot deadlock), sent with the reads in one round trip; <see cref="Pass.CommitAsync"/>
    /// ends it.
    /// </summary>
    internal async Task<Pass> EnterAtAsync(DbContext db, IEnumerable<string?> placeKeys, SqlBatch reads, CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var pass = await EnterAsync(ct);
            try
            {
                await reads.ExecuteAsync(db, ct);
                return pass;
            }
            catch
            {
                await pass.DisposeAsync();
                throw;
            }
        }
        var keys = placeKeys.OfType<string>().Select(LockKey).Distinct().Order().ToArray();
        if (keys.Length == 0)
        {
            await reads.ExecuteAsync(db, ct);
            return default;
        }
        var transaction = await db.Database.BeginTransactionAsync(ct);
        // SaveChanges inside this transaction would otherwise wrap itself in a savepoint (a subtransaction, two more
        // statements): nothing here needs to roll back to one.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var locked = new SqlBatch();
            if (keys.Length == 1)
            {
                locked.Query("SELECT pg_advisory_xact_lock(@p0)", [keys[0]], _ => { });
            }
            else
            {
                locked.Query("SELECT count(pg_advisory_xact_lock(t.k)) FROM unnest(@p0) WITH ORDINALITY AS t(k, i)", [keys], _ => { });
            }
            locked.Append(reads);
            await locked.ExecuteAsync(db, ct);
            return new Pass(null, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>A stable 64-bit key for a place (the same on every instance and every start).</summary>
    public static long LockKey(string placeKey) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("intake:" + placeKey)));

    public readonly struct Pass(SemaphoreSlim? gate, IDbContextTransaction? transaction) : IAsyncDisposable
    {
        /// <summary>Commits the intake's transaction, when the gate opened one (PostgreSQL).</summary>
        public Task CommitAsync(CancellationToken ct) => transaction?.CommitAsync(ct) ?? Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync(); // rolls back when not committed
            }
            gate?.Release();
        }
    }
}

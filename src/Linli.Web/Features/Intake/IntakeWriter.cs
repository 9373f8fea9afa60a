using Linli.Domain.WorkOrders;
using Linli.Web.Features.Dispatch;
using Linli.Web.Features.Duplicates;
using Linli.Web.Features.Grids;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Intake;

/// <summary>
/// Group commit for intake: an intake prepares its order in its own request (validation, place, classification) and hands
/// the rows to this writer; the writer takes every intake waiting at that moment as one batch and, in one transaction, checks
/// each for duplicates (against the database and the batch's earlier orders), routes it, saves them all with one
/// SaveChanges and commits once. An intake's answer waits for its batch's commit: an order answered is stored. With nothing
/// waiting a batch is one intake, so a quiet street pays no delay; under load the batches grow by themselves.
/// <list type="bullet">
/// <item>The batch's places are locked together (<see cref="IntakeWriteGate"/>): reports of one incident still end under one
/// parent, on every instance.</item>
/// <item>A batch that fails (a concurrent retry won a unique index, a lost connection) fails as a whole; each of its intakes
/// then runs again alone (<see cref="IntakeBatchFailedException"/>), so one bad request costs the others nothing but time.</item>
/// </list>
/// docs/adr/0013-intake-group-commit.md.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private readonly System.Threading.Channels.Channel<IntakeUnit>[] _queues;
    private int _unplaced;
    private readonly IServiceScopeFactory _scopes;
    private readonly IntakeWriteGate _gate;
    private readonly PlaceCandidateCache _candidates;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly bool _postgres;
    private readonly int _writers;
    private readonly int _maxBatch;
    private readonly CancellationTokenSource _stopping = new();
    private Task[]? _loops;
    private readonly Lock _start = new();

    public IntakeWriter(IServiceScopeFactory scopes, IntakeWriteGate gate, PlaceCandidateCache candidates, DatabaseOptions database, IConfiguration configuration,
        ILogger<IntakeWriter> logger)
    {
        _scopes = scopes;
        _gate = gate;
        _candidates = candidates;
        _logger = logger;
        // On PostgreSQL two writers by default, each with its own places (WriteAsync): one batch is written while the
        // other's duplicate checks run. SQLite writes one transaction at a time in any case.
        _postgres = database.Provider == DatabaseProvider.Postgres;
        _writers = database.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(1, configuration.GetValue("Linli:Intake:Writers", 2));
        _maxBatch = Math.Max(1, configuration.GetValue("Linli:Intake:MaxBatch", 64));
        _queues = Enumerable.Range(0, _writers).Select(_ => System.Threading.Channels.Channel.CreateUnbounded<IntakeUnit>(
            new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true })).ToArray();
    }

    /// <summary>
    /// Writes one prepared intake with the others waiting; returns what became of it once its batch has committed. Not
    /// cancellable once handed over: the batch is shared, and an order that was taken is written.
    /// </summary>
    public Task<IntakeWritten> WriteAsync(IntakeUnit unit)
    {
        EnsureStarted();
        // Each place belongs to one writer, so that writers never wait for each other's place locks.
        var writer = unit.PlaceKey is { } key
            ? (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_queues.Length)
            : (int)((uint)Interlocked.Increment(ref _unplaced) % (uint)_queues.Length);
        if (!_queues[writer].Writer.TryWrite(unit))
        {
            throw new InvalidOperationException("The intake writer has stopped.");
        }
        return unit.Done.Task;
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loops) is not null)
        {
            return;
        }
        lock (_start)
        {
            _loops ??= _queues.Select(queue => Task.Run(() => LoopAsync(queue.Reader))).ToArray();
        }
    }

    private async Task LoopAsync(System.Threading.Channels.ChannelReader<IntakeUnit> reader)
    {
        var batch = new List<IntakeUnit>(_maxBatch);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                var outcomes = await WriteBatchAsync(batch, _stopping.Token);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception e)
            {
                if (batch.Count > 1)
                {
                    _logger.LogWarning(e, "An intake batch of {Count} failed; its intakes run again one by one", batch.Count);
                }
                foreach (var unit in batch)
                {
                    unit.Done.TrySetException(new IntakeBatchFailedException(e));
                }
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// Writes one intake now, in a transaction of its own, outside the queue: the second try of an intake whose batch
    /// failed. Its errors (a unique index lost to a concurrent retry) reach the caller as they are.
    /// </summary>
    public async Task<IntakeWritten> WriteAloneAsync(IntakeUnit unit, CancellationToken ct) => (await WriteBatchAsync([unit], ct))[0];

    private async Task<IntakeWritten[]> WriteBatchAsync(List<IntakeUnit> batch, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        // The intakes' rows stay out of the change tracker while their duplicate checks and routing change them, and are
        // copied or added at the end: nothing is left for the tracker to detect (with automatic detection every Add would
        // scan the tracked rows again).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var duplicates = scope.ServiceProvider.GetRequiredService<DetectDuplicatesHandler>();
        var autoDispatch = scope.ServiceProvider.GetRequiredService<AutoDispatcher>();
        var outcomes = new IntakeWritten[batch.Count];
        // What the batch reads before its checks, sent with its place locks in one round trip (on PostgreSQL): the versions
        // of its places, for the open orders kept in memory (docs/adr/0015), and which intakes repeat a stored request.
        var reads = new SqlBatch();
        var known = _candidates.View(reads, batch.Select(u => (u.Order.BuildingId, u.Place.Compound)));
        var repeated = Repeats(reads, batch);
        await using (var pass = await _gate.EnterAtAsync(db, batch.Select(u => u.PlaceKey), reads, ct))
        {
            var repeats = repeated();
            var peers = new List<(WorkOrder Order, string? Compound)>(batch.Count);
            var written = new List<IntakeUnit>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                if (repeats[i])
                {
                    outcomes[i] = IntakeWritten.Repeated;
                    continue;
                }
                // 重复诉求 (M-1): the same incident reported again is merged under the first report, also when the first is
                // in this batch.
                var duplicate = await duplicates.ApplyAsync(unit.Order, unit.Place.Compound, unit.Now, unit.Rows, ct, peers, known);
                // 智能分拨 (M-3, Features/Dispatch): a known category at a surely located place goes straight to the unit its
                // routing rule names; anything else waits in the dispatcher's triage queue (Received).
                await autoDispatch.TryDispatchAsync(unit.Order, unit.Now, unit.Place, ct);
                peers.Add((unit.Order, unit.Place.Compound));
                written.Add(unit);
                outcomes[i] = new IntakeWritten(duplicate, false);
            }
            // On SQLite (no place locks) and for a batch without places, the transaction starts here.
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            db.Database.AutoSavepointsEnabled = false;
            // In one round trip (on PostgreSQL): the versions of the places the batch adds orders to, advanced first (before
            // any order row is locked, as every save does), and the new rows, inserted from the objects (docs/adr/0014). On
            // SQLite the new rows join the context, and SaveChanges writes them with the rest.
            var writes = new SqlBatch();
            var advanced = PlaceVersions.Advance(writes, peers.Select(p => PlaceVersions.Of(p.Order.BuildingId, p.Compound)).OfType<string>());
            var insert = _postgres ? PostgresBulkInsert.Prepare(db, [.. written.SelectMany(u => u.NewRows)]) : null;
            if (insert is not null)
            {
                writes.Add(insert.Commands());
            }
            await writes.WriteAsync(db, ct);
            insert?.Stored();
            foreach (var unit in written)
            {
                unit.AttachTo(db, newRowsStored: insert is not null);
            }
            if (db.ChangeTracker.HasChanges())
            {
                db.AdvancesPlaceVersionsItself = true;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                finally
                {
                    db.AdvancesPlaceVersionsItself = false; // the context goes back to the pool
                }
            }
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            await pass.CommitAsync(ct);
            known.Written(peers, advanced);
        }
        return outcomes;
    }

    /// <summary>
    /// Which intakes of the batch repeat a request already stored (the same Idempotency-Key of the same caller, or the same
    /// case number of the same channel), or one earlier in the batch: two queries of <paramref name="reads"/> for the whole
    /// batch; the answer once they have run. A repeat is not written; its caller answers with the stored order. A repeat
    /// that is stored by another instance after these reads fails the batch on the unique index (the intakes then run
    /// again alone).
    /// </summary>
    private static Func<bool[]> Repeats(SqlBatch reads, List<IntakeUnit> batch)
    {
        var keys = batch.Where(u => u.IdempotencyKey is not null).Select(u => u.IdempotencyKey!).Distinct().ToList();
        var references = batch.Where(u => u.Order.ExternalReference is not null).Select(u => u.Order.ExternalReference!).Distinct().ToList();
        var storedKeys = new HashSet<(string, string)>();
        if (keys.Count > 0)
        {
            var scopes = batch.Where(u => u.IdempotencyKey is not null).Select(u => u.IdempotencyScope!).Distinct().ToList();
            var sql = $"SELECT \"Scope\", \"Key\" FROM \"IdempotencyRecords\" WHERE \"Key\" IN ({DirectSql.In(0, keys.Count)}) AND \"Scope\" IN ({DirectSql.In(keys.Count, scopes.Count)})";
            reads.Query(sql, [.. keys, .. scopes], r => storedKeys.Add((r.GetString(0), r.GetString(1))));
        }
        var storedReferences = new HashSet<string>();
        if (references.Count > 0)
        {
            var channels = batch.Where(u => u.Order.ExternalReference is not null).Select(u => u.Order.Channel.ToString()).Distinct().ToList();
            // "IS NOT NULL" said, so that PostgreSQL's plan may use the partial (Channel, ExternalReference) index.
            var sql = $"""
                SELECT "Channel", "ExternalReference" FROM "WorkOrders"
                WHERE "ExternalReference" IN ({DirectSql.In(0, references.Count)}) AND "Channel" IN ({DirectSql.In(references.Count, channels.Count)})
                  AND "ExternalReference" IS NOT NULL
                """;
            reads.Query(sql, [.. references, .. channels], r => storedReferences.Add(r.GetString(0) + ":" + r.GetString(1)));
        }
        return () =>
        {
            var repeated = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                var key = unit.IdempotencyKey is { } k ? (unit.IdempotencyScope!, k) : default;
                var reference = unit.Order.ExternalReference is { } x ? unit.Order.Channel + ":" + x : null;
                repeated[i] = (unit.IdempotencyKey is not null && !storedKeys.Add(key))
                    || (reference is not null && !storedReferences.Add(reference));
            }
            return repeated;
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        if (_loops is { } loops)
        {
            // Let the batches in hand finish (their callers wait for them); give up after a while on a stuck database.
            await Task.WhenAny(Task.WhenAll(loops), Task.Delay(TimeSpan.FromSeconds(10)));
        }
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }
}

/// <summary>
/// One prepared intake: its order and the new rows that go with it (location, classification suggestion, idempotency
/// record), and the rows the request changed through its own context (linked photos), taken out of its change tracker so
/// that the writer's context saves them.
/// </summary>
public sealed class IntakeUnit
{
    private readonly List<object> _added;
    private readonly (object Entity, string[] Modified)[] _changed;

    /// <summary>Takes <paramref name="added"/>, and the tracked rows of <paramref name="requestDb"/>, whose change tracker it clears.</summary>
    public IntakeUnit(WorkOrder order, Place place, string? placeKey, DateTime now, string? idempotencyScope, string? idempotencyKey, IEnumerable<object> added,
        DbContext requestDb)
    {
        Order = order;
        IdempotencyScope = idempotencyScope;
        IdempotencyKey = idempotencyKey;
        Place = place;
        PlaceKey = placeKey;
        Now = now;
        var tracked = requestDb.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified && !e.Metadata.IsOwned()).ToList();
        _added = [.. added, .. tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        _changed = [.. tracked.Where(e => e.State == EntityState.Modified)
            .Select(e => (e.Entity, e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray()))];
        requestDb.ChangeTracker.Clear();
    }

    public WorkOrder Order { get; }

    public Place Place { get; }

    public string? PlaceKey { get; }

    public DateTime Now { get; }

    /// <summary>The caller's scope and Idempotency-Key, when the request carried one.</summary>
    public string? IdempotencyScope { get; }

    public string? IdempotencyKey { get; }

    internal TaskCompletionSource<IntakeWritten> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The new rows that go with the order (the writer adds the duplicate check's evidence).</summary>
    internal ICollection<object> Rows => _added;

    /// <summary>The new rows one by one, as the bulk insert takes them: an order's history entries beside it.</summary>
    internal IEnumerable<object> NewRows => _added.SelectMany(row => row is WorkOrder order ? [order, .. order.History] : new[] { row });

    /// <summary>Hands the rows to <paramref name="db"/>: the changed ones, and the new ones unless they are stored already.</summary>
    internal void AttachTo(DbContext db, bool newRowsStored)
    {
        if (!newRowsStored)
        {
            foreach (var entity in _added)
            {
                db.Add(entity); // with what it owns and its history entries
            }
        }
        foreach (var (entity, modified) in _changed)
        {
            var entry = db.Attach(entity);
            foreach (var name in modified)
            {
                entry.Property(name).IsModified = true;
            }
        }
    }
}

/// <summary>
/// What became of an intake in its batch: written (with the earlier order it repeats, if any), or not written because it
/// repeats a stored request (<see cref="Repeated"/>: the caller answers with that request's order).
/// </summary>
public sealed record IntakeWritten(DuplicateCandidate? Duplicate, bool Repeat)
{
    public static readonly IntakeWritten Repeated = new(null, true);
}

/// <summary>The batch an intake was written with failed; nothing of it was stored, and the intake may run again alone.</summary>
public sealed class IntakeBatchFailedException(Exception inner) : Exception("The intake batch failed.", inner);

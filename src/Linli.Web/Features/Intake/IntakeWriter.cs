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
    private readonly System.Threading.Channels.Channel<IntakeUnit> _queue = System.Threading.Channels.Channel.CreateUnbounded<IntakeUnit>(new System.Threading.Channels.UnboundedChannelOptions { SingleWriter = false });
    private readonly IServiceScopeFactory _scopes;
    private readonly IntakeWriteGate _gate;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly int _writers;
    private readonly int _maxBatch;
    private readonly CancellationTokenSource _stopping = new();
    private Task[]? _loops;
    private readonly Lock _start = new();

    public IntakeWriter(IServiceScopeFactory scopes, IntakeWriteGate gate, DatabaseOptions database, IConfiguration configuration, ILogger<IntakeWriter> logger)
    {
        _scopes = scopes;
        _gate = gate;
        _logger = logger;
        // SQLite writes one transaction at a time anyway; on PostgreSQL a few batches may be in flight at once, each waiting
        // on its commit's WAL flush while the next is prepared.
        _writers = database.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(1, configuration.GetValue("Linli:Intake:Writers", 4));
        _maxBatch = Math.Max(1, configuration.GetValue("Linli:Intake:MaxBatch", 64));
    }

    /// <summary>
    /// Writes one prepared intake with the others waiting; returns its duplicate match once its batch has committed. Not
    /// cancellable once handed over: the batch is shared, and an order that was taken is written.
    /// </summary>
    public Task<DuplicateCandidate?> WriteAsync(IntakeUnit unit)
    {
        EnsureStarted();
        if (!_queue.Writer.TryWrite(unit))
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
            _loops ??= Enumerable.Range(0, _writers).Select(_ => Task.Run(LoopAsync)).ToArray();
        }
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
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
                await WriteBatchAsync(batch);
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

    private async Task WriteBatchAsync(List<IntakeUnit> batch)
    {
        var ct = _stopping.Token;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        var duplicates = scope.ServiceProvider.GetRequiredService<DetectDuplicatesHandler>();
        var autoDispatch = scope.ServiceProvider.GetRequiredService<AutoDispatcher>();
        var outcomes = new DuplicateCandidate?[batch.Count];
        await using (var pass = await _gate.EnterAtAsync(db, batch.Select(u => u.PlaceKey), ct))
        {
            var peers = new List<(WorkOrder Order, string? Compound)>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                unit.AttachTo(db);
                // 重复诉求 (M-1): the same incident reported again is merged under the first report, also when the first is
                // in this batch.
                outcomes[i] = await duplicates.ApplyAsync(unit.Order, unit.Place.Compound, unit.Now, ct, peers);
                // 智能分拨 (M-3, Features/Dispatch): a known category at a surely located place goes straight to the unit its
                // routing rule names; anything else waits in the dispatcher's triage queue (Received).
                await autoDispatch.TryDispatchAsync(unit.Order, unit.Now, ct);
                peers.Add((unit.Order, unit.Place.Compound));
            }
            await db.SaveChangesAsync(ct);
            await pass.CommitAsync(ct);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(outcomes[i]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
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
/// One prepared intake: its order and the rows that go with it (location, classification suggestion, idempotency record,
/// linked photos), taken out of the request's change tracker so that the writer's context saves them.
/// </summary>
public sealed class IntakeUnit
{
    private readonly (object Entity, EntityState State, string[] Modified)[] _rows;

    /// <summary>Takes the tracked rows of <paramref name="requestDb"/> and clears its change tracker.</summary>
    public IntakeUnit(WorkOrder order, Place place, string? placeKey, DateTime now, DbContext requestDb)
    {
        Order = order;
        Place = place;
        PlaceKey = placeKey;
        Now = now;
        _rows = requestDb.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && !e.Metadata.IsOwned())
            .Select(e => (e.Entity, e.State, e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray()
                : []))
            .ToArray();
        requestDb.ChangeTracker.Clear();
    }

    public WorkOrder Order { get; }

    public Place Place { get; }

    public string? PlaceKey { get; }

    public DateTime Now { get; }

    internal TaskCompletionSource<DuplicateCandidate?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void AttachTo(DbContext db)
    {
        foreach (var (entity, state, modified) in _rows)
        {
            if (state == EntityState.Added)
            {
                db.Add(entity); // with what it owns and its new history entries
                continue;
            }
            var entry = db.Attach(entity);
            foreach (var name in modified)
            {
                entry.Property(name).IsModified = true;
            }
        }
    }
}

/// <summary>The batch an intake was written with failed; nothing of it was stored, and the intake may run again alone.</summary>
public sealed class IntakeBatchFailedException(Exception inner) : Exception("The intake batch failed.", inner);

using Linli.Web.Infrastructure;
using Linli.Web.Persistence;

namespace Linli.Web.Features.Intake;

/// <summary>
/// Hands out order numbers (<c>yyyyMMdd-NNNN</c>, per site-local day) from blocks reserved in the NumberSequences table,
/// so that an intake does not take the sequence row's lock inside its own transaction. The block adapts to the load:
/// one number at a time while orders come slowly (numbers stay gap-free), doubling up to <see cref="MaxBlock"/> while a
/// block is used up within a second. While blocks are used up that fast, the next block is reserved in the background once
/// half of the current one is handed out, so that intakes do not all wait for a reservation's commit (a millisecond or
/// more with a durable database, every few milliseconds under load). Numbers are unique across instances; a restart
/// forgets the unused rest of a block (and a block reserved ahead on the evening a day ends is not used), so under load a
/// day's numbers may have gaps, and between instances they are not strictly in the order received.
/// docs/adr/0012-reference-data-snapshots.md.
/// </summary>
public sealed class OrderNumbers(IServiceScopeFactory scopes, SiteTime siteTime, TimeProvider clock, IntakeWriteGate writes) : IDisposable
{
    public const int MaxBlock = 64;

    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _day = "";
    private long _next;
    private long _last;
    private int _block = 1;
    private long _reservedAt;
    private (string Day, int Block, Task<long> Last)? _ahead;

    /// <summary>The reservation of the next block while one runs in the background (for tests).</summary>
    internal Task ReservingAhead => _ahead?.Last ?? Task.CompletedTask;

    public void Dispose() => _gate.Dispose();

    public async Task<string> NextAsync(DateTime now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(siteTime.ToLocal(now)).ToString("yyyyMMdd");
        await _gate.WaitAsync(ct);
        try
        {
            if (day != _day || _next > _last)
            {
                if (_ahead is { } ahead && ahead.Day == day && await TakenAsync(ahead.Last) is { } last)
                {
                    _block = ahead.Block;
                    _last = last;
                }
                else
                {
                    var usedUpFast = day == _day && clock.GetElapsedTime(_reservedAt) < Busy;
                    _block = usedUpFast ? Math.Min(MaxBlock, _block * 2) : 1;
                    _last = await ReserveAsync(day, _block, ct);
                }
                _ahead = null;
                _next = _last - _block + 1;
                _day = day;
                _reservedAt = clock.GetTimestamp();
            }
            var number = $"{day}-{_next++:0000}";
            // Busy (a block of more than one, half of it gone within a second of its reservation): reserve the next now.
            if (_block > 1 && _ahead is null && _last - _next < _block / 2 && clock.GetElapsedTime(_reservedAt) < Busy)
            {
                var block = Math.Min(MaxBlock, _block * 2);
                _ahead = (day, block, ReserveAsync(day, block, CancellationToken.None));
            }
            return number;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The block's last number, or null when its reservation failed (the caller reserves again, and waits).</summary>
    private static async Task<long?> TakenAsync(Task<long> reservation)
    {
        try
        {
            return await reservation;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<long> ReserveAsync(string day, int block, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        await using (await writes.EnterAsync(ct))
        {
            // A write like the intake's own: on SQLite it queues behind them in memory, not on the file lock.
            return await db.AdvanceAsync("order:" + day, block, ct);
        }
    }
}

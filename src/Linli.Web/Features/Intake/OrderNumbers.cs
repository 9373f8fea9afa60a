using Linli.Web.Infrastructure;
using Linli.Web.Persistence;

namespace Linli.Web.Features.Intake;

/// <summary>
/// Hands out order numbers (<c>yyyyMMdd-NNNN</c>, per site-local day) from blocks reserved in the NumberSequences table,
/// so that an intake does not take the sequence row's lock inside its own transaction. The block adapts to the load:
/// one number at a time while orders come slowly (numbers stay gap-free), doubling up to <see cref="MaxBlock"/> while a
/// block is used up within a second. Numbers are unique across instances; a restart forgets the unused rest of a block,
/// so under load a day's numbers may have gaps, and between instances they are not strictly in the order received.
/// docs/adr/0012-reference-data-snapshots.md.
/// </summary>
public sealed class OrderNumbers(IServiceScopeFactory scopes, SiteTime siteTime, TimeProvider clock, IntakeWriteGate writes) : IDisposable
{
    public const int MaxBlock = 32;

    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _day = "";
    private long _next;
    private long _last;
    private int _block = 1;
    private long _reservedAt;

    public void Dispose() => _gate.Dispose();

    public async Task<string> NextAsync(DateTime now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(siteTime.ToLocal(now)).ToString("yyyyMMdd");
        await _gate.WaitAsync(ct);
        try
        {
            if (day != _day || _next > _last)
            {
                var usedUpFast = day == _day && clock.GetElapsedTime(_reservedAt) < Busy;
                _block = usedUpFast ? Math.Min(MaxBlock, _block * 2) : 1;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
                await using (await writes.EnterAsync(ct))
                {
                    // A write like the intake's own: on SQLite it queues behind them in memory, not on the file lock.
                    _last = await db.AdvanceAsync("order:" + day, _block, ct);
                }
                _next = _last - _block + 1;
                _day = day;
                _reservedAt = clock.GetTimestamp();
            }
            return $"{day}-{_next++:0000}";
        }
        finally
        {
            _gate.Release();
        }
    }
}

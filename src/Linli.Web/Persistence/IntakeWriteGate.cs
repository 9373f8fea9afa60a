namespace Linli.Web.Persistence;

/// <summary>
/// On embedded SQLite one connection writes at a time, and a writer that finds the file locked sleeps and polls
/// (Microsoft.Data.Sqlite backs off in steps of up to a second), which is what made intake's p99 spike under load. Intakes
/// of this process therefore queue here, in memory, for the short moment of their duplicate check and write (and the
/// reservation of order numbers, Features/Intake/OrderNumbers); the check also sees every earlier report of the same incident. PostgreSQL needs no gate: the gate is open there.
/// docs/adr/0012-reference-data-snapshots.md.
/// </summary>
public sealed class IntakeWriteGate(DatabaseOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<Pass> EnterAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }
        await _gate.WaitAsync(ct);
        return new Pass(_gate);
    }

    public readonly struct Pass(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}

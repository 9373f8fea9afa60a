namespace Linli.Web.Background;

/// <summary>
/// Runs one job every interval inside the host, on the injected <see cref="TimeProvider"/>. Each run gets its own
/// DI scope; a failing run is logged and the next one tries again. The jobs themselves are safe on several instances
/// (see docs/adr/0005-sla-sweeper-hosted-service.md).
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed; will try again in {Interval}", GetType().Name, Interval);
            }
        }
    }
}

/// <summary>Warns and escalates overdue orders every <c>Linli:Sla:SweepSeconds</c> (default 30).</summary>
public sealed class SlaSweepJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SlaSweepJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Linli:Sla:SweepSeconds", 30)));

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Features.Sla.SlaSweepHandler>().RunAsync(ct);
}

/// <summary>Sends due outbox messages every <c>Linli:Outbox:DispatchSeconds</c> (default 10).</summary>
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<OutboxDispatchJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Linli:Outbox:DispatchSeconds", 10)));

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Features.Notifications.OutboxDispatcher>().RunAsync(ct);
}

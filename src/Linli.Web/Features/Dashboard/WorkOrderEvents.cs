using Linli.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Linli.Web.Features.Dashboard;

/// <summary>
/// Told after every successful work-order change (intake commits, every trigger saved by WorkOrderCommands), so that
/// live pages can refresh. Never fails the change it reports: the change is already saved.
/// </summary>
public interface IWorkOrderEvents
{
    Task PublishAsync(Guid workOrderId, CancellationToken ct);
}

/// <summary>
/// The big screen's hub. It carries only "order X changed": every screen then re-reads its own data through
/// <see cref="GetDashboardHandler"/>, scoped to whoever is signed in there, so nothing leaks through the broadcast.
/// One instance fans out to its own connections; several instances need a backplane (see the feature README).
/// </summary>
[Authorize(Policy = AccountsSetup.Policies.Staff)]
public sealed class DashboardHub : Hub
{
    public const string OrderChanged = "orderChanged";
}

public sealed class WorkOrderEvents(IHubContext<DashboardHub> hub, ILogger<WorkOrderEvents> logger) : IWorkOrderEvents
{
    public async Task PublishAsync(Guid workOrderId, CancellationToken ct)
    {
        try
        {
            await hub.Clients.All.SendAsync(DashboardHub.OrderChanged, workOrderId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell live pages that order {Id} changed", workOrderId);
        }
    }
}

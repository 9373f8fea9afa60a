using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.WorkOrders;

/// <summary>
/// The one place that says which orders a caller may see: a resident their own, staff the orders handled by or located in
/// their units' subtree, a channel integration the orders it sent, an administrator all.
/// </summary>
public static class WorkOrderScope
{
    public static IQueryable<WorkOrder> VisibleTo(this IQueryable<WorkOrder> orders, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return orders;
        }
        if (caller.IsChannel)
        {
            var channel = caller.ApiKeyChannel;
            if (caller.ApiKeyAreaUnitId is null)
            {
                return orders.Where(o => o.Channel == channel);
            }
            var areas = caller.VisibleUnitIds.ToList();
            return orders.Where(o => o.Channel == channel && o.AreaUnitId != null && areas.Contains(o.AreaUnitId.Value));
        }
        if (caller.IsStaff)
        {
            var units = caller.VisibleUnitIds.ToList();
            // Units summoned to co-handle an order (部门报到) see it too.
            return orders.Where(o => (o.UnitId != null && units.Contains(o.UnitId.Value)) || (o.AreaUnitId != null && units.Contains(o.AreaUnitId.Value))
                || o.CoHandlers.Any(c => units.Contains(c.UnitId)));
        }
        if (caller.UserId is { } userId)
        {
            return orders.Where(o => o.ReporterUserId == userId);
        }
        return orders.Where(_ => false);
    }

    public static bool CanSee(this Caller caller, WorkOrder order) =>
        caller.IsAdmin
        || (caller.IsChannel && order.Channel == caller.ApiKeyChannel && (caller.ApiKeyAreaUnitId is null || caller.Covers(order.AreaUnitId)))
        || (caller.IsStaff && (caller.Covers(order.UnitId) || caller.Covers(order.AreaUnitId) || order.CoHandlers.Any(c => caller.Covers(c.UnitId))))
        || (caller.UserId is not null && order.ReporterUserId == caller.UserId);

    /// <summary>The whole phone number is for the reporter and the unit handling the order; everyone else sees it masked.</summary>
    public static bool MaySeeReporterContact(this Caller caller, WorkOrder order) =>
        (caller.UserId is not null && order.ReporterUserId == caller.UserId) || caller.IsMemberOf(order.UnitId);
}

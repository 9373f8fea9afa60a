using Linli.Domain.WorkOrders;

namespace Linli.Web.Features.Sla;

/// <summary>
/// Computes the absolute deadlines an order gets when a unit takes it on. For now one 24×7 table by urgency;
/// category × urgency policies on the working calendar replace it in the Sla slice.
/// </summary>
public sealed class TimeLimits
{
    public Deadlines For(WorkOrder order, DateTime at)
    {
        var (respond, complete) = order.Urgency switch
        {
            Urgency.Emergency => (TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)),
            Urgency.High => (TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
            Urgency.Normal => (TimeSpan.FromHours(4), TimeSpan.FromDays(3)),
            Urgency.Low => (TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
        };
        return new Deadlines(at + respond, at + complete);
    }
}

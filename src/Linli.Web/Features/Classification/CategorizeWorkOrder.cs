using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Dispatch;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

public sealed record CategorizeWorkOrderRequest(Guid? CategoryId, Urgency? Urgency, string? Note);

/// <summary>
/// 分类确认 / 纠正: a dispatcher confirms or corrects the category (and urgency). The verdict is stored as the site's
/// own training label, so the next retraining learns from it. An order still waiting for dispatch is then routed by the
/// rules at once (one click in the triage queue); without a matching rule it stays for the dispatcher.
/// </summary>
public sealed class CategorizeWorkOrderHandler(WorkOrderCommands commands, LinliDbContext db, AutoDispatcher autoDispatch)
{
    public static readonly Error UnknownCategory = Error.Validation("WorkOrder.UnknownCategory");

    public Task<Result<WorkOrderDetails>> HandleAsync(Guid id, CategorizeWorkOrderRequest request, Caller caller, int? version, CancellationToken ct) =>
        commands.RunAsync(id, caller, WorkOrderTrigger.Categorize, version, async (order, now, token) =>
        {
            if (request.CategoryId is not { } categoryId || !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive, token))
            {
                return UnknownCategory;
            }
            var suggested = await db.WorkOrderSuggestions.AsNoTracking().Where(s => s.WorkOrderId == order.Id)
                .Select(s => s.CategoryId).FirstOrDefaultAsync(token);
            var result = order.Categorize(categoryId, request.Urgency ?? order.Urgency, request.Note, caller.AsActor(), now);
            if (!result.IsSuccess)
            {
                return result;
            }
            var label = await db.TrainingLabels.FirstOrDefaultAsync(l => l.WorkOrderId == order.Id, token);
            if (label is null)
            {
                label = new TrainingLabel { Id = Guid.CreateVersion7(), WorkOrderId = order.Id };
                db.TrainingLabels.Add(label);
            }
            label.CategoryId = categoryId;
            label.Urgency = order.Urgency;
            label.Source = suggested == categoryId ? "Confirmation" : "Correction";
            label.UserId = caller.UserId;
            label.At = now;
            if (order.Status == WorkOrderStatus.Received)
            {
                await autoDispatch.TryDispatchAsync(order, now, null, token);
            }
            return result;
        }, ct);
}

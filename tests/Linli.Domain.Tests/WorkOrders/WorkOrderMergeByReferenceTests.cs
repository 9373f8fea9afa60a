using Linli.Domain.WorkOrders;
using static Linli.Domain.Tests.WorkOrders.WorkOrderBuilder;

namespace Linli.Domain.Tests.WorkOrders;

/// <summary>Merging under a parent known only by its id, state and own parent (duplicate detection reads no more of it).</summary>
public class WorkOrderMergeByReferenceTests
{
    [Fact]
    public void Merge_by_reference_into_itself_is_refused()
    {
        var order = Received();
        order.Merge(order.Id, WorkOrderStatus.Received, null, null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.CannotMergeIntoItself");
        order.Status.ShouldBe(WorkOrderStatus.Received);
    }

    [Theory]
    [InlineData(WorkOrderStatus.Merged)]
    [InlineData(WorkOrderStatus.Cancelled)]
    [InlineData(WorkOrderStatus.Closed)]
    public void Merge_by_reference_under_a_finished_or_merged_parent_is_refused(WorkOrderStatus parentStatus)
    {
        var order = Received();
        order.Merge(Guid.NewGuid(), parentStatus, null, null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.InvalidMergeParent");
        order.ParentId.ShouldBeNull();
    }

    [Fact]
    public void Merge_by_reference_under_a_parent_that_has_a_parent_is_refused()
    {
        var order = Received();
        order.Merge(Guid.NewGuid(), WorkOrderStatus.Received, Guid.NewGuid(), null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.InvalidMergeParent");
    }

    [Fact]
    public void Merge_by_reference_follows_the_parent_like_a_merge_with_the_entity()
    {
        var parentId = Guid.NewGuid();
        var order = In(WorkOrderStatus.Dispatched);

        order.Merge(parentId, WorkOrderStatus.Accepted, null, "同一部电梯", Dispatcher, T0.AddHours(1)).IsSuccess.ShouldBeTrue();

        order.Status.ShouldBe(WorkOrderStatus.Merged);
        order.ParentId.ShouldBe(parentId);
        order.UnitId.ShouldBeNull();
        order.RespondBy.ShouldBeNull();
        order.CompleteBy.ShouldBeNull();
        order.History[^1].Trigger.ShouldBe(WorkOrderTrigger.Merge);
        order.History[^1].Comment.ShouldBe("同一部电梯");
    }
}

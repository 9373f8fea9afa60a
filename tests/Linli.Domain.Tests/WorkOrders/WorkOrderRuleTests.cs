using Linli.Domain.WorkOrders;
using static Linli.Domain.Tests.WorkOrders.WorkOrderBuilder;

namespace Linli.Domain.Tests.WorkOrders;

public class WorkOrderRuleTests
{
    [Fact]
    public void Receive_records_the_first_history_entry_without_a_from_state()
    {
        var order = Received();
        order.Status.ShouldBe(WorkOrderStatus.Received);
        order.History.Count.ShouldBe(1);
        order.History[0].From.ShouldBeNull();
        order.History[0].Trigger.ShouldBe(WorkOrderTrigger.Receive);
        order.History[0].ActorRole.ShouldBe("Resident");
        order.ReceivedAt.ShouldBe(T0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Receive_without_description_is_rejected(string description)
    {
        var result = WorkOrder.Receive(
            new NewWorkOrder("n", Channel.Hotline12345, null, description, null, Urgency.Normal,
                new Reporter(null, null, "李四", null, null), new Location(null, null, null, null, null), null),
            ResidentActor, T0);
        result.Error!.Code.ShouldBe("WorkOrder.DescriptionRequired");
    }

    [Fact]
    public void Receive_with_overlong_text_is_rejected()
    {
        var result = WorkOrder.Receive(
            new NewWorkOrder("n", Channel.Hotline12345, null, new string('字', WorkOrder.MaxTextLength + 1), null, Urgency.Normal,
                new Reporter(null, null, "李四", null, null), new Location(null, null, null, null, null), null),
            ResidentActor, T0);
        result.Error!.Code.ShouldBe("WorkOrder.TextTooLong");
    }

    [Fact]
    public void Receive_with_an_impossible_point_is_rejected()
    {
        var result = WorkOrder.Receive(
            new NewWorkOrder("n", Channel.PhotoReport, null, "路灯不亮", null, Urgency.Normal,
                new Reporter(null, null, null, null, null), new Location(null, null, 91, 113, null), null),
            ResidentActor, T0);
        result.Error!.Code.ShouldBe("WorkOrder.LocationOutOfRange");
    }

    [Fact]
    public void Dispatch_sets_unit_and_deadlines()
    {
        var order = In(WorkOrderStatus.Dispatched);
        order.UnitId.ShouldBe(UnitA);
        order.RespondBy.ShouldNotBeNull();
        order.CompleteBy.ShouldNotBeNull();
        order.History[^1].UnitId.ShouldBe(UnitA);
    }

    [Fact]
    public void Return_clears_the_unit_so_the_dispatcher_can_route_again()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Return("不属于本网格", Handler, T0.AddDays(1)).IsSuccess.ShouldBeTrue();
        order.UnitId.ShouldBeNull();
        order.AcceptedAt.ShouldBeNull();
        order.History[^1].Comment.ShouldBe("不属于本网格");
    }

    [Theory]
    [InlineData(WorkOrderTrigger.Return)]
    [InlineData(WorkOrderTrigger.Transfer)]
    [InlineData(WorkOrderTrigger.Escalate)]
    public void Moves_that_pass_work_on_need_a_reason(WorkOrderTrigger trigger)
    {
        var order = In(WorkOrderStatus.Accepted);
        var at = T0.AddDays(1);
        var result = trigger switch
        {
            WorkOrderTrigger.Return => order.Return(" ", Handler, at),
            WorkOrderTrigger.Transfer => order.Transfer(UnitB, "", Deadlines(at), Dispatcher, at),
            _ => order.Escalate(UnitB, "", Deadlines(at), Handler, at),
        };
        result.Error!.Code.ShouldBe("WorkOrder.ReasonRequired");
        order.Status.ShouldBe(WorkOrderStatus.Accepted);
    }

    [Fact]
    public void Transfer_to_the_same_unit_is_a_conflict()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Transfer(UnitA, "再转", Deadlines(T0), Dispatcher, T0.AddDays(1)).Error!.Code.ShouldBe("WorkOrder.SameUnit");
    }

    [Fact]
    public void Transfer_and_escalate_require_the_new_unit_to_accept_again()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Escalate(UnitB, "超出网格处置能力", Deadlines(T0.AddDays(1)), Handler, T0.AddDays(1)).IsSuccess.ShouldBeTrue();
        order.Status.ShouldBe(WorkOrderStatus.Dispatched);
        order.UnitId.ShouldBe(UnitB);
        order.AcceptedAt.ShouldBeNull();
        order.EscalationLevel.ShouldBe(1);
    }

    [Fact]
    public void Complete_needs_a_result()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.Complete("  ", Handler, T0.AddDays(1)).Error!.Code.ShouldBe("WorkOrder.ResultRequired");
    }

    [Fact]
    public void Reopen_after_a_satisfied_and_resolved_verdict_is_refused()
    {
        var order = In(WorkOrderStatus.Evaluated, negativeEvaluation: false);
        var result = order.Reopen("想再看看", ResidentActor, T0.AddDays(2), Deadlines(T0.AddDays(2)));
        result.Error!.Code.ShouldBe("WorkOrder.ReopenNeedsNegativeEvaluation");
        order.Status.ShouldBe(WorkOrderStatus.Evaluated);
    }

    [Fact]
    public void Reopen_after_an_unresolved_verdict_goes_back_to_the_same_unit()
    {
        var order = In(WorkOrderStatus.Evaluated, negativeEvaluation: true);
        order.Reopen("电梯又停了", ResidentActor, T0.AddDays(2), Deadlines(T0.AddDays(2))).IsSuccess.ShouldBeTrue();
        order.Status.ShouldBe(WorkOrderStatus.Accepted);
        order.UnitId.ShouldBe(UnitA);
        order.CompletedAt.ShouldBeNull();
    }

    [Fact]
    public void An_approved_extension_moves_the_completion_deadline()
    {
        var order = In(WorkOrderStatus.Accepted);
        var until = order.CompleteBy!.Value.AddDays(5);
        order.RequestExtension(until, "需要采购配件", Handler, T0.AddDays(1)).IsSuccess.ShouldBeTrue();
        order.ExtensionRequestedUntil.ShouldBe(until);
        order.ApproveExtension(null, Dispatcher, T0.AddDays(1)).IsSuccess.ShouldBeTrue();
        order.CompleteBy.ShouldBe(until);
        order.ExtensionRequestedUntil.ShouldBeNull();
    }

    [Fact]
    public void A_second_extension_request_while_one_is_pending_is_a_conflict()
    {
        var order = In(WorkOrderStatus.Accepted);
        var until = order.CompleteBy!.Value.AddDays(5);
        order.RequestExtension(until, "需要采购配件", Handler, T0.AddDays(1)).IsSuccess.ShouldBeTrue();
        order.RequestExtension(until.AddDays(1), "再延", Handler, T0.AddDays(1)).Error!.Code.ShouldBe("WorkOrder.ExtensionAlreadyPending");
    }

    [Fact]
    public void An_extension_must_end_after_the_current_deadline()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.RequestExtension(order.CompleteBy!.Value, "需要采购配件", Handler, T0.AddDays(1)).Error!.Code.ShouldBe("WorkOrder.ExtensionMustBeLater");
    }

    [Fact]
    public void Approving_or_rejecting_without_a_request_is_a_conflict()
    {
        var order = In(WorkOrderStatus.Accepted);
        order.ApproveExtension(null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.NoPendingExtension");
        order.RejectExtension("不同意", Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.NoPendingExtension");
    }

    [Fact]
    public void Merge_into_itself_or_into_a_merged_order_is_refused()
    {
        var order = Received();
        order.Merge(order, null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.CannotMergeIntoItself");
        var merged = In(WorkOrderStatus.Merged);
        order.Merge(merged, null, Dispatcher, T0).Error!.Code.ShouldBe("WorkOrder.InvalidMergeParent");
    }

    [Fact]
    public void Merge_then_split_restores_an_independent_order()
    {
        var parent = Received();
        var order = In(WorkOrderStatus.Dispatched);
        order.Merge(parent, "同一部电梯", Dispatcher, T0.AddHours(1)).IsSuccess.ShouldBeTrue();
        order.ParentId.ShouldBe(parent.Id);
        order.UnitId.ShouldBeNull();
        order.Split("不是同一部电梯", Dispatcher, T0.AddHours(2)).IsSuccess.ShouldBeTrue();
        order.ParentId.ShouldBeNull();
        order.Status.ShouldBe(WorkOrderStatus.Received);
    }

    [Fact]
    public void The_full_loop_leaves_a_complete_history()
    {
        var order = In(WorkOrderStatus.Closed);
        order.History.Select(h => h.Trigger).ShouldBe([
            WorkOrderTrigger.Receive, WorkOrderTrigger.Dispatch, WorkOrderTrigger.Accept,
            WorkOrderTrigger.Complete, WorkOrderTrigger.Evaluate, WorkOrderTrigger.FollowUp]);
        order.History.Select(h => h.Sequence).ShouldBe([1, 2, 3, 4, 5, 6]);
        order.History.Zip(order.History.Skip(1)).ShouldAllBe(p => p.First.To == p.Second.From);
        order.ClosedAt.ShouldNotBeNull();
    }
}

using Linli.Domain.Common;
using Linli.Domain.Sla;
using Linli.Domain.WorkOrders;

namespace Linli.Domain.Tests.WorkOrders;

/// <summary>Builds orders in any state by walking the real verbs, so tests never poke at private state.</summary>
internal static class WorkOrderBuilder
{
    public static readonly DateTime T0 = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Dispatcher = new(Guid.NewGuid(), "调度员", "Dispatcher");
    public static readonly Actor Handler = new(Guid.NewGuid(), "网格员", "GridMember");
    public static readonly Actor ResidentActor = new(Guid.NewGuid(), "居民", "Resident");
    public static readonly Guid UnitA = Guid.NewGuid();
    public static readonly Guid UnitB = Guid.NewGuid();

    public static readonly Guid UnitC = Guid.NewGuid();

    public static Deadlines Deadlines(DateTime at) => new(at.AddHours(2), at.AddDays(3), at.AddHours(1.6), at.AddDays(2.4));

    public static WorkOrder Received(string description = "3号楼电梯停运，老人无法下楼") =>
        WorkOrder.Receive(
            new NewWorkOrder("20261120-0001", Channel.MiniProgram, "电梯停运", description, null, Urgency.High,
                new Reporter(ResidentActor.UserId, null, "张三", "cipher", "138****5678"),
                new Location(null, "幸福里小区3号楼", null, null, null), null),
            ResidentActor, T0).Value;

    public static WorkOrder In(WorkOrderStatus status, bool negativeEvaluation = false)
    {
        var order = Received();
        var at = T0;
        void Do(Result<Done> result) => result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        switch (status)
        {
            case WorkOrderStatus.Received:
                return order;
            case WorkOrderStatus.Cancelled:
                Do(order.Cancel("不需要了", ResidentActor, at));
                return order;
            case WorkOrderStatus.Merged:
                Do(order.Merge(Received(), "同一事件", Dispatcher, at));
                return order;
            case WorkOrderStatus.Dispatched:
            case WorkOrderStatus.Accepted:
            case WorkOrderStatus.Completed:
            case WorkOrderStatus.Evaluated:
            case WorkOrderStatus.Closed:
                break;
        }
        Do(order.Dispatch(UnitA, Deadlines(at), Dispatcher, at = at.AddMinutes(5)));
        if (status == WorkOrderStatus.Dispatched)
        {
            return order;
        }
        Do(order.Accept(Handler, at = at.AddMinutes(10)));
        if (status == WorkOrderStatus.Accepted)
        {
            return order;
        }
        Do(order.Complete("已联系维保单位修复", Handler, at = at.AddHours(5)));
        if (status == WorkOrderStatus.Completed)
        {
            return order;
        }
        Do(order.Evaluate(!negativeEvaluation, negativeEvaluation ? Satisfaction.Dissatisfied : Satisfaction.Satisfied, null, ResidentActor, at = at.AddHours(1)));
        if (status == WorkOrderStatus.Evaluated)
        {
            return order;
        }
        Do(order.FollowUp("电话回访，居民认可", Dispatcher, at.AddHours(1)));
        return order;
    }

    /// <summary>Fires any trigger with arguments that are valid in themselves, so only the transition table decides.</summary>
    public static Result<Done> Fire(WorkOrder order, WorkOrderTrigger trigger)
    {
        var at = T0.AddDays(1);
        return trigger switch
        {
            WorkOrderTrigger.Receive => WorkOrderErrors.InvalidTransition(order.Status, trigger),
            WorkOrderTrigger.Categorize => order.Categorize(Guid.NewGuid(), Urgency.Emergency, "电梯困人", Dispatcher, at),
            WorkOrderTrigger.Dispatch => order.Dispatch(UnitB, Deadlines(at), Dispatcher, at),
            WorkOrderTrigger.Accept => order.Accept(Handler, at),
            WorkOrderTrigger.Complete => order.Complete("处理完毕", Handler, at),
            WorkOrderTrigger.Evaluate => order.Evaluate(true, Satisfaction.Satisfied, "很好", ResidentActor, at),
            WorkOrderTrigger.FollowUp => order.FollowUp("已回访", Dispatcher, at),
            WorkOrderTrigger.Reopen => order.Reopen("问题仍未解决", ResidentActor, at, Deadlines(at)),
            WorkOrderTrigger.Return => order.Return("不属于本网格", Handler, at),
            WorkOrderTrigger.Transfer => order.Transfer(UnitB, "转物业处理", Deadlines(at), Dispatcher, at),
            WorkOrderTrigger.Escalate => order.Escalate(UnitB, "超出网格处置能力", Deadlines(at), Handler, at),
            WorkOrderTrigger.RequestExtension => order.RequestExtension(at.AddDays(10), "需要采购配件", Handler, at),
            WorkOrderTrigger.ApproveExtension => ApproveAfterRequest(order, at),
            WorkOrderTrigger.RejectExtension => RejectAfterRequest(order, at),
            WorkOrderTrigger.Supervise => order.Supervise("请加快办理", Dispatcher, at),
            WorkOrderTrigger.Merge => order.Merge(Received(), "重复诉求", Dispatcher, at),
            WorkOrderTrigger.Split => order.Split("并非同一事件", Dispatcher, at),
            WorkOrderTrigger.Cancel => order.Cancel("已自行解决", ResidentActor, at),
            WorkOrderTrigger.AutoClose => order.AutoClose(Actor.System, at),
            WorkOrderTrigger.Warn => order.Warn(order.Status == WorkOrderStatus.Accepted ? DeadlineKind.Completion : DeadlineKind.Response,
                "即将超时", Actor.System, at),
            WorkOrderTrigger.AwaitResident => order.AwaitResident("居民白天不在家，约晚上上门", Handler, at),
            WorkOrderTrigger.Resume => ResumeAfterPause(order, at),
            WorkOrderTrigger.Summon => order.Summon([UnitC], "请城管到场", Dispatcher, at),
            WorkOrderTrigger.ReportCoHandling => ReportAfterSummon(order, at),
        };
    }

    private static Result<Done> ResumeAfterPause(WorkOrder order, DateTime at)
    {
        if (order.Status == WorkOrderStatus.Accepted)
        {
            order.AwaitResident("等居民在家", Handler, at).IsSuccess.ShouldBeTrue();
        }
        return order.Resume(ContinuousClock.Instance, "居民已在家", Handler, at.AddHours(1));
    }

    private static Result<Done> ReportAfterSummon(WorkOrder order, DateTime at)
    {
        if (order.Status == WorkOrderStatus.Accepted)
        {
            order.Summon([UnitC], "请城管到场", Dispatcher, at).IsSuccess.ShouldBeTrue();
        }
        return order.ReportCoHandling(UnitC, "已到场清理占道", Handler, at);
    }

    private static Result<Done> ApproveAfterRequest(WorkOrder order, DateTime at)
    {
        if (order.Status == WorkOrderStatus.Accepted)
        {
            order.RequestExtension(at.AddDays(10), "需要采购配件", Handler, at).IsSuccess.ShouldBeTrue();
        }
        return order.ApproveExtension("同意", Dispatcher, at);
    }

    private static Result<Done> RejectAfterRequest(WorkOrder order, DateTime at)
    {
        if (order.Status == WorkOrderStatus.Accepted)
        {
            order.RequestExtension(at.AddDays(10), "需要采购配件", Handler, at).IsSuccess.ShouldBeTrue();
        }
        return order.RejectExtension("理由不充分", Dispatcher, at);
    }
}

namespace Linli.Domain.WorkOrders;

/// <summary>Where a request came in (渠道).</summary>
public enum Channel
{
    Hotline12345,
    PhotoReport,
    GridPatrol,
    PropertyButler,
    Hotline400,
    MiniProgram,
    Reception,
    CameraAlert,
    SensorAlert,
    Alarm,
    Proactive,
}

public enum Urgency
{
    Low,
    Normal,
    High,
    Emergency,
}

/// <summary>The resident's verdict on the result (满意 / 基本满意 / 不满意).</summary>
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>The life of a work order. The zh-CN names are what the console shows.</summary>
public enum WorkOrderStatus
{
    /// <summary>待派单</summary>
    Received,
    /// <summary>待接单</summary>
    Dispatched,
    /// <summary>办理中</summary>
    Accepted,
    /// <summary>待评价</summary>
    Completed,
    /// <summary>待回访</summary>
    Evaluated,
    /// <summary>已办结归档</summary>
    Closed,
    Cancelled,
    Merged,
}

/// <summary>Everything that can happen to a work order. Each one is a row in <see cref="WorkOrderTransitions"/>.</summary>
public enum WorkOrderTrigger
{
    Receive,
    /// <summary>Set or correct the category and urgency (by the classifier on intake, or a dispatcher).</summary>
    Categorize,
    Dispatch,
    Accept,
    Complete,
    Evaluate,
    FollowUp,
    Reopen,
    Return,
    Transfer,
    Escalate,
    RequestExtension,
    ApproveExtension,
    RejectExtension,
    Supervise,
    Merge,
    Split,
    Cancel,
    AutoClose,
    /// <summary>预警: most of the response or completion time has passed; the unit is told (the sweeper does this).</summary>
    Warn,
    /// <summary>等待居民: the handler waits for the resident; the completion clock stops.</summary>
    AwaitResident,
    /// <summary>The wait is over; the deadlines move by the paused time.</summary>
    Resume,
    /// <summary>街道吹哨: the lead unit calls other units in to co-handle the order.</summary>
    Summon,
    /// <summary>部门报到: a summoned unit reports its part.</summary>
    ReportCoHandling,
}

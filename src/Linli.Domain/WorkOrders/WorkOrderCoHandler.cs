namespace Linli.Domain.WorkOrders;

/// <summary>部门报到: one unit summoned to co-handle an order (街道吹哨), and its report once it has done its part.</summary>
public sealed class WorkOrderCoHandler
{
    private WorkOrderCoHandler()
    {
        SummonNote = null!;
    }

    internal WorkOrderCoHandler(Guid workOrderId, Guid unitId, DateTime summonedAt, string summonNote)
    {
        WorkOrderId = workOrderId;
        UnitId = unitId;
        SummonedAt = summonedAt;
        SummonNote = summonNote;
    }

    public Guid WorkOrderId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateTime SummonedAt { get; private set; }
    public string SummonNote { get; private set; }
    public DateTime? ReportedAt { get; private set; }
    public string? ReportNote { get; private set; }

    internal void Report(string note, DateTime at)
    {
        ReportNote = note;
        ReportedAt = at;
    }

    internal void SummonAgain(string note, DateTime at)
    {
        SummonNote = note;
        SummonedAt = at;
        ReportNote = null;
        ReportedAt = null;
    }
}

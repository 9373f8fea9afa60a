using Linli.Domain.Common;

namespace Linli.Domain.WorkOrders;

/// <summary>The coded errors of work orders. Codes are stable API: clients and resources key on them.</summary>
public static class WorkOrderErrors
{
    public static Error InvalidTransition(WorkOrderStatus from, WorkOrderTrigger trigger) =>
        Error.Conflict("WorkOrder.InvalidTransition", new Dictionary<string, object?> { ["currentStatus"] = from.ToString(), ["trigger"] = trigger.ToString() });

    public static readonly Error NotFound = Error.NotFound("WorkOrder.NotFound");
    public static readonly Error DescriptionRequired = Error.Validation("WorkOrder.DescriptionRequired");
    public static readonly Error TextTooLong = Error.Validation("WorkOrder.TextTooLong");
    public static readonly Error ReasonRequired = Error.Validation("WorkOrder.ReasonRequired");
    public static readonly Error ResultRequired = Error.Validation("WorkOrder.ResultRequired");
    public static readonly Error NoteRequired = Error.Validation("WorkOrder.NoteRequired");
    public static readonly Error SameUnit = Error.Conflict("WorkOrder.SameUnit");
    public static readonly Error ReopenNeedsNegativeEvaluation = Error.Conflict("WorkOrder.ReopenNeedsNegativeEvaluation");
    public static readonly Error ExtensionAlreadyPending = Error.Conflict("WorkOrder.ExtensionAlreadyPending");
    public static readonly Error NoPendingExtension = Error.Conflict("WorkOrder.NoPendingExtension");
    public static readonly Error ExtensionMustBeLater = Error.Validation("WorkOrder.ExtensionMustBeLater");
    public static readonly Error CannotMergeIntoItself = Error.Conflict("WorkOrder.CannotMergeIntoItself");
    public static readonly Error InvalidMergeParent = Error.Conflict("WorkOrder.InvalidMergeParent");
    public static readonly Error ConcurrentUpdate = Error.Conflict("WorkOrder.ConcurrentUpdate");
    public static readonly Error OnlyReporterMayAct = Error.Forbidden("WorkOrder.OnlyReporterMayAct");
    public static readonly Error NotYourUnit = Error.Forbidden("WorkOrder.NotYourUnit");
    public static readonly Error LocationOutOfRange = Error.Validation("WorkOrder.LocationOutOfRange");
    public static readonly Error NothingToWarn = Error.Conflict("WorkOrder.NothingToWarn");
    public static readonly Error AlreadyPaused = Error.Conflict("WorkOrder.AlreadyPaused");
    public static readonly Error NotPaused = Error.Conflict("WorkOrder.NotPaused");
    public static readonly Error NothingToSummon = Error.Validation("WorkOrder.NothingToSummon");
    public static readonly Error CannotSummonOwnUnit = Error.Conflict("WorkOrder.CannotSummonOwnUnit");
    public static readonly Error AlreadySummoned = Error.Conflict("WorkOrder.AlreadySummoned");
    public static readonly Error NotSummoned = Error.Forbidden("WorkOrder.NotSummoned");
    public static readonly Error AlreadyReported = Error.Conflict("WorkOrder.AlreadyReported");
    public static readonly Error CoHandlingPending = Error.Conflict("WorkOrder.CoHandlingPending");
}

using Linli.Domain.Common;
using Linli.Domain.Sla;

namespace Linli.Domain.WorkOrders;

/// <summary>
/// Absolute UTC deadlines of the unit now handling an order: accept within, finish within; and when to warn the unit
/// that most of each time has passed (null: no warning).
/// </summary>
public sealed record Deadlines(DateTime RespondBy, DateTime CompleteBy, DateTime? WarnRespondAt = null, DateTime? WarnCompleteAt = null);

/// <summary>Which of an order's two deadlines a warning is about.</summary>
public enum DeadlineKind
{
    Response,
    Completion,
}

/// <summary>What a channel tells us about a new request.</summary>
public sealed record NewWorkOrder(
    string Number,
    Channel Channel,
    string? Title,
    string Description,
    Guid? CategoryId,
    Urgency Urgency,
    Reporter Reporter,
    Location Location,
    string? ExternalReference);

/// <summary>The person who raised the request. The phone is stored encrypted and, separately, masked for lists.</summary>
public sealed record Reporter(Guid? UserId, Guid? ResidentId, string? Name, string? PhoneProtected, string? PhoneMasked);

/// <summary>Where the request is: any of a building, an address text and a map point, plus the area unit that owns it.</summary>
public sealed record Location(Guid? BuildingId, string? AddressText, double? Latitude, double? Longitude, Guid? AreaUnitId);

/// <summary>
/// 工单: one resident request and its whole handling. Changes only through verbs; each verb consults
/// <see cref="WorkOrderTransitions"/> and appends a <see cref="WorkOrderHistoryEntry"/>. Never reads the clock: callers pass <c>at</c>.
/// </summary>
public sealed class WorkOrder
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 4000;
    public const int MaxNoteLength = 2000;

    private readonly List<WorkOrderHistoryEntry> _history = [];
    private readonly List<WorkOrderCoHandler> _coHandlers = [];

    private WorkOrder()
    {
        Number = null!;
        Description = null!;
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; }
    public Channel Channel { get; private set; }
    public WorkOrderStatus Status { get; private set; }
    public string? Title { get; private set; }
    public string Description { get; private set; }
    public Guid? CategoryId { get; private set; }
    public Urgency Urgency { get; private set; }

    public Guid? ReporterUserId { get; private set; }
    public Guid? ReporterResidentId { get; private set; }
    public string? ReporterName { get; private set; }
    public string? ReporterPhoneProtected { get; private set; }
    public string? ReporterPhoneMasked { get; private set; }

    public Guid? BuildingId { get; private set; }
    public string? AddressText { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>The area (grid, community or street) unit that owns the place: decides who may see the order.</summary>
    public Guid? AreaUnitId { get; private set; }

    public string? ExternalReference { get; private set; }

    /// <summary>The unit handling the order now; null while it waits for dispatch.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>How many levels the order has climbed above the unit it was first dispatched to.</summary>
    public int EscalationLevel { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateTime ReceivedAt { get; private set; }
    public DateTime? DispatchedAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? EvaluatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public DateTime? RespondBy { get; private set; }
    public DateTime? CompleteBy { get; private set; }

    public string? Result { get; private set; }
    public bool? Resolved { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public string? EvaluationComment { get; private set; }

    public DateTime? ExtensionRequestedUntil { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>Set while the handler waits for the resident (e.g. to be at home): the completion clock stands still.</summary>
    public DateTime? PausedAt { get; private set; }

    /// <summary>When to warn the unit about the response deadline; cleared once warned (one warning per deadline).</summary>
    public DateTime? ResponseWarningAt { get; private set; }

    /// <summary>When to warn the unit about the completion deadline; cleared once warned.</summary>
    public DateTime? CompletionWarningAt { get; private set; }

    /// <summary>响应: true when the first acceptance came before the response deadline, false once that deadline was missed.</summary>
    public bool? ResponseOnTime { get; private set; }

    /// <summary>The first deadline (response or completion) this order missed, if any: the 超期 mark of the statistics.</summary>
    public DateTime? OverdueAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every verb, checked by the database on save.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<WorkOrderHistoryEntry> History => _history;

    /// <summary>街道吹哨、部门报到: the units summoned to co-handle the order, and their reports.</summary>
    public IReadOnlyList<WorkOrderCoHandler> CoHandlers => _coHandlers;

    public bool IsPaused => PausedAt is not null;

    public bool HasNegativeEvaluation => Resolved == false || Satisfaction == WorkOrders.Satisfaction.Dissatisfied;

    /// <summary>接 / 受理: register a request from any channel.</summary>
    public static Result<WorkOrder> Receive(NewWorkOrder request, Actor actor, DateTime at)
    {
        if (Check(request) is { } error)
        {
            return error;
        }
        var description = request.Description.Trim();
        var title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();

        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)),
            Number = request.Number,
            Channel = request.Channel,
            Status = WorkOrderStatus.Received,
            Title = title,
            Description = description,
            CategoryId = request.CategoryId,
            Urgency = request.Urgency,
            ReporterUserId = request.Reporter.UserId,
            ReporterResidentId = request.Reporter.ResidentId,
            ReporterName = request.Reporter.Name?.Trim(),
            ReporterPhoneProtected = request.Reporter.PhoneProtected,
            ReporterPhoneMasked = request.Reporter.PhoneMasked,
            BuildingId = request.Location.BuildingId,
            AddressText = request.Location.AddressText?.Trim(),
            Latitude = request.Location.Latitude,
            Longitude = request.Location.Longitude,
            AreaUnitId = request.Location.AreaUnitId,
            ExternalReference = request.ExternalReference?.Trim(),
            ReceivedAt = at,
        };
        order.Append(WorkOrderTrigger.Receive, null, WorkOrderStatus.Received, at, actor, null, null);
        return order;
    }

    /// <summary>What <see cref="Receive"/> would refuse, without creating anything (the number is not looked at).</summary>
    public static Error? Check(NewWorkOrder request)
    {
        var description = request.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return WorkOrderErrors.DescriptionRequired;
        }
        var title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();
        if (description.Length > MaxTextLength || title?.Length > MaxTitleLength)
        {
            return WorkOrderErrors.TextTooLong;
        }
        return request.Location.Latitude is < -90 or > 90 || request.Location.Longitude is < -180 or > 180 ? WorkOrderErrors.LocationOutOfRange : null;
    }
    /// <summary>
    /// 分类: set or correct the category and urgency. The classifier does it on intake (with its confidence in the note);
    /// a dispatcher's correction is recorded the same way and later becomes a training label.
    /// </summary>
    public Result<Done> Categorize(Guid? categoryId, Urgency urgency, string? note, Actor actor, DateTime at) =>
        note?.Length > MaxNoteLength
            ? WorkOrderErrors.TextTooLong
            : Move(WorkOrderTrigger.Categorize, actor, at, note, null, () =>
            {
                // Null keeps the category: danger words may raise the urgency of an order nobody could classify yet.
                CategoryId = categoryId ?? CategoryId;
                Urgency = urgency;
            });

    /// <summary>派单: send to a unit with the deadlines its time limit gives.</summary>
    public Result<Done> Dispatch(Guid unitId, Deadlines deadlines, Actor actor, DateTime at, string? comment = null) =>
        Move(WorkOrderTrigger.Dispatch, actor, at, comment, unitId, () =>
        {
            UnitId = unitId;
            DispatchedAt ??= at;
            EscalationLevel = 0;
            SetDeadlines(deadlines);
        });

    public Result<Done> Accept(Actor actor, DateTime at) =>
        Move(WorkOrderTrigger.Accept, actor, at, null, null, () =>
        {
            AcceptedAt ??= at;
            ResponseOnTime ??= RespondBy is not { } due || at <= due;
        });

    /// <summary>办结: the handler reports the result.</summary>
    public Result<Done> Complete(string result, Actor actor, DateTime at)
    {
        if (Validate(result, WorkOrderErrors.ResultRequired, MaxTextLength) is { } error)
        {
            return error;
        }
        if (WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.Complete, out _) && _coHandlers.Any(c => c.ReportedAt is null))
        {
            return WorkOrderErrors.CoHandlingPending;
        }
        return Move(WorkOrderTrigger.Complete, actor, at, result.Trim(), null, () =>
        {
            Result = result.Trim();
            CompletedAt = at;
            ExtensionRequestedUntil = null;
            ExtensionReason = null;
            PausedAt = null;
            ClearWarnings();
        });
    }

    /// <summary>评价: resolved or not, and how satisfied.</summary>
    public Result<Done> Evaluate(bool resolved, Satisfaction satisfaction, string? comment, Actor actor, DateTime at)
    {
        if (comment?.Length > MaxNoteLength)
        {
            return WorkOrderErrors.TextTooLong;
        }
        return Move(WorkOrderTrigger.Evaluate, actor, at, comment, null, () =>
        {
            Resolved = resolved;
            Satisfaction = satisfaction;
            EvaluationComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            EvaluatedAt = at;
        });
    }

    /// <summary>回访: the visit or call after the evaluation; it closes the order.</summary>
    public Result<Done> FollowUp(string note, Actor actor, DateTime at) =>
        Validate(note, WorkOrderErrors.NoteRequired, MaxNoteLength) is { } error
            ? error
            : Move(WorkOrderTrigger.FollowUp, actor, at, note.Trim(), null, () => ClosedAt = at);

    /// <summary>An unresolved or unsatisfied verdict sends the order back to the unit that handled it.</summary>
    public Result<Done> Reopen(string reason, Actor actor, DateTime at, Deadlines deadlines)
    {
        if (Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (Status == WorkOrderStatus.Evaluated && !HasNegativeEvaluation)
        {
            return WorkOrderErrors.ReopenNeedsNegativeEvaluation;
        }
        return Move(WorkOrderTrigger.Reopen, actor, at, reason.Trim(), UnitId, () =>
        {
            CompletedAt = null;
            EvaluatedAt = null;
            SetDeadlines(deadlines);
        });
    }

    /// <summary>退单: the unit says the order is not theirs; it goes back to the dispatcher.</summary>
    public Result<Done> Return(string reason, Actor actor, DateTime at) =>
        Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error
            ? error
            : Move(WorkOrderTrigger.Return, actor, at, reason.Trim(), null, () =>
            {
                UnitId = null;
                AcceptedAt = null;
                RespondBy = null;
                CompleteBy = null;
                ExtensionRequestedUntil = null;
                ExtensionReason = null;
                PausedAt = null;
                ClearWarnings();
            });

    /// <summary>转办: hand to another unit, which must accept it anew.</summary>
    public Result<Done> Transfer(Guid unitId, string reason, Deadlines deadlines, Actor actor, DateTime at) =>
        Reassign(WorkOrderTrigger.Transfer, unitId, reason, deadlines, actor, at);

    /// <summary>逐级上报: move one level up; the higher unit gets fresh deadlines.</summary>
    public Result<Done> Escalate(Guid unitId, string reason, Deadlines deadlines, Actor actor, DateTime at)
    {
        var result = Reassign(WorkOrderTrigger.Escalate, unitId, reason, deadlines, actor, at);
        if (result.IsSuccess)
        {
            EscalationLevel++;
        }
        return result;
    }

    /// <summary>延期: the handler asks for a later completion deadline.</summary>
    public Result<Done> RequestExtension(DateTime until, string reason, Actor actor, DateTime at)
    {
        if (Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (ExtensionRequestedUntil is not null && Status == WorkOrderStatus.Accepted)
        {
            return WorkOrderErrors.ExtensionAlreadyPending;
        }
        if (Status == WorkOrderStatus.Accepted && (until <= at || (CompleteBy is { } due && until <= due)))
        {
            return WorkOrderErrors.ExtensionMustBeLater;
        }
        return Move(WorkOrderTrigger.RequestExtension, actor, at, reason.Trim(), null, () =>
        {
            ExtensionRequestedUntil = until;
            ExtensionReason = reason.Trim();
        });
    }

    public Result<Done> ApproveExtension(string? comment, Actor actor, DateTime at)
    {
        if (ExtensionRequestedUntil is null && Status == WorkOrderStatus.Accepted)
        {
            return WorkOrderErrors.NoPendingExtension;
        }
        return Move(WorkOrderTrigger.ApproveExtension, actor, at, comment, null, () =>
        {
            CompleteBy = ExtensionRequestedUntil;
            ExtensionRequestedUntil = null;
            ExtensionReason = null;
        });
    }

    public Result<Done> RejectExtension(string reason, Actor actor, DateTime at)
    {
        if (Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (ExtensionRequestedUntil is null && Status == WorkOrderStatus.Accepted)
        {
            return WorkOrderErrors.NoPendingExtension;
        }
        return Move(WorkOrderTrigger.RejectExtension, actor, at, reason.Trim(), null, () =>
        {
            ExtensionRequestedUntil = null;
            ExtensionReason = null;
        });
    }

    /// <summary>督办: a superior presses the order; the note is recorded, the state stays.</summary>
    public Result<Done> Supervise(string note, Actor actor, DateTime at) =>
        Validate(note, WorkOrderErrors.NoteRequired, MaxNoteLength) is { } error
            ? error
            : Move(WorkOrderTrigger.Supervise, actor, at, note.Trim(), null, () => { });

    /// <summary>The same incident is already an order: this one follows the parent from now on.</summary>
    public Result<Done> Merge(WorkOrder parent, string? reason, Actor actor, DateTime at) =>
        Merge(parent.Id, parent.Status, parent.ParentId, reason, actor, at);

    /// <summary>
    /// The same, from what the checks need to know of the parent, so that a caller holding only a projection of it
    /// (duplicate detection on intake) need not load the whole aggregate.
    /// </summary>
    public Result<Done> Merge(Guid parentId, WorkOrderStatus parentStatus, Guid? parentParentId, string? reason, Actor actor, DateTime at)
    {
        if (parentId == Id)
        {
            return WorkOrderErrors.CannotMergeIntoItself;
        }
        if (parentStatus is WorkOrderStatus.Merged or WorkOrderStatus.Cancelled or WorkOrderStatus.Closed || parentParentId is not null)
        {
            return WorkOrderErrors.InvalidMergeParent;
        }
        return Move(WorkOrderTrigger.Merge, actor, at, reason, null, () =>
        {
            ParentId = parentId;
            UnitId = null;
            RespondBy = null;
            CompleteBy = null;
            PausedAt = null;
            ClearWarnings();
        });
    }

    public Result<Done> Split(string reason, Actor actor, DateTime at) =>
        Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error
            ? error
            : Move(WorkOrderTrigger.Split, actor, at, reason.Trim(), null, () => ParentId = null);

    /// <summary>The reporter withdraws the request before anyone was sent.</summary>
    public Result<Done> Cancel(string? reason, Actor actor, DateTime at) =>
        reason?.Length > MaxNoteLength
            ? WorkOrderErrors.TextTooLong
            : Move(WorkOrderTrigger.Cancel, actor, at, reason, null, () => ClosedAt = at);

    /// <summary>Nobody evaluated within the allowed days: the order closes by itself.</summary>
    public Result<Done> AutoClose(Actor actor, DateTime at) =>
        Move(WorkOrderTrigger.AutoClose, actor, at, null, null, () => ClosedAt = at);

    /// <summary>预警: most of a deadline's time has passed; the unit is told once per deadline (the system does this).</summary>
    public Result<Done> Warn(DeadlineKind kind, string? comment, Actor actor, DateTime at)
    {
        if (comment?.Length > MaxNoteLength)
        {
            return WorkOrderErrors.TextTooLong;
        }
        if (WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.Warn, out _)
            && (kind == DeadlineKind.Response ? Status != WorkOrderStatus.Dispatched || ResponseWarningAt is null : Status != WorkOrderStatus.Accepted || CompletionWarningAt is null || IsPaused))
        {
            return WorkOrderErrors.NothingToWarn;
        }
        return Move(WorkOrderTrigger.Warn, actor, at, comment, null, () =>
        {
            if (kind == DeadlineKind.Response)
            {
                ResponseWarningAt = null;
            }
            else
            {
                CompletionWarningAt = null;
            }
        });
    }

    /// <summary>等待居民: the handler cannot go on until the resident is available; the completion clock stops.</summary>
    public Result<Done> AwaitResident(string reason, Actor actor, DateTime at)
    {
        if (Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.AwaitResident, out _) && IsPaused)
        {
            return WorkOrderErrors.AlreadyPaused;
        }
        return Move(WorkOrderTrigger.AwaitResident, actor, at, reason.Trim(), null, () => PausedAt = at);
    }

    /// <summary>
    /// The resident is available again: the paused time does not count, so the completion deadline (and its pending warning)
    /// moves by the time that passed on the order's clock (working minutes on the working calendar, all minutes on 24×7).
    /// </summary>
    public Result<Done> Resume(ISlaClock clock, string? note, Actor actor, DateTime at)
    {
        if (note?.Length > MaxNoteLength)
        {
            return WorkOrderErrors.TextTooLong;
        }
        if (WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.Resume, out _) && !IsPaused)
        {
            return WorkOrderErrors.NotPaused;
        }
        return Move(WorkOrderTrigger.Resume, actor, at, note, null, () =>
        {
            var paused = clock.Between(PausedAt!.Value, at);
            CompleteBy = CompleteBy is { } due ? clock.Add(due, paused) : null;
            CompletionWarningAt = CompletionWarningAt is { } warn ? clock.Add(warn, paused) : null;
            PausedAt = null;
        });
    }

    /// <summary>
    /// 街道吹哨: the lead unit calls departments in. Each summoned unit gets its own history entry and must report
    /// (<see cref="ReportCoHandling"/>) before the lead unit may complete the order.
    /// </summary>
    public Result<Done> Summon(IReadOnlyCollection<Guid> unitIds, string note, Actor actor, DateTime at)
    {
        if (Validate(note, WorkOrderErrors.NoteRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (unitIds.Count == 0)
        {
            return WorkOrderErrors.NothingToSummon;
        }
        if (!WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.Summon, out _))
        {
            return WorkOrderErrors.InvalidTransition(Status, WorkOrderTrigger.Summon);
        }
        var fresh = unitIds.Distinct().ToList();
        if (fresh.Any(id => id == UnitId))
        {
            return WorkOrderErrors.CannotSummonOwnUnit;
        }
        if (fresh.Any(id => _coHandlers.Any(c => c.UnitId == id && c.ReportedAt is null)))
        {
            return WorkOrderErrors.AlreadySummoned;
        }
        foreach (var unitId in fresh)
        {
            var moved = Move(WorkOrderTrigger.Summon, actor, at, note.Trim(), unitId, () =>
            {
                // A unit that reported before and is called in again reports anew.
                if (_coHandlers.FirstOrDefault(c => c.UnitId == unitId) is { } earlier)
                {
                    earlier.SummonAgain(note.Trim(), at);
                }
                else
                {
                    _coHandlers.Add(new WorkOrderCoHandler(Id, unitId, at, note.Trim()));
                }
            });
            if (!moved.IsSuccess)
            {
                return moved;
            }
        }
        return default(Done);
    }

    /// <summary>部门报到: a summoned unit reports what it did; the lead unit completes the order once every unit has reported.</summary>
    public Result<Done> ReportCoHandling(Guid unitId, string note, Actor actor, DateTime at)
    {
        if (Validate(note, WorkOrderErrors.NoteRequired, MaxTextLength) is { } error)
        {
            return error;
        }
        var coHandler = _coHandlers.FirstOrDefault(c => c.UnitId == unitId);
        if (WorkOrderTransitions.TryGet(Status, WorkOrderTrigger.ReportCoHandling, out _))
        {
            if (coHandler is null)
            {
                return WorkOrderErrors.NotSummoned;
            }
            if (coHandler.ReportedAt is not null)
            {
                return WorkOrderErrors.AlreadyReported;
            }
        }
        return Move(WorkOrderTrigger.ReportCoHandling, actor, at, note.Trim(), unitId, () => coHandler!.Report(note.Trim(), at));
    }

    private Result<Done> Reassign(WorkOrderTrigger trigger, Guid unitId, string reason, Deadlines deadlines, Actor actor, DateTime at)
    {
        if (Validate(reason, WorkOrderErrors.ReasonRequired, MaxNoteLength) is { } error)
        {
            return error;
        }
        if (UnitId == unitId && WorkOrderTransitions.TryGet(Status, trigger, out _))
        {
            return WorkOrderErrors.SameUnit;
        }
        return Move(trigger, actor, at, reason.Trim(), unitId, () =>
        {
            UnitId = unitId;
            AcceptedAt = null;
            ExtensionRequestedUntil = null;
            ExtensionReason = null;
            PausedAt = null;
            SetDeadlines(deadlines);
        });
    }

    private Result<Done> Move(WorkOrderTrigger trigger, Actor actor, DateTime at, string? comment, Guid? unitId, Action apply)
    {
        if (!WorkOrderTransitions.TryGet(Status, trigger, out var to))
        {
            return WorkOrderErrors.InvalidTransition(Status, trigger);
        }
        var from = Status;
        NoteMissedDeadline(at);
        apply();
        Status = to;
        Append(trigger, from, to, at, actor, string.IsNullOrWhiteSpace(comment) ? null : comment, unitId);
        return default(Done);
    }

    private void Append(WorkOrderTrigger trigger, WorkOrderStatus? from, WorkOrderStatus to, DateTime at, Actor actor, string? comment, Guid? unitId)
    {
        _history.Add(new WorkOrderHistoryEntry(Id, _history.Count + 1, trigger, from, to, at, actor, comment, unitId));
        Version++;
    }

    private void SetDeadlines(Deadlines deadlines)
    {
        RespondBy = deadlines.RespondBy;
        CompleteBy = deadlines.CompleteBy;
        ResponseWarningAt = deadlines.WarnRespondAt;
        CompletionWarningAt = deadlines.WarnCompleteAt;
        PausedAt = null;
    }

    private void ClearWarnings()
    {
        ResponseWarningAt = null;
        CompletionWarningAt = null;
    }

    /// <summary>
    /// Whatever happens to an order after its running deadline has passed, the miss is recorded first: a late response
    /// (still waiting for acceptance) or a late completion (accepted, not paused). The three rates read these marks.
    /// </summary>
    private void NoteMissedDeadline(DateTime at)
    {
        if (Status == WorkOrderStatus.Dispatched && RespondBy is { } respondBy && at > respondBy)
        {
            ResponseOnTime ??= false;
            OverdueAt ??= respondBy;
        }
        else if (Status == WorkOrderStatus.Accepted && !IsPaused && CompleteBy is { } completeBy && at > completeBy)
        {
            OverdueAt ??= completeBy;
        }
    }

    private static Error? Validate(string? text, Error whenMissing, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? whenMissing : text.Length > maxLength ? WorkOrderErrors.TextTooLong : null;
}

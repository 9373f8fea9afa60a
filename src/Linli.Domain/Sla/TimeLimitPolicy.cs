using Linli.Domain.Common;
using Linli.Domain.WorkOrders;

namespace Linli.Domain.Sla;

/// <summary>
/// 时限: how long a unit has to accept (respond) and to finish an order of a category and urgency, and on which clock.
/// A policy without a category is the site's default for that urgency.
/// </summary>
public sealed class TimeLimitPolicy
{
    /// <summary>A year: longer limits are typing mistakes.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    private TimeLimitPolicy()
    {
    }

    public Guid Id { get; private set; }
    public Guid? CategoryId { get; private set; }
    public Urgency Urgency { get; private set; }
    public SlaClockKind Clock { get; private set; }
    public int ResponseMinutes { get; private set; }
    public int CompletionMinutes { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public TimeSpan Response => TimeSpan.FromMinutes(ResponseMinutes);
    public TimeSpan Completion => TimeSpan.FromMinutes(CompletionMinutes);

    public static Result<TimeLimitPolicy> Create(Guid? categoryId, Urgency urgency, SlaClockKind clock, int responseMinutes, int completionMinutes, DateTime at)
    {
        var policy = new TimeLimitPolicy { Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)), CategoryId = categoryId, Urgency = urgency };
        var changed = policy.Change(clock, responseMinutes, completionMinutes, at);
        return changed.IsSuccess ? policy : changed.Error!;
    }

    public Result<Done> Change(SlaClockKind clock, int responseMinutes, int completionMinutes, DateTime at)
    {
        if (responseMinutes <= 0 || completionMinutes <= 0 || responseMinutes > MaxMinutes || completionMinutes > MaxMinutes)
        {
            return SlaErrors.MinutesOutOfRange;
        }
        if (completionMinutes < responseMinutes)
        {
            return SlaErrors.CompletionBeforeResponse;
        }
        Clock = clock;
        ResponseMinutes = responseMinutes;
        CompletionMinutes = completionMinutes;
        UpdatedAt = at;
        Version++;
        return default(Done);
    }
}

public static class SlaErrors
{
    public static readonly Error MinutesOutOfRange = Error.Validation("Sla.MinutesOutOfRange");
    public static readonly Error CompletionBeforeResponse = Error.Validation("Sla.CompletionBeforeResponse");
    public static readonly Error UnknownClock = Error.Validation("Sla.UnknownClock");
    public static readonly Error UnknownCategory = Error.Validation("Sla.UnknownCategory");
    public static readonly Error UnknownUrgency = Error.Validation("Sla.UnknownUrgency");
    public static readonly Error PolicyNotFound = Error.NotFound("Sla.PolicyNotFound");
    public static readonly Error InvalidWorkingHours = Error.Validation("Sla.InvalidWorkingHours");
    public static readonly Error InvalidCalendarDay = Error.Validation("Sla.InvalidCalendarDay");
    public static readonly Error CalendarDayNotFound = Error.NotFound("Sla.CalendarDayNotFound");
}

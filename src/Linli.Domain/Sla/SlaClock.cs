namespace Linli.Domain.Sla;

/// <summary>Which clock a time limit runs on: around the clock, or only in working hours on working days.</summary>
public enum SlaClockKind
{
    /// <summary>24×7: every minute counts (emergencies, safety).</summary>
    TwentyFourSeven,
    /// <summary>Working hours of working days (工作日), holidays and 调休 from the calendar.</summary>
    Working,
}

/// <summary>
/// Deadline arithmetic on one clock. Deadlines are absolute UTC instants; a clock says which minutes between two
/// instants count (all of them, or only working ones).
/// </summary>
public interface ISlaClock
{
    /// <summary>The instant at which <paramref name="duration"/> of counted time has passed since <paramref name="startUtc"/>.</summary>
    DateTime Add(DateTime startUtc, TimeSpan duration);

    /// <summary>How much counted time lies between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    TimeSpan Between(DateTime fromUtc, DateTime toUtc);
}

/// <summary>The 24×7 clock: plain UTC arithmetic.</summary>
public sealed class ContinuousClock : ISlaClock
{
    public static readonly ContinuousClock Instance = new();

    private ContinuousClock()
    {
    }

    public DateTime Add(DateTime startUtc, TimeSpan duration) => startUtc + duration;

    public TimeSpan Between(DateTime fromUtc, DateTime toUtc) => toUtc > fromUtc ? toUtc - fromUtc : TimeSpan.Zero;
}

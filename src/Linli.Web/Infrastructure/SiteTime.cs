namespace Linli.Web.Infrastructure;

/// <summary>The site's own time zone (China Standard Time by default): order numbers and "today" are local dates.</summary>
public sealed class SiteTime(TimeProvider clock, IConfiguration configuration)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Linli:TimeZone"] ?? "Asia/Shanghai");

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    /// <summary>The UTC instant at which a local date begins.</summary>
    public DateTime StartOfLocalDay(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}

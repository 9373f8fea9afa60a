namespace Linli.Web.Features.Reports;

/// <summary>
/// A generated weekly report: its JSON (the figures) and Markdown (the text), frozen at generation time. The scheduled
/// job's reports carry a <see cref="ScheduledKey"/> (area + week), unique, so two instances never write the same one.
/// </summary>
public sealed class WeeklyReportRecord
{
    public Guid Id { get; set; }
    public Guid AreaUnitId { get; set; }
    public string Week { get; set; } = "";
    public DateTime GeneratedAt { get; set; }
    public string GeneratedBy { get; set; } = "";
    public string? ScheduledKey { get; set; }
    public string Json { get; set; } = "";
    public string Markdown { get; set; } = "";
}

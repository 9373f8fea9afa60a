namespace Linli.Web.Features.HistoryImport;

/// <summary>
/// A past request imported from another system (CSV or Excel): read by hot issues and the forecast, never handled.
/// <see cref="ContentHash"/> (time + title + detail) is unique, so importing the same file twice adds nothing.
/// </summary>
public sealed class HistoricalRequest
{
    public const int MaxTitleLength = 200;
    public const int MaxDetailLength = 4000;

    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";
    public string? CategoryText { get; set; }
    public Guid? CategoryId { get; set; }

    /// <summary>Supporters (likes) of the request: counts as support in hot issues.</summary>
    public int Support { get; set; }

    public string? PlaceText { get; set; }

    /// <summary>The area unit the history belongs to (the importing caller's area, or the one named at import).</summary>
    public Guid AreaUnitId { get; set; }

    public string ContentHash { get; set; } = "";
    public DateTime ImportedAt { get; set; }
}

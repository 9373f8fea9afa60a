namespace Linli.Web.Features.Duplicates;

/// <summary>Why an order was taken for a duplicate of another (merged or only suggested): the evidence, kept for people to check.</summary>
public sealed class DuplicateMatch
{
    public Guid Id { get; set; }
    public Guid WorkOrderId { get; set; }
    public Guid CandidateId { get; set; }
    public double Score { get; set; }
    public double TextSimilarity { get; set; }
    public double? DistanceMeters { get; set; }
    public bool SameBuilding { get; set; }
    public bool SameCategory { get; set; }
    public double MinutesApart { get; set; }

    /// <summary><c>Merged</c> or <c>Suggested</c>.</summary>
    public string Action { get; set; } = "";

    public string Explanation { get; set; } = "";
    public DateTime At { get; set; }
}

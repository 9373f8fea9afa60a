using Linli.Domain.Grids;

namespace Linli.Web.Features.Grids;

/// <summary>
/// How the place of one work order was found, written in the intake transaction: by building, address, map point,
/// the reporter's home or fallback; how sure; the grid and building it resolved to; the address in canonical spelling.
/// Kept beside the order (one row per order) so that the work-order aggregate stays as it is.
/// </summary>
public sealed class WorkOrderLocation
{
    public const int MaxAddressLength = 200;

    private WorkOrderLocation()
    {
    }

    public Guid WorkOrderId { get; private set; }
    public LocatedBy LocatedBy { get; private set; }

    /// <summary>0 (a guess) to 1 (the channel named the building).</summary>
    public double Confidence { get; private set; }

    public Guid? GridId { get; private set; }
    public Guid? BuildingId { get; private set; }
    public string? NormalizedAddress { get; private set; }

    /// <summary>The registered name of the compound the place is in, also when no building in it is known (duplicates, routing).</summary>
    public string? Compound { get; private set; }

    public DateTime LocatedAt { get; private set; }

    public static WorkOrderLocation For(Guid workOrderId, Place place, DateTime at) => new()
    {
        WorkOrderId = workOrderId,
        LocatedBy = place.LocatedBy,
        Confidence = place.Confidence,
        GridId = place.GridId,
        BuildingId = place.BuildingId,
        NormalizedAddress = place.NormalizedAddress is { Length: > MaxAddressLength } text ? text[..MaxAddressLength] : place.NormalizedAddress,
        Compound = place.Compound,
        LocatedAt = at,
    };
}

/// <summary>How an order's place was found, as the order details show it (<c>located</c>).</summary>
public sealed record LocatedDetails(LocatedBy LocatedBy, double Confidence, Guid? GridId, string? GridCode, string? GridName, Guid? BuildingId, string? NormalizedAddress);

using Linli.Domain.Common;
using Linli.Web.Features.Units;

namespace Linli.Web.Features.WorkOrders;

/// <summary>Checks that a unit named in a request exists and takes work.</summary>
public sealed class UnitLookup(UnitTree units)
{
    public static readonly Error UnknownUnit = Error.Validation("WorkOrder.UnknownUnit");
    public static readonly Error NoHigherUnit = Error.Conflict("WorkOrder.NoHigherUnit");

    public async Task<Result<UnitNode>> ActiveAsync(Guid? unitId, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        return unitId is { } id && tree.Find(id) is { IsActive: true } unit ? unit : UnknownUnit;
    }

    /// <summary>The next unit up the ladder from the one handling the order now.</summary>
    public async Task<Result<UnitNode>> ParentOfAsync(Guid? unitId, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        return unitId is { } id && tree.ParentOf(id) is { IsActive: true } parent ? parent : NoHigherUnit;
    }
}

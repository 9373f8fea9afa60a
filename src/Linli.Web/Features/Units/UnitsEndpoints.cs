using Linli.Domain.Units;
using Linli.Web.Features.Accounts;

namespace Linli.Web.Features.Units;

public sealed record UnitSummary(Guid Id, string Code, string Name, UnitKind Kind, int? GridLevel, Guid? ParentId);

/// <summary>/api/v1/units: the handling units a dispatcher can send orders to (staff only).</summary>
public static class UnitsEndpoints
{
    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder api)
    {
        api.MapGet("/units", async (UnitTree units, CancellationToken ct) =>
                (await units.GetAsync(ct)).All.Where(u => u.IsActive).OrderBy(u => u.Code)
                    .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.GridLevel, u.ParentId)).ToList())
            .WithTags("Units")
            .RequireAuthorization(AccountsSetup.Policies.Staff);
        return api;
    }
}

using Linli.Domain.Units;
using Linli.Web.Features.Units;

namespace Linli.Web.Features.Accounts;

public sealed record MyUnit(Guid Id, string Name, UnitKind Kind, bool IsLeader);

public sealed record MeResponse(Guid? Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<MyUnit> Units);

public static class GetMe
{
    public static async Task<MeResponse> HandleAsync(HttpContext context, CallerFactory callers, UnitTree units, CancellationToken ct)
    {
        var caller = await callers.GetAsync(context, ct);
        var tree = await units.GetAsync(ct);
        var myUnits = caller.UnitIds
            .Select(tree.Find).OfType<UnitNode>()
            .Select(u => new MyUnit(u.Id, u.Name, u.Kind, caller.LeaderUnitIds.Contains(u.Id)))
            .OrderBy(u => u.Name)
            .ToList();
        return new MeResponse(caller.UserId ?? caller.ApiKeyId, context.User.Identity?.Name ?? "", caller.Name,
            [.. caller.Roles.Order()], myUnits);
    }
}

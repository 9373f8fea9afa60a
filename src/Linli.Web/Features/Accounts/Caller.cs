using System.Security.Claims;
using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Accounts;

/// <summary>
/// Who is calling and what they may see, worked out once per request: roles, the units they belong to, and the
/// subtree of units those cover. Every query filters by this (see WorkOrderScope).
/// </summary>
public sealed class Caller
{
    public required Guid? UserId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlySet<string> Roles { get; init; }
    public required IReadOnlySet<Guid> UnitIds { get; init; }
    public required IReadOnlySet<Guid> LeaderUnitIds { get; init; }
    public required IReadOnlySet<Guid> VisibleUnitIds { get; init; }
    public Guid? ApiKeyId { get; init; }
    public Channel? ApiKeyChannel { get; init; }
    public Guid? ApiKeyAreaUnitId { get; init; }

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    public bool IsResident => Roles.Contains(Accounts.Roles.Resident) && !IsStaff;
    public bool IsStaff => Accounts.Roles.Staff.Any(Roles.Contains);
    public bool IsChannel => ApiKeyId is not null;
    public bool IsCoordinator => Accounts.Roles.Coordinators.Any(Roles.Contains);
    public bool IsHandler => Accounts.Roles.Handlers.Any(Roles.Contains);

    public bool InRole(params string[] roles) => roles.Any(Roles.Contains);

    public bool IsMemberOf(Guid? unitId) => unitId is { } id && UnitIds.Contains(id);

    public bool Covers(Guid? unitId) => IsAdmin || (unitId is { } id && VisibleUnitIds.Contains(id));

    /// <summary>The role recorded in history: the most senior one the caller holds.</summary>
    public string PrimaryRole => IsChannel ? "Channel"
        : Accounts.Roles.All.Reverse().FirstOrDefault(Roles.Contains) ?? "User";

    public Actor AsActor() => new(UserId, Name, PrimaryRole);

    /// <summary>Scope for idempotency keys and attachment ownership.</summary>
    public string IdentityScope => ApiKeyId is { } key ? $"key:{key:N}" : $"user:{UserId:N}";
}

public sealed class CallerFactory(LinliDbContext db, UnitTree units)
{
    public const string ApiKeyIdClaim = "linli:api_key";
    public const string ChannelClaim = "linli:channel";
    public const string AreaClaim = "linli:area";
    private const string ItemKey = nameof(Caller);

    public async Task<Caller> GetAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Items[ItemKey] is Caller cached)
        {
            return cached;
        }
        var principal = context.User;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        Guid? userId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : null;
        Guid? keyId = Guid.TryParse(principal.FindFirstValue(ApiKeyIdClaim), out var kid) ? kid : null;

        // A channel key's NameIdentifier is the key's id: it belongs to no unit, so there is nothing to look up.
        var memberships = keyId is null && userId is { } id
            ? await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == id).Select(m => new { m.UnitId, m.IsLeader }).ToListAsync(ct)
            : [];
        var tree = await units.GetAsync(ct);
        var unitIds = memberships.Select(m => m.UnitId).ToHashSet();
        Guid? keyArea = Guid.TryParse(principal.FindFirstValue(AreaClaim), out var area) ? area : null;
        if (keyId is not null && keyArea is { } channelArea)
        {
            // A channel key bound to an area sees its channel's orders anywhere inside that area (grids below it included).
            unitIds.Add(channelArea);
        }
        var caller = new Caller
        {
            UserId = keyId is null ? userId : null,
            Name = principal.FindFirstValue("display_name") ?? principal.Identity?.Name ?? "",
            Roles = roles,
            UnitIds = keyId is null ? unitIds : new HashSet<Guid>(),
            LeaderUnitIds = memberships.Where(m => m.IsLeader).Select(m => m.UnitId).ToHashSet(),
            VisibleUnitIds = tree.Subtree(unitIds),
            ApiKeyId = keyId,
            ApiKeyChannel = Enum.TryParse<Channel>(principal.FindFirstValue(ChannelClaim), out var channel) ? channel : null,
            ApiKeyAreaUnitId = keyArea,
        };
        context.Items[ItemKey] = caller;
        return caller;
    }
}

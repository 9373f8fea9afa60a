using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.Units;
using Linli.Web.Features.Accounts;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Grids;

public sealed record GridMemberSummary(Guid Id, Guid GridId, Guid UserId, string UserName, string DisplayName, GridRole Role,
    DateTime AssignedAt, DateTime? RetiredAt, IReadOnlyList<Guid> HouseholdIds);

/// <summary><c>householdIds</c> only for <see cref="GridRole.PartyMember"/> (党员联户): households of buildings in the grid.</summary>
public sealed record AssignGridMemberRequest(Guid? UserId, GridRole? Role, IReadOnlyList<Guid>? HouseholdIds);

/// <summary>
/// The people of a grid: 网格长, 网格员, 楼栋长, 领导包保 and 党员联户. Administrators manage every grid; a grid leader
/// manages the grids in their own units' subtree. Leaders, members and building heads also become members of the grid's
/// unit, which is what lets them see and handle its orders; retiring the last such assignment removes that membership.
/// </summary>
public sealed class ManageGridMembersHandler(LinliDbContext db, GridMap map, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<GridMemberSummary>>> ListAsync(Guid gridId, Caller caller, CancellationToken ct)
    {
        var grid = await GridAsync(gridId, ct);
        if (grid is null || !(caller.IsCoordinator || caller.Covers(grid.UnitId)))
        {
            return GridErrors.NotFound;
        }
        var members = await db.GridMembers.AsNoTracking().Where(m => m.GridId == gridId).ToListAsync(ct);
        return Result<IReadOnlyList<GridMemberSummary>>.Success(await SummariesAsync(members, ct));
    }

    public async Task<Result<GridMemberSummary>> AssignAsync(Guid gridId, AssignGridMemberRequest request, Caller caller, CancellationToken ct)
    {
        var grid = await GridAsync(gridId, ct);
        if (grid is null || !grid.IsActive)
        {
            return GridErrors.NotFound;
        }
        if (MayManage(caller, grid) is { } forbidden)
        {
            return forbidden;
        }
        if (request.UserId is not { } userId || !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return GridErrors.MemberUnknownUser;
        }
        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            return GridErrors.MemberInvalidRole;
        }
        var households = request.HouseholdIds?.Distinct().ToList() ?? [];
        if (households.Count > 0 && role != GridRole.PartyMember)
        {
            return GridErrors.MemberHouseholdsOnlyForPartyMembers;
        }
        if (households.Count > 0 && !await HouseholdsInGridAsync(grid, households, ct))
        {
            return GridErrors.MemberUnknownHousehold;
        }
        if (await db.GridMembers.AnyAsync(m => m.GridId == gridId && m.UserId == userId && m.Role == role && m.RetiredAt == null, ct))
        {
            return GridErrors.MemberAlreadyAssigned;
        }
        var member = GridMember.Assign(Guid.CreateVersion7(), gridId, userId, role, clock.GetUtcNow().UtcDateTime);
        db.GridMembers.Add(member);
        foreach (var household in households)
        {
            db.HouseholdLinks.Add(new HouseholdLink(member.Id, household));
        }
        if (GridMember.HandlesOrders(role) && !await db.UnitMemberships.AnyAsync(m => m.UserId == userId && m.UnitId == grid.UnitId, ct))
        {
            db.UnitMemberships.Add(new UnitMembership(userId, grid.UnitId, role == GridRole.GridLeader));
        }
        await db.SaveChangesAsync(ct);
        return (await SummariesAsync([member], ct))[0];
    }

    public async Task<Result<GridMemberSummary>> RetireAsync(Guid gridId, Guid memberId, Caller caller, CancellationToken ct)
    {
        var grid = await GridAsync(gridId, ct);
        var member = await db.GridMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.GridId == gridId, ct);
        if (grid is null || member is null)
        {
            return GridErrors.MemberNotFound;
        }
        if (MayManage(caller, grid) is { } forbidden)
        {
            return forbidden;
        }
        member.Retire(clock.GetUtcNow().UtcDateTime);
        if (GridMember.HandlesOrders(member.Role))
        {
            var sameUnitGrids = (await map.GetAsync(ct)).Grids.Where(g => g.UnitId == grid.UnitId).Select(g => g.Id).ToList();
            var stillHandles = await db.GridMembers.AnyAsync(m => m.Id != memberId && m.UserId == member.UserId && m.RetiredAt == null
                && sameUnitGrids.Contains(m.GridId) && (m.Role == GridRole.GridLeader || m.Role == GridRole.GridMember || m.Role == GridRole.BuildingHead), ct);
            if (!stillHandles)
            {
                var membership = await db.UnitMemberships.FirstOrDefaultAsync(m => m.UserId == member.UserId && m.UnitId == grid.UnitId, ct);
                if (membership is not null)
                {
                    db.UnitMemberships.Remove(membership);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return (await SummariesAsync([member], ct))[0];
    }

    private static Error? MayManage(Caller caller, GridNode grid) =>
        caller.IsAdmin || (caller.InRole(Roles.GridLeader) && caller.Covers(grid.UnitId)) ? null : GridErrors.MemberNotYourGrid;

    private async Task<GridNode?> GridAsync(Guid id, CancellationToken ct) => (await map.GetAsync(ct)).Find(id);

    private async Task<bool> HouseholdsInGridAsync(GridNode grid, List<Guid> households, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        var buildingIds = await db.Households.Where(h => households.Contains(h.Id)).Select(h => h.BuildingId).ToListAsync(ct);
        if (buildingIds.Count != households.Count)
        {
            return false;
        }
        // A household is in the grid when its building's point lies in the grid's polygon.
        return buildingIds.Distinct().All(b => snapshot.Building(b) is { } building
            && grid.Boundary.Covers(GridGeometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(building.Longitude, building.Latitude))));
    }

    private async Task<IReadOnlyList<GridMemberSummary>> SummariesAsync(IReadOnlyList<GridMember> members, CancellationToken ct)
    {
        var userIds = members.Select(m => m.UserId).Distinct().ToList();
        var memberIds = members.Select(m => m.Id).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var links = (await db.HouseholdLinks.AsNoTracking().Where(l => memberIds.Contains(l.MemberId)).ToListAsync(ct)).ToLookup(l => l.MemberId);
        return [.. members.OrderBy(m => m.Role).ThenBy(m => m.AssignedAt).Select(m => new GridMemberSummary(m.Id, m.GridId, m.UserId,
            users.TryGetValue(m.UserId, out var u) ? u.UserName ?? "" : "", u?.DisplayName ?? "", m.Role, m.AssignedAt, m.RetiredAt,
            [.. links[m.Id].Select(l => l.HouseholdId)]))];
    }
}

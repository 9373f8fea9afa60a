using Linli.Domain.Common;

namespace Linli.Domain.Grids;

/// <summary>The coded errors of grids, buildings, members and routing rules. Codes are stable API.</summary>
public static class GridErrors
{
    public static readonly Error NotFound = Error.NotFound("Grid.NotFound");
    public static readonly Error NameRequired = Error.Validation("Grid.NameRequired");
    public static readonly Error CodeTaken = Error.Conflict("Grid.CodeTaken");
    public static readonly Error InvalidLevel = Error.Validation("Grid.InvalidLevel");
    public static readonly Error InvalidParent = Error.Validation("Grid.InvalidParent");
    public static readonly Error UnknownUnit = Error.Validation("Grid.UnknownUnit");
    public static readonly Error Retired = Error.Conflict("Grid.Retired");
    public static readonly Error HasActiveChildren = Error.Conflict("Grid.HasActiveChildren");
    public static readonly Error ConcurrentUpdate = Error.Conflict("Grid.ConcurrentUpdate");

    public static Error InvalidBoundary(string reason) =>
        Error.Validation("Grid.InvalidBoundary", new Dictionary<string, object?> { ["reason"] = reason });

    public static Error OutsideParent(string parentCode) =>
        Error.Unprocessable("Grid.OutsideParent", new Dictionary<string, object?> { ["parent"] = parentCode });

    public static Error OverlapsSibling(string siblingCode, double squareMetres) =>
        Error.Unprocessable("Grid.OverlapsSibling", new Dictionary<string, object?> { ["sibling"] = siblingCode, ["overlapSquareMetres"] = Math.Round(squareMetres, 1) });

    public static Error ChildOutside(string childCode) =>
        Error.Unprocessable("Grid.ChildOutside", new Dictionary<string, object?> { ["child"] = childCode });

    public static Error InvalidGeoJson(string reason) =>
        Error.Validation("Grid.InvalidGeoJson", new Dictionary<string, object?> { ["reason"] = reason });

    public static readonly Error BuildingNotFound = Error.NotFound("Building.NotFound");
    public static readonly Error BuildingInvalid = Error.Validation("Building.Invalid");
    public static readonly Error BuildingNumberTaken = Error.Conflict("Building.NumberTaken");
    public static readonly Error BuildingUnknownGrid = Error.Validation("Building.UnknownGrid");
    public static readonly Error BuildingOutsideGrid = Error.Unprocessable("Building.OutsideGrid");
    public static readonly Error BuildingUnknownPropertyCompany = Error.Validation("Building.UnknownPropertyCompany");
    public static readonly Error AliasTaken = Error.Conflict("CompoundAlias.Taken");

    public static readonly Error MemberNotFound = Error.NotFound("GridMember.NotFound");
    public static readonly Error MemberUnknownUser = Error.Validation("GridMember.UnknownUser");
    public static readonly Error MemberInvalidRole = Error.Validation("GridMember.InvalidRole");
    public static readonly Error MemberAlreadyAssigned = Error.Conflict("GridMember.AlreadyAssigned");
    public static readonly Error MemberUnknownHousehold = Error.Validation("GridMember.UnknownHousehold");
    public static readonly Error MemberHouseholdsOnlyForPartyMembers = Error.Validation("GridMember.HouseholdsOnlyForPartyMembers");
    public static readonly Error MemberNotYourGrid = Error.Forbidden("GridMember.NotYourGrid");

    public static readonly Error RuleNotFound = Error.NotFound("RoutingRule.NotFound");
    public static readonly Error RuleInvalid = Error.Validation("RoutingRule.Invalid");
    public static readonly Error RuleUnknownGrid = Error.Validation("RoutingRule.UnknownGrid");
    public static readonly Error RuleUnknownCategory = Error.Validation("RoutingRule.UnknownCategory");
    public static readonly Error RuleUnknownUnit = Error.Validation("RoutingRule.UnknownUnit");
}

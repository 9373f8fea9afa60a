using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Features.Accounts;

/// <summary>A sign-in account (staff or resident). Personal data lives in the resident register, not here.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

public sealed class Role : IdentityRole<Guid>;

/// <summary>The eight roles of the platform; names are stable API (they appear in tokens and /api/v1/me).</summary>
public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string GridMember = nameof(GridMember);
    public const string GridLeader = nameof(GridLeader);
    public const string Dispatcher = nameof(Dispatcher);
    public const string DepartmentHandler = nameof(DepartmentHandler);
    public const string PropertyStaff = nameof(PropertyStaff);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static readonly string[] All = [Resident, GridMember, GridLeader, Dispatcher, DepartmentHandler, PropertyStaff, Supervisor, Admin];

    /// <summary>Roles that work on orders of their units.</summary>
    public static readonly string[] Handlers = [GridMember, GridLeader, DepartmentHandler, PropertyStaff];

    /// <summary>Roles that route and oversee the orders of an area.</summary>
    public static readonly string[] Coordinators = [Dispatcher, Supervisor, Admin];

    public static readonly string[] Staff = [GridMember, GridLeader, Dispatcher, DepartmentHandler, PropertyStaff, Supervisor, Admin];
}

using Linli.Domain.Categories;
using Linli.Domain.Residents;
using Linli.Domain.Units;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Sla;
using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Persistence.Demo;

/// <summary>
/// The demo street (六里桥街道): units from the district leader down to level-3 grids, departments and property companies,
/// buildings and households, staff accounts for every role, residents and historical orders. Deterministic: same ids,
/// names and orders on every install. Runs only in demo mode and only on an empty database.
/// </summary>
public sealed partial class DemoSeeder(
    LinliDbContext db,
    UserManager<User> users,
    RoleManager<Role> roles,
    PersonalData personalData,
    TimeProvider clock,
    SiteTime siteTime,
    TimeLimits limits,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Linli-demo-2026";
    public const int DefaultHistoricalOrders = 1500;

    public static class Codes
    {
        public const string Leadership = "L01";
        public const string Street = "S01";
        public const string HandlerGrid = "G0101";
        public const string OtherGrid = "G0201";
        public const string Department = "D01";
        public const string PropertyCompany = "P01";
    }

    public async Task<bool> SeedAsync(int historicalOrders, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return false;
        }
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new Role { Id = DemoIds.For("role:" + role), Name = role });
            }
        }
        var units = SeedUnits();
        SeedCategories();
        var buildings = SeedBuildings(units);
        SeedGeography(units, buildings);
        await db.SaveChangesAsync(ct);
        await SeedAccountsAsync(buildings, ct);
        await SeedResidentsAsync(buildings, ct);
        await SeedHistoryAsync(historicalOrders, ct);
        return true;
    }

    private Dictionary<string, Unit> SeedUnits()
    {
        var units = new Dictionary<string, Unit>();
        Unit Add(string code, string name, UnitKind kind, string? parent)
        {
            var unit = Unit.Create(DemoIds.For("unit:" + code), code, name, kind, parent is null ? null : units[parent].Id);
            units[code] = unit;
            db.Units.Add(unit);
            return unit;
        }
        Add(Codes.Leadership, "区领导包片（六里桥）", UnitKind.Leadership, null);
        Add(Codes.Street, "六里桥街道", UnitKind.Street, Codes.Leadership);
        foreach (var (community, ci) in Communities.Select((c, i) => (c, i + 1)))
        {
            var code = $"C{ci:00}";
            Add(code, community.Name, UnitKind.Community, Codes.Street);
            for (var g = 1; g <= community.Grids; g++)
            {
                Add($"G{ci:00}{g:00}", $"{community.Name[..^2]}第{Numerals[g]}网格", UnitKind.Grid, code);
            }
        }
        Add(Codes.Department, "街道城管执法队", UnitKind.Department, Codes.Street);
        Add("D02", "街道市场监管所", UnitKind.Department, Codes.Street);
        Add("D03", "街道平安建设办", UnitKind.Department, Codes.Street);
        Add("D04", "街道民生保障办", UnitKind.Department, Codes.Street);
        Add(Codes.PropertyCompany, "安居物业服务有限公司", UnitKind.PropertyCompany, Codes.Street);
        Add("P02", "嘉园物业管理有限公司", UnitKind.PropertyCompany, Codes.Street);
        return units;
    }

    private void SeedCategories()
    {
        foreach (var (group, children) in CategoryTree)
        {
            var parent = Category.Create(DemoIds.For("category:" + group.Code), group.Code, group.Name, null);
            db.Categories.Add(parent);
            foreach (var child in children)
            {
                db.Categories.Add(Category.Create(DemoIds.For("category:" + child.Code), child.Code, child.Name, parent));
            }
        }
    }

    private List<Building> SeedBuildings(Dictionary<string, Unit> units)
    {
        var buildings = new List<Building>();
        var propertyCompanies = new[] { units[Codes.PropertyCompany].Id, units["P02"].Id };
        var index = 0;
        foreach (var grid in units.Values.Where(u => u.Kind == UnitKind.Grid).OrderBy(u => u.Code))
        {
            var compound = Compounds[index % Compounds.Length];
            var communityIndex = int.Parse(grid.Code[1..3]);
            var gridIndex = int.Parse(grid.Code[3..5]);
            for (var b = 1; b <= 4; b++)
            {
                var number = $"{(gridIndex - 1) * 4 + b}";
                // Buildings sit inside their grid's polygon (DemoSeeder.Grids.cs), around 六里桥 in Beijing Fengtai.
                var (latitude, longitude) = DemoGeography.BuildingPoint(communityIndex, gridIndex, b);
                var building = Building.Create(DemoIds.For($"building:{grid.Code}:{b}"), grid.Id, compound, number,
                    $"北京市丰台区六里桥街道{compound}{number}号楼", latitude, longitude, propertyCompanies[index % 2]);
                buildings.Add(building);
                db.Buildings.Add(building);
                for (var entrance = 1; entrance <= 2; entrance++)
                {
                    for (var floor = 1; floor <= 6; floor++)
                    {
                        for (var door = 1; door <= 2; door++)
                        {
                            var room = $"{floor}0{door}";
                            db.Households.Add(Household.Create(DemoIds.For($"household:{building.Id}:{entrance}:{room}"), building.Id, $"{entrance}", room));
                        }
                    }
                }
            }
            index++;
        }
        return buildings;
    }

    private async Task SeedAccountsAsync(List<Building> buildings, CancellationToken ct)
    {
        // Hash once: PBKDF2 is deliberately slow, and every demo account shares the password.
        var passwordHash = users.PasswordHasher.HashPassword(new User(), Password);
        foreach (var account in Accounts)
        {
            var user = new User
            {
                Id = DemoIds.For("user:" + account.UserName),
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                PasswordHash = passwordHash,
                SecurityStamp = DemoIds.For("stamp:" + account.UserName).ToString("N"),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, account.Role);
            if (account.UnitCode is { } unitCode)
            {
                db.UnitMemberships.Add(new UnitMembership(user.Id, DemoIds.For("unit:" + unitCode), account.IsLeader));
            }
            if (account.Role == Roles.Resident)
            {
                var building = buildings.First(b => b.GridUnitId == DemoIds.For("unit:" + account.HomeGrid));
                var household = await db.Households.Where(h => h.BuildingId == building.Id).OrderBy(h => h.Entrance).ThenBy(h => h.Room).FirstAsync(ct);
                var resident = Resident.Create(DemoIds.For("resident:" + account.UserName), account.DisplayName,
                    personalData.Protect(account.Phone!), PersonalData.MaskPhone(account.Phone!), household.Id, 1975);
                resident.LinkAccount(user.Id);
                db.Residents.Add(resident);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record DemoAccount(string UserName, string DisplayName, string Role, string? UnitCode, bool IsLeader = false, string? HomeGrid = null, string? Phone = null);

    private static readonly DemoAccount[] Accounts =
    [
        new("admin", "系统管理员", Roles.Admin, Codes.Street),
        new("dispatcher", "王调度", Roles.Dispatcher, Codes.Street),
        new("supervisor", "赵督办", Roles.Supervisor, Codes.Street),
        new("leader", "孙网格长", Roles.GridLeader, "C01", IsLeader: true),
        new("handler", "李网格员", Roles.GridMember, Codes.HandlerGrid),
        new("handler2", "周网格员", Roles.GridMember, Codes.OtherGrid),
        new("department", "钱执法", Roles.DepartmentHandler, Codes.Department),
        new("property", "吴管家", Roles.PropertyStaff, Codes.PropertyCompany),
        new("resident", "张晓梅", Roles.Resident, null, HomeGrid: Codes.HandlerGrid, Phone: "13812345678"),
        new("resident2", "陈建国", Roles.Resident, null, HomeGrid: Codes.OtherGrid, Phone: "13987654321"),
    ];

    private sealed record CommunitySpec(string Name, int Grids);

    private static readonly CommunitySpec[] Communities = [new("莲花池社区", 3), new("太平桥社区", 3), new("六里桥社区", 3)];

    private static readonly string[] Numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static readonly string[] Compounds = ["莲花小区", "翠园小区", "金泰家园", "太平里", "桥南小区", "和平苑", "六里桥北里", "京铁家园", "丽泽雅园"];

    private sealed record CategorySpec(string Code, string Name);

    private static readonly (CategorySpec Group, CategorySpec[] Children)[] CategoryTree =
    [
        (new("01", "城乡建设"), [new("0101", "物业管理"), new("0102", "房屋漏水"), new("0103", "电梯故障"), new("0104", "市政设施")]),
        (new("02", "环境保护"), [new("0201", "环境卫生"), new("0202", "噪音扰民"), new("0203", "垃圾分类")]),
        (new("03", "交通运输"), [new("0301", "停车管理"), new("0302", "道路破损")]),
        (new("04", "社会治理"), [new("0401", "邻里纠纷"), new("0402", "安全隐患"), new("0403", "违章搭建")]),
        (new("05", "民生服务"), [new("0501", "养老服务"), new("0502", "供水供暖"), new("0503", "其他")]),
    ];
}

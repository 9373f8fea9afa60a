using Linli.Domain.Grids;
using Linli.Domain.Units;
using Linli.Web.Features.Grids;
using NetTopologySuite.Geometries;

namespace Linli.Web.Persistence.Demo;

// The geography of the demo street: a jittered lattice of 4 × 4 corners (plus a jittered midpoint on every edge) cut into
// 3 communities × 3 block grids, so that neighbours share their irregular edges exactly, communities are the union of their
// grids and the street the union of all; one pentagonal micro-grid around each building. Plus compound aliases, demo
// routing rules and the people of a few grids.
public sealed partial class DemoSeeder
{
    private void SeedGeography(Dictionary<string, Unit> units, List<Building> buildings)
    {
        Grid Add(string code, string name, int level, string? parentCode, Guid unitId, Guid? buildingId, Polygon boundary)
        {
            var grid = Grid.Create(DemoIds.For("grid:" + code), code, name, level, parentCode is null ? null : DemoIds.For("grid:" + parentCode),
                unitId, buildingId, GridGeometry.ToWkt(boundary)).Value;
            db.Grids.Add(grid);
            return grid;
        }

        var street = units[Codes.Street];
        Add(street.Code, street.Name, Grid.StreetLevel, null, street.Id, null, DemoGeography.Street());
        for (var ci = 1; ci <= Communities.Length; ci++)
        {
            var community = units[$"C{ci:00}"];
            Add(community.Code, community.Name, Grid.CommunityLevel, street.Code, community.Id, null, DemoGeography.Community(ci));
            for (var gi = 1; gi <= Communities[ci - 1].Grids; gi++)
            {
                var block = units[$"G{ci:00}{gi:00}"];
                Add(block.Code, block.Name, Grid.BlockLevel, community.Code, block.Id, null, DemoGeography.Block(ci, gi));
                for (var b = 1; b <= 4; b++)
                {
                    var building = buildings.Single(x => x.Id == DemoIds.For($"building:{block.Code}:{b}"));
                    Add($"{block.Code}-{b:00}", BuildingName.Of(building.Compound, building.Number) + "微网格", Grid.MicroLevel, block.Code, block.Id, building.Id,
                        DemoGeography.Micro(building.Latitude, building.Longitude, b));
                }
            }
        }

        foreach (var (alias, compound) in CompoundAliases)
        {
            db.CompoundAliases.Add(new CompoundAlias(DemoIds.For("alias:" + alias), alias, compound));
        }

        foreach (var rule in DemoRules)
        {
            db.RoutingRules.Add(RoutingRule.Create(DemoIds.For("rule:" + rule.Name), new RoutingRuleSpec(rule.Name, null,
                rule.Category is null ? null : DemoIds.For("category:" + rule.Category), rule.Target,
                rule.Unit is null ? null : units[rule.Unit].Id, rule.Priority, true)).Value);
        }

        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); // a fixed date: the demo is the same on every install
        foreach (var (user, gridCode, role) in DemoGridPeople)
        {
            db.GridMembers.Add(GridMember.Assign(DemoIds.For($"grid-member:{user}:{gridCode}"), DemoIds.For("grid:" + gridCode),
                DemoIds.For("user:" + user), role, at));
        }
    }

    private static readonly (string Alias, string Compound)[] CompoundAliases =
    [
        ("莲花池小区", "莲花小区"), ("翠园", "翠园小区"), ("金泰家园小区", "金泰家园"), ("太平里小区", "太平里"),
        ("桥南", "桥南小区"), ("和平苑小区", "和平苑"), ("六里桥北里小区", "六里桥北里"), ("京铁家园小区", "京铁家园"), ("丽泽雅园小区", "丽泽雅园"),
    ];

    private sealed record DemoRule(string Name, string? Category, RoutingTargetKind Target, string? Unit = null, int Priority = 0);

    /// <summary>All for anywhere in the street: category rules beat the catch-all because a named category is more specific than "any".</summary>
    private static readonly DemoRule[] DemoRules =
    [
        new("物业管理→小区物业", "0101", RoutingTargetKind.PropertyCompany),
        new("房屋漏水→小区物业", "0102", RoutingTargetKind.PropertyCompany),
        new("电梯故障→小区物业", "0103", RoutingTargetKind.PropertyCompany),
        new("违章搭建→街道城管执法队", "0403", RoutingTargetKind.Unit, Codes.Department),
        new("安全隐患→所在网格", "0402", RoutingTargetKind.GridUnit),
        new("其他诉求→所在网格", null, RoutingTargetKind.GridUnit),
    ];

    private static readonly (string User, string Grid, GridRole Role)[] DemoGridPeople =
    [
        ("leader", "C01", GridRole.GridLeader),
        ("handler", Codes.HandlerGrid, GridRole.GridMember),
        ("handler2", Codes.OtherGrid, GridRole.GridMember),
        ("supervisor", Codes.Street, GridRole.CoveringLeader),
    ];
}

/// <summary>Deterministic coordinates of the demo street (WGS 84, around 六里桥, Beijing Fengtai).</summary>
internal static class DemoGeography
{
    private const double West = 116.300;
    private const double South = 39.882;
    private const double CellLongitude = 0.007;
    private const double CellLatitude = 0.008;
    private const double Wobble = 0.0007;

    /// <summary>A building's point: the four of a grid sit at 30 % / 70 % of its cell, well clear of the wobbly edges.</summary>
    public static (double Latitude, double Longitude) BuildingPoint(int community, int grid, int building)
    {
        var fx = building % 2 == 1 ? 0.3 : 0.7;
        var fy = building <= 2 ? 0.3 : 0.7;
        var c00 = Corner(grid - 1, community - 1);
        var c10 = Corner(grid, community - 1);
        var c01 = Corner(grid - 1, community);
        var c11 = Corner(grid, community);
        var x = (1 - fy) * ((1 - fx) * c00.X + fx * c10.X) + fy * ((1 - fx) * c01.X + fx * c11.X);
        var y = (1 - fy) * ((1 - fx) * c00.Y + fx * c10.Y) + fy * ((1 - fx) * c01.Y + fx * c11.Y);
        return (Math.Round(y, 6), Math.Round(x, 6));
    }

    public static Polygon Block(int community, int grid)
    {
        int i = grid - 1, j = community - 1;
        return Ring([Corner(i, j), Bottom(i, j), Corner(i + 1, j), Side(i + 1, j), Corner(i + 1, j + 1), Bottom(i, j + 1), Corner(i, j + 1), Side(i, j)]);
    }

    public static Polygon Community(int community)
    {
        var j = community - 1;
        var ring = new List<Coordinate>();
        for (var i = 0; i < 3; i++)
        {
            ring.Add(Corner(i, j));
            ring.Add(Bottom(i, j));
        }
        ring.Add(Corner(3, j));
        ring.Add(Side(3, j));
        for (var i = 3; i > 0; i--)
        {
            ring.Add(Corner(i, j + 1));
            ring.Add(Bottom(i - 1, j + 1));
        }
        ring.Add(Corner(0, j + 1));
        ring.Add(Side(0, j));
        return Ring(ring);
    }

    public static Polygon Street()
    {
        var ring = new List<Coordinate>();
        for (var i = 0; i < 3; i++)
        {
            ring.Add(Corner(i, 0));
            ring.Add(Bottom(i, 0));
        }
        for (var j = 0; j < 3; j++)
        {
            ring.Add(Corner(3, j));
            ring.Add(Side(3, j));
        }
        for (var i = 3; i > 0; i--)
        {
            ring.Add(Corner(i, 3));
            ring.Add(Bottom(i - 1, 3));
        }
        for (var j = 3; j > 0; j--)
        {
            ring.Add(Corner(0, j));
            ring.Add(Side(0, j - 1));
        }
        return Ring(ring);
    }

    /// <summary>A small pentagon around a building, turned a little differently for each one.</summary>
    public static Polygon Micro(double latitude, double longitude, int building)
    {
        var ring = new List<Coordinate>();
        for (var k = 0; k < 5; k++)
        {
            var angle = (k * 72 + building * 13) * Math.PI / 180;
            ring.Add(new Coordinate(Math.Round(longitude + 0.0004 * Math.Cos(angle), 7), Math.Round(latitude + 0.0003 * Math.Sin(angle), 7)));
        }
        return Ring(ring);
    }

    /// <summary>Corner (i, j) of the lattice, i = 0..3 west to east, j = 0..3 south to north, nudged by a fixed amount.</summary>
    private static Coordinate Corner(int i, int j) =>
        new(Math.Round(West + i * CellLongitude + Nudge(i * 4 + j, 11), 6), Math.Round(South + j * CellLatitude + Nudge(i * 4 + j, 29), 6));

    /// <summary>The midpoint of the edge from corner (i, j) to (i + 1, j), pushed north or south.</summary>
    private static Coordinate Bottom(int i, int j)
    {
        var a = Corner(i, j);
        var b = Corner(i + 1, j);
        return new Coordinate(Math.Round((a.X + b.X) / 2 + Nudge(i * 7 + j, 5) / 2, 6), Math.Round((a.Y + b.Y) / 2 + Nudge(i * 5 + j * 3, 17), 6));
    }

    /// <summary>The midpoint of the edge from corner (i, j) to (i, j + 1), pushed east or west.</summary>
    private static Coordinate Side(int i, int j)
    {
        var a = Corner(i, j);
        var b = Corner(i, j + 1);
        return new Coordinate(Math.Round((a.X + b.X) / 2 + Nudge(i * 3 + j * 7, 23), 6), Math.Round((a.Y + b.Y) / 2 + Nudge(i + j * 5, 13) / 2, 6));
    }

    /// <summary>A fixed pseudo-random offset in [-Wobble, +Wobble].</summary>
    private static double Nudge(int k, int salt) => ((k * 7919 + salt * 104729) % 17 - 8) / 8.0 * Wobble;

    private static Polygon Ring(List<Coordinate> points) =>
        GridGeometry.Factory.CreatePolygon([.. points, points[0].Copy()]);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Grids;

/// <summary>Creating, editing, moving and retiring grids away from the demo street, with the containment rules enforced.</summary>
public class ManageGridsTests(LinliApp app) : IClassFixture<LinliApp>
{
    /// <summary>A GeoJSON polygon from (longitude, latitude) corners.</summary>
    private static object Box(double west, double south, double east, double north) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { west, south }, new[] { east, south }, new[] { east, north }, new[] { west, north }, new[] { west, south } } },
    };

    private static object Grid(string code, int level, Guid? parentId, object polygon, string unit = "S01") =>
        new { code, name = code + "测试网格", level, parentId, unitId = LinliApp.UnitId(unit), polygon };

    private async Task<JsonElement> CreateOkAsync(HttpClient admin, object body) =>
        await (await admin.PostAsJsonAsync("/api/v1/grids", body)).ShouldBeAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_new_street_is_drawn_level_by_level_and_the_rules_of_containment_hold()
    {
        var admin = await app.As("admin");
        var street = await CreateOkAsync(admin, Grid("S90", 1, null, Box(116.40, 39.90, 116.42, 39.92)));
        var streetId = street.GetProperty("id").GetGuid();
        var west = await CreateOkAsync(admin, Grid("C90", 2, streetId, Box(116.40, 39.90, 116.41, 39.92), "C01"));
        var westId = west.GetProperty("id").GetGuid();

        // A jagged neighbour sharing the west community's edge is fine; one reaching into it is not.
        await (await admin.PostAsJsonAsync("/api/v1/grids", Grid("C91", 2, streetId, Box(116.405, 39.90, 116.42, 39.92), "C02")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Grid.OverlapsSibling");
        var east = await CreateOkAsync(admin, Grid("C91", 2, streetId, Box(116.41, 39.90, 116.42, 39.92), "C02"));

        // A block grid must lie inside its community.
        await (await admin.PostAsJsonAsync("/api/v1/grids", Grid("G9001", 3, westId, Box(116.405, 39.90, 116.415, 39.91), "G0101")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Grid.OutsideParent");
        var block = await CreateOkAsync(admin, Grid("G9001", 3, westId, Box(116.401, 39.901, 116.409, 39.909), "G0101"));
        var blockId = block.GetProperty("id").GetGuid();
        block.GetProperty("center").GetProperty("latitude").GetDouble().ShouldBe(39.905, 0.004);

        // Level and parent must agree; codes are unique.
        await (await admin.PostAsJsonAsync("/api/v1/grids", Grid("G9002", 3, streetId, Box(116.401, 39.911, 116.409, 39.919), "G0101")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Grid.InvalidParent");
        await (await admin.PostAsJsonAsync("/api/v1/grids", Grid("G9001", 3, westId, Box(116.401, 39.911, 116.409, 39.919), "G0101")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Grid.CodeTaken");
        await (await admin.PostAsJsonAsync("/api/v1/grids", Grid("G9003", 3, westId, new { type = "Polygon", coordinates = new[] { new[] { new[] { 116.401, 39.911 }, new[] { 116.409, 39.919 }, new[] { 116.409, 39.911 }, new[] { 116.401, 39.919 } } } }, "G0101")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Grid.InvalidBoundary");

        // Shrinking the community below its block grid is refused; renaming it is not.
        await (await admin.PutAsJsonAsync($"/api/v1/grids/{westId}", new { polygon = Box(116.40, 39.905, 116.41, 39.92) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Grid.ChildOutside");
        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/grids/{westId}", new { name = "西区社区" })).ShouldBeAsync(HttpStatusCode.OK);
        renamed.Str("name").ShouldBe("西区社区");
        renamed.GetProperty("version").GetInt32().ShouldBe(1);
        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/grids/{westId}") { Content = JsonContent.Create(new { name = "旧版本" }) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            await (await admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Grid.ConcurrentUpdate");
        }

        // Moving the block grid to the east community: it does not lie there.
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{blockId}/move", new { parentId = east.GetProperty("id").GetGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Grid.OutsideParent");
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{blockId}/move", new { parentId = streetId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Grid.InvalidParent");

        // Redrawing neighbours is one import, checked as a whole: the west community gives its northern half away with the block grid in it.
        var redraw = new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                new { type = "Feature", geometry = Box(116.40, 39.90, 116.41, 39.9095), properties = new { code = "C90", level = 2, parentCode = "S90", unitCode = "C01" } },
                new { type = "Feature", geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 116.41, 39.90 }, new[] { 116.42, 39.90 }, new[] { 116.42, 39.92 }, new[] { 116.40, 39.92 }, new[] { 116.40, 39.9095 }, new[] { 116.41, 39.9095 }, new[] { 116.41, 39.90 } } } }, properties = new { code = "C91", level = 2, parentCode = "S90", unitCode = "C02" } },
                new { type = "Feature", geometry = Box(116.401, 39.910, 116.409, 39.919), properties = new { code = "G9001", level = 3, parentCode = "C91", unitCode = "G0201" } },
                new { type = "Feature", geometry = Box(116.401, 39.901, 116.409, 39.909), properties = new { code = "G9004", name = "新网格", level = 3, parentCode = "C90", unitCode = "G0101" } },
            },
        };
        var imported = await (await admin.PostAsJsonAsync("/api/v1/grids/import", redraw)).ShouldBeAsync(HttpStatusCode.OK);
        imported.GetProperty("created").EnumerateArray().Select(c => c.GetString()).ShouldBe(["G9004"]);
        var moved = await admin.GetJsonAsync($"/api/v1/grids/{blockId}");
        moved.GetProperty("parentId").GetGuid().ShouldBe(east.GetProperty("id").GetGuid());
        moved.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0201"));

        // A file that breaks the rules changes nothing.
        var bad = new { type = "FeatureCollection", features = new object[] { new { type = "Feature", geometry = Box(116.43, 39.90, 116.44, 39.91), properties = new { code = "G9005", level = 3, parentCode = "C90", unitCode = "G0101" } } } };
        var problem = await (await admin.PostAsJsonAsync("/api/v1/grids/import", bad)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Grid.OutsideParent");
        problem.Str("feature").ShouldBe("G9005");
        (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().ShouldNotContain(g => g.Str("code") == "G9005");

        // Retiring: not while children are active; then it leaves the list (and the locator).
        await (await admin.PostAsync($"/api/v1/grids/{westId}/retire", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Grid.HasActiveChildren");
        var g9004 = (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().Single(g => g.Str("code") == "G9004");
        (await (await admin.PostAsync($"/api/v1/grids/{g9004.Str("id")}/retire", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await (await admin.PostAsync($"/api/v1/grids/{westId}/retire", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await admin.GetJsonAsync("/api/v1/grids?level=2")).EnumerateArray().ShouldNotContain(g => g.Str("code") == "C90");
        (await admin.GetJsonAsync("/api/v1/grids?level=2&includeRetired=true")).EnumerateArray().ShouldContain(g => g.Str("code") == "C90");
        await (await admin.PutAsJsonAsync($"/api/v1/grids/{westId}", new { name = "复活" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Grid.Retired");
    }

    [Fact]
    public async Task Buildings_are_placed_in_the_grid_their_point_lies_in()
    {
        var admin = await app.As("admin");
        var grid = (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().Single(g => g.Str("code") == "G0302");
        var center = grid.GetProperty("center");

        var building = await (await admin.PostAsJsonAsync("/api/v1/buildings", new
        {
            compound = "丽泽雅园",
            number = "十八号楼",
            latitude = center.GetProperty("latitude").GetDouble(),
            longitude = center.GetProperty("longitude").GetDouble(),
            propertyCompanyUnitId = LinliApp.UnitId("P02"),
            entrances = 2,
            floors = 6,
            roomsPerFloor = 2,
        })).ShouldBeAsync(HttpStatusCode.Created);

        building.Str("number").ShouldBe("18");
        building.GetProperty("gridUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0302"));
        building.GetProperty("households").GetInt32().ShouldBe(24);
        await (await admin.PostAsJsonAsync("/api/v1/buildings", new { compound = "丽泽雅园", number = "18", latitude = 39.9, longitude = 116.31 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Building.NumberTaken");
        await (await admin.PostAsJsonAsync("/api/v1/buildings", new { compound = "远方小区", number = "1", latitude = 31.2, longitude = 121.5 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Building.OutsideGrid");
        await (await admin.PostAsJsonAsync("/api/v1/buildings", new { compound = "远方小区", number = "1", latitude = 39.9, longitude = 116.31, gridUnitId = LinliApp.UnitId("G0101") }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Building.OutsideGrid");

        // The new building is found by its address at once.
        var order = await admin.SubmitOkAsync(new { channel = "Reception", description = "楼道堆物", reporter = new { name = "甲" }, address = "丽泽雅园十八号楼2单元301" });
        order.GetProperty("location").GetProperty("buildingId").GetGuid().ShouldBe(building.GetProperty("id").GetGuid());

        // Moved on the map into another grid: it belongs there now, and orders about it follow.
        var other = (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().Single(g => g.Str("code") == "G0101").GetProperty("center");
        var moved = await (await admin.PutAsJsonAsync($"/api/v1/buildings/{building.Str("id")}", new
        {
            latitude = other.GetProperty("latitude").GetDouble() + 0.0002,
            longitude = other.GetProperty("longitude").GetDouble(),
        })).ShouldBeAsync(HttpStatusCode.OK);
        moved.GetProperty("gridUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
        moved.GetProperty("version").GetInt32().ShouldBe(1);
        var there = await admin.SubmitOkAsync(new { channel = "Reception", description = "楼道灯坏", reporter = new { name = "乙" }, buildingId = building.Str("id") });
        there.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));

        var retired = await (await admin.PostAsync($"/api/v1/buildings/{building.Str("id")}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        retired.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        await (await admin.SubmitAsync(new { channel = "Reception", description = "x", reporter = new { name = "甲" }, buildingId = building.Str("id") }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownBuilding");
    }

    [Fact]
    public async Task Grid_leaders_manage_the_people_of_their_own_grids_only()
    {
        var leader = await app.As("leader"); // GridLeader of 莲花池社区 (C01)
        var g0102 = DemoGrid.Id("G0102");
        var newcomer = Linli.Web.Persistence.Demo.DemoIds.For("user:handler2");

        var member = await (await leader.PostAsJsonAsync($"/api/v1/grids/{g0102}/members", new { userId = newcomer, role = "GridMember" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        member.Str("userName").ShouldBe("handler2");
        (await app.WithDbAsync(db => Task.FromResult(db.UnitMemberships.Any(m => m.UserId == newcomer && m.UnitId == LinliApp.UnitId("G0102"))))).ShouldBeTrue();
        await (await leader.PostAsJsonAsync($"/api/v1/grids/{g0102}/members", new { userId = newcomer, role = "GridMember" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "GridMember.AlreadyAssigned");

        // Party members are linked to households of the grid (党员联户), others are not.
        var household = await app.WithDbAsync(db => Task.FromResult(db.Households.First(h => h.BuildingId == LinliApp.BuildingId("G0102", 1)).Id));
        var party = await (await leader.PostAsJsonAsync($"/api/v1/grids/{g0102}/members", new { userId = newcomer, role = "PartyMember", householdIds = new[] { household } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        party.GetProperty("householdIds").EnumerateArray().Single().GetGuid().ShouldBe(household);
        var elsewhere = await app.WithDbAsync(db => Task.FromResult(db.Households.First(h => h.BuildingId == LinliApp.BuildingId("G0301", 1)).Id));
        await (await leader.PostAsJsonAsync($"/api/v1/grids/{g0102}/members", new { userId = newcomer, role = "PartyMember", householdIds = new[] { elsewhere } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "GridMember.UnknownHousehold");

        // Not a grid of the leader's community.
        await (await leader.PostAsJsonAsync($"/api/v1/grids/{DemoGrid.Id("G0201")}/members", new { userId = newcomer, role = "GridMember" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "GridMember.NotYourGrid");
        await (await (await app.As("handler")).PostAsJsonAsync($"/api/v1/grids/{g0102}/members", new { userId = newcomer, role = "GridMember" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "GridMember.NotYourGrid");

        var list = await leader.GetJsonAsync($"/api/v1/grids/{g0102}/members");
        list.GetArrayLength().ShouldBe(2);

        await (await leader.PostAsync($"/api/v1/grids/{g0102}/members/{member.Str("id")}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        (await app.WithDbAsync(db => Task.FromResult(db.UnitMemberships.Any(m => m.UserId == newcomer && m.UnitId == LinliApp.UnitId("G0102"))))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("dispatcher", "POST", "/api/v1/grids")]
    [InlineData("leader", "POST", "/api/v1/grids/import")]
    [InlineData("handler", "PUT", "/api/v1/grids/0192a3b4-0000-7000-8000-000000000000")]
    [InlineData("supervisor", "POST", "/api/v1/grids/0192a3b4-0000-7000-8000-000000000000/retire")]
    [InlineData("dispatcher", "POST", "/api/v1/buildings")]
    [InlineData("resident", "GET", "/api/v1/grids")]
    [InlineData("resident", "GET", "/api/v1/buildings")]
    public async Task Only_administrators_change_the_geography(string user, string method, string url)
    {
        var client = await app.As(user);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Request.Forbidden");
    }

    [Theory]
    [InlineData("GET", "/api/v1/grids?level=3")]
    [InlineData("GET", "/api/v1/grids/export")]
    [InlineData("POST", "/api/v1/grids")]
    [InlineData("GET", "/api/v1/buildings")]
    public async Task Anonymous_callers_get_a_401(string method, string url)
    {
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Request.Unauthenticated");
    }
}

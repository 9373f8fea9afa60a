using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Dispatch;

/// <summary>Orders whose category and place are known are dispatched on intake by the routing rules, and explain says why.</summary>
public class AutoDispatchTests(LinliApp app) : IClassFixture<LinliApp>
{
    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> BlockGridsAsync() =>
        [.. (await (await app.As("dispatcher")).GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray()];

    private static (double Latitude, double Longitude) Center(JsonElement grid) =>
        (grid.GetProperty("center").GetProperty("latitude").GetDouble(), grid.GetProperty("center").GetProperty("longitude").GetDouble());

    [Theory]
    [InlineData("0402", "安全隐患→所在网格")]
    [InlineData("0202", "其他诉求→所在网格")]
    public async Task An_order_at_the_center_of_each_block_grid_goes_to_that_grids_unit_without_anyone_acting(string category, string rule)
    {
        var resident = await app.As("resident");
        var dispatcher = await app.As("dispatcher");
        foreach (var grid in await BlockGridsAsync())
        {
            var (latitude, longitude) = Center(grid);

            var order = await resident.SubmitOkAsync(new { description = $"{grid.Str("name")}：楼下配电箱门敞开", categoryId = LinliApp.CategoryId(category), latitude, longitude });

            order.Str("status").ShouldBe("Dispatched", grid.Str("code"));
            order.GetProperty("unitId").GetGuid().ShouldBe(grid.GetProperty("unitId").GetGuid());
            order.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(grid.GetProperty("unitId").GetGuid());
            order.GetProperty("respondBy").ValueKind.ShouldBe(JsonValueKind.String);
            var dispatch = order.GetProperty("history").EnumerateArray().Last();
            dispatch.Str("trigger").ShouldBe("Dispatch");
            dispatch.Str("actor").ShouldBe("智能分拨");
            dispatch.Str("actorRole").ShouldBe("System");
            dispatch.Str("comment").ShouldContain(rule);
            var located = order.GetProperty("located");
            located.Str("locatedBy").ShouldBe("Point");
            located.GetProperty("confidence").GetDouble().ShouldBeGreaterThanOrEqualTo(0.7);
            located.Str("gridCode").ShouldStartWith(grid.Str("code"));

            var explain = await dispatcher.GetJsonAsync(
                $"/api/v1/dispatch/explain?categoryId={LinliApp.CategoryId(category)}&latitude={Invariant(latitude)}&longitude={Invariant(longitude)}");
            explain.Str("outcome").ShouldBe("Dispatch");
            explain.Str("reason").ShouldBe("RuleMatched");
            explain.GetProperty("chosen").Str("ruleName").ShouldBe(rule);
            explain.GetProperty("chosen").GetProperty("unitId").GetGuid().ShouldBe(grid.GetProperty("unitId").GetGuid());
            explain.GetProperty("place").Str("locatedBy").ShouldBe("Point");
            explain.GetProperty("candidates")[0].Str("verdict").ShouldBe("Chosen");
        }
    }

    [Fact]
    public async Task Property_categories_go_to_the_property_company_of_the_buildings_compound()
    {
        var dispatcher = await app.As("dispatcher");
        foreach (var (grid, company) in new[] { ("G0101", "P01"), ("G0102", "P02") })
        {
            var order = await dispatcher.SubmitOkAsync(new
            {
                channel = "Hotline12345",
                reporter = new { name = "王女士" },
                description = "电梯困人后停运",
                categoryId = LinliApp.CategoryId("0103"),
                buildingId = LinliApp.BuildingId(grid, 2),
            });
            order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId(company));
            order.GetProperty("located").Str("locatedBy").ShouldBe("Building");
            order.GetProperty("history").EnumerateArray().Last().Str("comment").ShouldContain("电梯故障→小区物业");
        }
    }

    [Fact]
    public async Task A_compound_named_without_a_building_goes_to_the_property_company_of_its_buildings()
    {
        // 翠园小区's buildings are all managed by 嘉园物业 (P02): no building number is needed to send it an elevator fault.
        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Hotline12345",
            reporter = new { phone = "13600007777" },
            categoryId = LinliApp.CategoryId("0103"),
            description = "翠园小区的电梯从早上停到现在，老人下不了楼",
        });

        order.GetProperty("location").GetProperty("buildingId").ValueKind.ShouldBe(JsonValueKind.Null);
        order.GetProperty("located").Str("locatedBy").ShouldBe("Text");
        order.Str("status").ShouldBe("Dispatched");
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("P02"));
        order.GetProperty("history").EnumerateArray().Last().Str("comment").ShouldContain("电梯故障→小区物业");
    }

    [Fact]
    public async Task Illegal_construction_goes_to_the_street_enforcement_team_from_any_grid()
    {
        var grid = (await BlockGridsAsync()).First(g => g.Str("code") == "G0203");
        var (latitude, longitude) = Center(grid);
        var order = await (await app.As("handler2")).SubmitOkAsync(new { description = "楼顶私搭彩钢房", categoryId = LinliApp.CategoryId("0403"), latitude, longitude });
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("D01"));
        order.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0203"));
    }

    [Fact]
    public async Task An_address_in_words_is_normalised_matched_and_dispatched()
    {
        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Hotline12345",
            reporter = new { phone = "13600001111" },
            categoryId = LinliApp.CategoryId("0402"),
            description = "单元门禁坏了，外人随意进出",
            address = "北京市丰台区莲花池小区　二号楼　一单元　３０２室",
        });

        order.Str("status").ShouldBe("Dispatched");
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
        order.GetProperty("location").GetProperty("buildingId").GetGuid().ShouldBe(LinliApp.BuildingId("G0101", 2));
        var located = order.GetProperty("located");
        located.Str("locatedBy").ShouldBe("Address");
        located.Str("normalizedAddress").ShouldBe("莲花小区2号楼1单元302室");
    }

    [Fact]
    public async Task A_place_named_only_in_the_words_of_a_hotline_call_is_located_and_dispatched()
    {
        // The 12345 bridge passes the caller's words without an address field: the place is in the text.
        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Hotline12345",
            reporter = new { phone = "13600002222" },
            categoryId = LinliApp.CategoryId("0402"),
            description = "莲花小区2号楼1单元的门禁坏了好几天，外人随意进出，存在安全隐患",
        });

        order.Str("status").ShouldBe("Dispatched");
        order.GetProperty("location").GetProperty("buildingId").GetGuid().ShouldBe(LinliApp.BuildingId("G0101", 2));
        order.GetProperty("located").Str("locatedBy").ShouldBe("Text");
        order.GetProperty("located").Str("normalizedAddress").ShouldBe("莲花小区2号楼");
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
        order.GetProperty("history").EnumerateArray().Last().Str("comment").ShouldContain("诉求内容中的地名");
    }

    [Fact]
    public async Task Words_that_only_resemble_a_compound_do_not_locate_an_order()
    {
        // "莲花" alone is the core of 莲花小区, too loose in free text: the order falls back and waits in triage.
        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Hotline12345",
            reporter = new { phone = "13600003333" },
            categoryId = LinliApp.CategoryId("0402"),
            description = "公园里莲花池边的栏杆松了，怕孩子掉下去",
        });

        order.Str("status").ShouldBe("Received");
        order.GetProperty("located").Str("locatedBy").ShouldBe("Fallback");
    }

    [Fact]
    public async Task Without_a_category_the_order_waits_in_triage_but_its_place_is_recorded()
    {
        var grid = (await BlockGridsAsync()).First(g => g.Str("code") == "G0301");
        var (latitude, longitude) = Center(grid);
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "路边有个坑", latitude, longitude });

        order.Str("status").ShouldBe("Received");
        order.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);
        order.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0301"));
        order.GetProperty("located").Str("locatedBy").ShouldBe("Point");
    }

    [Fact]
    public async Task A_place_that_is_only_a_guess_waits_in_triage()
    {
        var resident = await app.As("resident");
        // Nothing said about the place: the resident's home is assumed, but not surely enough to dispatch on.
        var home = await resident.SubmitOkAsync(new { description = "楼道灯不亮", categoryId = LinliApp.CategoryId("0402") });
        home.Str("status").ShouldBe("Received");
        home.GetProperty("located").Str("locatedBy").ShouldBe("ReporterHome");

        // A point outside the street: fallback to the street, triage.
        var far = await resident.SubmitOkAsync(new { description = "外地的事", categoryId = LinliApp.CategoryId("0402"), latitude = 31.23, longitude = 121.47 });
        far.Str("status").ShouldBe("Received");
        far.GetProperty("located").Str("locatedBy").ShouldBe("Fallback");
        far.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(LinliApp.UnitId("S01"));

        var explain = await (await app.As("dispatcher")).GetJsonAsync($"/api/v1/dispatch/explain?categoryId={LinliApp.CategoryId("0402")}&latitude=31.23&longitude=121.47");
        explain.Str("outcome").ShouldBe("Triage");
        explain.Str("reason").ShouldBe("PlaceNotKnown");
    }

    [Fact]
    public async Task Explain_lists_every_rule_in_the_order_it_was_weighed()
    {
        var explain = await (await app.As("dispatcher")).GetJsonAsync(
            $"/api/v1/dispatch/explain?categoryId={LinliApp.CategoryId("0103")}&buildingId={LinliApp.BuildingId("G0201", 1)}");

        explain.GetProperty("place").Str("locatedBy").ShouldBe("Building");
        explain.GetProperty("place").GetProperty("gridPath").EnumerateArray().Select(g => g.Str("code")).ShouldBe(["G0201-01", "G0201", "C02", "S01"]);
        var candidates = explain.GetProperty("candidates").EnumerateArray().ToList();
        candidates.Count.ShouldBe(6);
        candidates[0].GetProperty("rule").Str("name").ShouldBe("电梯故障→小区物业");
        candidates[0].Str("verdict").ShouldBe("Chosen");
        candidates[1].GetProperty("rule").Str("name").ShouldBe("其他诉求→所在网格");
        candidates[1].Str("verdict").ShouldBe("Outranked");
        candidates[1].GetProperty("matched").GetBoolean().ShouldBeTrue();
        candidates.Skip(2).ShouldAllBe(c => c.Str("verdict") == "CategoryNotOnPath" && !c.GetProperty("matched").GetBoolean());

        var none = await (await app.As("dispatcher")).GetJsonAsync($"/api/v1/dispatch/explain?buildingId={LinliApp.BuildingId("G0201", 1)}");
        none.Str("reason").ShouldBe("NoCategory");
        none.GetProperty("chosen").GetProperty("ruleName").GetString().ShouldBe("其他诉求→所在网格");
    }

    [Fact]
    public async Task Explain_refuses_a_half_point_and_an_unknown_building()
    {
        var dispatcher = await app.As("dispatcher");
        await (await dispatcher.GetAsync("/api/v1/dispatch/explain?latitude=39.9")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.LocationOutOfRange");
        await (await dispatcher.GetAsync($"/api/v1/dispatch/explain?buildingId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownBuilding");
    }
}

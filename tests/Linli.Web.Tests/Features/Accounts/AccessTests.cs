using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Accounts;

/// <summary>Every endpoint is authorized and every query scoped: each role sees only what it may.</summary>
public class AccessTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Theory]
    [InlineData("GET", "/api/v1/work-orders")]
    [InlineData("POST", "/api/v1/work-orders")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/categories")]
    [InlineData("GET", "/api/v1/units")]
    [InlineData("POST", "/api/v1/attachments")]
    [InlineData("GET", "/api/v1/admin/channel-keys")]
    [InlineData("POST", "/api/v1/work-orders/0192a3b4-0000-7000-8000-000000000000/accept")]
    public async Task Anonymous_callers_get_a_401_problem(string method, string url)
    {
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Request.Unauthenticated");
    }

    [Fact]
    public async Task A_forged_bearer_token_is_a_401()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged");
        (await client.GetAsync("/api/v1/work-orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_resident_cannot_read_another_residents_order()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "我的私事：家里漏水" });
        var other = await app.As("resident2");

        await (await other.GetAsync($"/api/v1/work-orders/{order.Str("id")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound");
        var list = await other.GetJsonAsync("/api/v1/work-orders?pageSize=200");
        list.GetProperty("items").EnumerateArray().ShouldNotContain(o => o.Str("id") == order.Str("id"));
    }

    [Fact]
    public async Task A_resident_lists_only_their_own_orders()
    {
        var mine = await (await app.As("resident2")).SubmitOkAsync(new { description = "resident2 的诉求" });
        var list = await (await app.As("resident2")).GetJsonAsync("/api/v1/work-orders?pageSize=200");
        var ids = list.GetProperty("items").EnumerateArray().Select(o => o.Str("id")).ToList();
        ids.ShouldContain(mine.Str("id"));
        var owners = await app.WithDbAsync(db => Task.FromResult(db.WorkOrders.Where(o => ids.Select(Guid.Parse).Contains(o.Id)).Select(o => o.ReporterUserId).Distinct().ToList()));
        owners.ShouldBe([Linli.Web.Persistence.Demo.DemoIds.For("user:resident2")]);
    }

    [Fact]
    public async Task A_grid_member_sees_the_orders_of_their_grid_and_not_of_others()
    {
        var inMine = await (await app.As("dispatcher")).SubmitOkAsync(new { channel = "Reception", description = "本网格的事", reporter = new { name = "甲" }, buildingId = LinliApp.BuildingId("G0101", 2) });
        var inOther = await (await app.As("dispatcher")).SubmitOkAsync(new { channel = "Reception", description = "别的网格的事", reporter = new { name = "乙" }, buildingId = LinliApp.BuildingId("G0201", 2) });
        var handler = await app.As("handler");

        (await handler.GetAsync($"/api/v1/work-orders/{inMine.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handler.GetAsync($"/api/v1/work-orders/{inOther.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await handler.ActAsync(inOther, "accept")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound");

        // Once dispatched to the grid, the order is theirs to handle wherever it is.
        await (await app.As("dispatcher")).ActOkAsync(inOther, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        (await handler.GetAsync($"/api/v1/work-orders/{inOther.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_community_leader_sees_the_whole_community_but_not_the_next_one()
    {
        var leader = await app.As("leader");
        var inCommunity = await (await app.As("dispatcher")).SubmitOkAsync(new { channel = "Reception", description = "社区内", reporter = new { name = "丙" }, buildingId = LinliApp.BuildingId("G0102", 1) });
        var outside = await (await app.As("dispatcher")).SubmitOkAsync(new { channel = "Reception", description = "社区外", reporter = new { name = "丁" }, buildingId = LinliApp.BuildingId("G0301", 1) });

        (await leader.GetAsync($"/api/v1/work-orders/{inCommunity.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leader.GetAsync($"/api/v1/work-orders/{outside.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_property_company_sees_only_what_is_sent_to_it()
    {
        var property = await app.As("property");
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "物业不作为：楼道堆物" });
        (await property.GetAsync($"/api/v1/work-orders/{order.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("P01") });
        var seen = await property.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        seen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldContain("Accept");
    }

    [Fact]
    public async Task The_phone_is_whole_only_for_the_reporter_and_the_assigned_handler()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "请联系我：水压低" });
        order.GetProperty("reporter").Str("phone").ShouldBe("13812345678");

        var asDispatcher = await (await app.As("dispatcher")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        asDispatcher.GetProperty("reporter").Str("phone").ShouldBe("138****5678");
        asDispatcher.GetProperty("reporter").GetProperty("isMasked").GetBoolean().ShouldBeTrue();

        await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        var asHandler = await (await app.As("handler")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        asHandler.GetProperty("reporter").Str("phone").ShouldBe("13812345678");

        var list = await (await app.As("handler")).GetJsonAsync("/api/v1/work-orders?pageSize=200");
        var row = list.GetProperty("items").EnumerateArray().Single(o => o.Str("id") == order.Str("id"));
        row.Str("reporterPhone").ShouldBe("138****5678");
        row.Str("reporterName").ShouldBe("张**");
    }

    [Theory]
    [InlineData("resident", "dispatch")]
    [InlineData("handler", "dispatch")]
    [InlineData("resident", "supervise")]
    [InlineData("handler", "merge")]
    [InlineData("department", "dispatch")]
    public async Task Roles_without_the_right_get_a_403(string user, string action)
    {
        var order = await (await app.As("handler")).SubmitOkAsync(new { description = "越权测试", buildingId = LinliApp.BuildingId("G0101", 1) });
        await (await app.As("dispatcher")).ActOkAsync(order, "supervise", new { note = "让部门也能看到" });
        if (user == "department")
        {
            order = await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("D01") });
            await (await app.As("department")).ActOkAsync(order, "return", new { reason = "不归我们" });
            order = await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("D01") });
            await (await app.As("department")).ActOkAsync(order, "accept");
        }
        var client = await app.As(user);
        var response = await client.ActAsync(order, action, new { unitId = LinliApp.UnitId("G0101"), note = "n", parentId = Guid.NewGuid(), reason = "r" });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        if (user != "resident")
        {
            (await response.ShouldBeAsync(HttpStatusCode.Forbidden)).Str("code").ShouldBe("WorkOrder.ActionNotAllowed");
        }
    }

    [Fact]
    public async Task Channel_keys_are_for_administrators_only()
    {
        (await (await app.As("dispatcher")).GetAsync("/api/v1/admin/channel-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.As("admin")).GetAsync("/api/v1/admin/channel-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Units_are_for_staff_only()
    {
        (await (await app.As("resident")).GetAsync("/api/v1/units")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var units = await (await app.As("dispatcher")).GetJsonAsync("/api/v1/units");
        units.EnumerateArray().Select(u => u.Str("code")).ShouldContain("G0101");
    }

    [Fact]
    public async Task Me_names_the_user_their_roles_and_units()
    {
        var me = await (await app.As("handler")).GetJsonAsync("/api/v1/me");
        me.Str("userName").ShouldBe("handler");
        me.Str("displayName").ShouldBe("李网格员");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["GridMember"]);
        var unit = me.GetProperty("units").EnumerateArray().Single();
        unit.GetProperty("id").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
        unit.Str("kind").ShouldBe("Grid");
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_with_its_lifetime()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "dispatcher", password = LinliApp.Password });
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.Str("accessToken").ShouldNotBeNullOrEmpty();
        body.GetProperty("expiresIn").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Categories_list_the_site_taxonomy()
    {
        var categories = await (await app.As("resident")).GetJsonAsync("/api/v1/categories");
        var leak = categories.EnumerateArray().Single(c => c.Str("name") == "房屋漏水");
        leak.GetProperty("parentId").GetGuid().ShouldBe(LinliApp.CategoryId("01"));
        leak.GetProperty("level").GetInt32().ShouldBe(2);
        categories.EnumerateArray().Count(c => c.GetProperty("parentId").ValueKind == JsonValueKind.Null).ShouldBe(5);
    }
}

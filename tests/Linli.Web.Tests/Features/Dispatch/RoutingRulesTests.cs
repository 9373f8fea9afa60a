using System.Net;
using System.Net.Http.Json;
using Linli.Web.Tests.Features.Grids;

namespace Linli.Web.Tests.Features.Dispatch;

/// <summary>Routing rules are data: administrators change them and the next order follows.</summary>
public class RoutingRulesTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task A_rule_on_a_grid_beats_the_street_wide_rules_until_it_is_disabled_or_deleted()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var grid = (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().Single(g => g.Str("code") == "G0101");
        var latitude = grid.GetProperty("center").GetProperty("latitude").GetDouble();
        var longitude = grid.GetProperty("center").GetProperty("longitude").GetDouble();
        object Report(string text) => new { description = text, categoryId = LinliApp.CategoryId("0402"), latitude, longitude };

        var rule = await (await admin.PostAsJsonAsync("/api/v1/dispatch/rules", new
        {
            name = "莲花池第一网格安全隐患→平安建设办",
            gridId = DemoGrid.Id("C01"),
            categoryId = LinliApp.CategoryId("04"),
            targetKind = "Unit",
            targetUnitId = LinliApp.UnitId("D03"),
            priority = 0,
        })).ShouldBeAsync(HttpStatusCode.Created);

        // The community rule on a parent category beats "any grid × the exact category": grid depth is weighed first.
        (await resident.SubmitOkAsync(Report("消防通道被占"))).GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("D03"));
        var explain = await admin.GetJsonAsync(FormattableString.Invariant(
            $"/api/v1/dispatch/explain?categoryId={LinliApp.CategoryId("0402")}&latitude={latitude}&longitude={longitude}"));
        explain.GetProperty("chosen").Str("ruleName").ShouldBe("莲花池第一网格安全隐患→平安建设办");
        explain.GetProperty("candidates")[0].GetProperty("gridRank").GetInt32().ShouldBe(1);
        explain.GetProperty("candidates")[0].GetProperty("categoryRank").GetInt32().ShouldBe(1);

        var id = rule.Str("id");
        var disabled = await (await admin.PutAsJsonAsync($"/api/v1/dispatch/rules/{id}", new
        {
            name = "莲花池第一网格安全隐患→平安建设办",
            gridId = DemoGrid.Id("C01"),
            categoryId = LinliApp.CategoryId("04"),
            targetKind = "Unit",
            targetUnitId = LinliApp.UnitId("D03"),
            isEnabled = false,
        })).ShouldBeAsync(HttpStatusCode.OK);
        disabled.GetProperty("isEnabled").GetBoolean().ShouldBeFalse();
        disabled.GetProperty("version").GetInt32().ShouldBe(1);
        (await resident.SubmitOkAsync(Report("消防通道又被占"))).GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));

        (await admin.DeleteAsync($"/api/v1/dispatch/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetJsonAsync("/api/v1/dispatch/rules")).EnumerateArray().ShouldNotContain(r => r.Str("id") == id);
        await (await admin.DeleteAsync($"/api/v1/dispatch/rules/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "RoutingRule.NotFound");
    }

    [Fact]
    public async Task A_rule_must_name_real_grids_categories_and_units()
    {
        var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/v1/dispatch/rules", new { name = "x", targetKind = "Unit" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "RoutingRule.Invalid");
        await (await admin.PostAsJsonAsync("/api/v1/dispatch/rules", new { name = "x", targetKind = "GridUnit", gridId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "RoutingRule.UnknownGrid");
        await (await admin.PostAsJsonAsync("/api/v1/dispatch/rules", new { name = "x", targetKind = "GridUnit", categoryId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "RoutingRule.UnknownCategory");
        await (await admin.PostAsJsonAsync("/api/v1/dispatch/rules", new { name = "x", targetKind = "Unit", targetUnitId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "RoutingRule.UnknownUnit");
        await (await admin.PutAsJsonAsync($"/api/v1/dispatch/rules/{Guid.NewGuid()}", new { name = "x", targetKind = "GridUnit" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "RoutingRule.NotFound");
    }

    [Theory]
    [InlineData("dispatcher", "POST", "/api/v1/dispatch/rules")]
    [InlineData("leader", "PUT", "/api/v1/dispatch/rules/0192a3b4-0000-7000-8000-000000000000")]
    [InlineData("supervisor", "DELETE", "/api/v1/dispatch/rules/0192a3b4-0000-7000-8000-000000000000")]
    [InlineData("resident", "GET", "/api/v1/dispatch/rules")]
    [InlineData("resident", "GET", "/api/v1/dispatch/explain")]
    public async Task Only_administrators_change_the_rules(string user, string method, string url)
    {
        var response = await (await app.As(user)).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Request.Forbidden");
    }

    [Theory]
    [InlineData("GET", "/api/v1/dispatch/rules")]
    [InlineData("POST", "/api/v1/dispatch/rules")]
    [InlineData("GET", "/api/v1/dispatch/explain")]
    public async Task Anonymous_callers_get_a_401(string method, string url)
    {
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Request.Unauthenticated");
    }
}

/// <summary>With every rule deleted there is no routing at all: the explicit fallback is the triage queue.</summary>
public class NoRoutingRulesTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task Without_any_rule_every_order_waits_for_the_dispatcher()
    {
        var admin = await app.As("admin");
        foreach (var rule in (await admin.GetJsonAsync("/api/v1/dispatch/rules")).EnumerateArray())
        {
            (await admin.DeleteAsync($"/api/v1/dispatch/rules/{rule.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Reception",
            reporter = new { name = "甲" },
            description = "电梯坏了",
            categoryId = LinliApp.CategoryId("0103"),
            buildingId = LinliApp.BuildingId("G0101", 1),
        });

        order.Str("status").ShouldBe("Received");
        var explain = await admin.GetJsonAsync($"/api/v1/dispatch/explain?categoryId={LinliApp.CategoryId("0103")}&buildingId={LinliApp.BuildingId("G0101", 1)}");
        explain.Str("reason").ShouldBe("NoRule");
        explain.Str("outcome").ShouldBe("Triage");
        explain.GetProperty("candidates").GetArrayLength().ShouldBe(0);
    }
}

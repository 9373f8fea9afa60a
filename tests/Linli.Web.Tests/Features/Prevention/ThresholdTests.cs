using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Persistence.Demo;

namespace Linli.Web.Tests.Features.Prevention;

/// <summary>预警阈值: the demo rule (房屋漏水 ≥ 5 in one building within 7 days → community leaders, inspection order to the property company).</summary>
public class ThresholdTests(LinliApp app) : IClassFixture<LinliApp>
{
    private static readonly Guid Leak = LinliApp.CategoryId("0102");
    private static readonly string RuleUrl = $"/api/v1/prevention/thresholds/{DemoPreventionSeeder.LeakRuleId}";

    private async Task<List<JsonElement>> FiringsAsync(HttpClient admin) =>
        [.. (await admin.GetJsonAsync(RuleUrl + "/firings")).EnumerateArray()];

    private static async Task<List<Guid>> LeaksAsync(HttpClient resident, Guid building, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var order = await resident.SubmitOkAsync(new { title = $"家里漏水{i}", description = $"卫生间天花板漏水第{i}处", buildingId = building, categoryId = Leak });
            ids.Add(order.GetProperty("id").GetGuid());
        }
        return ids;
    }

    [Fact]
    public async Task LeakRule_FiresAtTheFifthOrder_OncePerWindowAndBuilding_AndActs()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var first = LinliApp.BuildingId("G0101", 1);
        var second = LinliApp.BuildingId("G0101", 2);

        var four = await LeaksAsync(resident, first, 4);
        (await FiringsAsync(admin)).ShouldBeEmpty();
        var fifth = await LeaksAsync(resident, first, 1);

        var firings = await FiringsAsync(admin);
        firings.Count.ShouldBe(1);
        var firing = firings[0];
        firing.Str("scopeKey").ShouldBe("building:" + first);
        firing.GetProperty("sequence").GetInt32().ShouldBe(1);
        firing.GetProperty("orderIds").EnumerateArray().Select(e => e.GetGuid()).Order().ShouldBe(four.Concat(fifth).Order());

        // The inspection order: proactive, dispatched to the building's property company.
        var inspection = await admin.GetJsonAsync($"/api/v1/work-orders/{firing.GetProperty("workOrderId").GetGuid()}");
        inspection.Str("channel").ShouldBe("Proactive");
        inspection.Str("status").ShouldBe("Dispatched");
        inspection.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("P01"));

        // The community's leader is told.
        var leader = await app.As("leader");
        var inbox = (await leader.GetJsonAsync("/api/v1/notifications?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        inbox.Count(n => n.Str("kind") == "ThresholdAlert").ShouldBe(1);

        // Not again within the window; a second building is counted on its own.
        await LeaksAsync(resident, first, 5);
        await LeaksAsync(resident, second, 4);
        (await FiringsAsync(admin)).Count.ShouldBe(1);
        await LeaksAsync(resident, second, 1);
        (await FiringsAsync(admin)).Select(f => f.Str("scopeKey")).Order().ShouldBe(new[] { "building:" + first, "building:" + second }.Order());

        // After the window, five new orders fire it again.
        app.AdvanceTime(TimeSpan.FromDays(8));
        await LeaksAsync(resident, first, 4);
        (await FiringsAsync(admin)).Count.ShouldBe(2);
        await LeaksAsync(resident, first, 1);
        var again = await FiringsAsync(admin);
        again.Count.ShouldBe(3);
        again.Single(f => f.Str("scopeKey") == "building:" + first && f.GetProperty("sequence").GetInt32() == 2)
            .GetProperty("orderCount").GetInt32().ShouldBe(5);
        var rule = await admin.GetJsonAsync(RuleUrl);
        rule.GetProperty("firings").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Thresholds_AreAdministeredByAdminsOnly_WithCodedValidation()
    {
        var admin = await app.As("admin");
        var body = new RuleBody("同一网格3天内漏水≥3件", "Grid", LinliApp.CategoryId("0102"), 3, 72, LinliApp.UnitId("G0101"), "Unit", LinliApp.UnitId("D01"));
        (await (await app.As("dispatcher")).PostAsJsonAsync("/api/v1/prevention/thresholds", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.As("leader")).GetAsync("/api/v1/prevention/thresholds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/prevention/thresholds")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", body with { MinCount = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Threshold.Invalid");
        await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", body with { OrderUnitId = null }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Threshold.UnitRequired");
        await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", body with { CategoryId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Threshold.UnknownCategory");

        var created = await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", body)).ShouldBeAsync(HttpStatusCode.Created);
        var url = $"/api/v1/prevention/thresholds/{created.Str("id")}";
        created.Str("orderUnitName").ShouldBe("街道城管执法队");
        var updated = await (await admin.PutAsJsonAsync(url, body with { MinCount = 4 })).ShouldBeAsync(HttpStatusCode.OK);
        updated.GetProperty("minCount").GetInt32().ShouldBe(4);
        updated.GetProperty("version").GetInt32().ShouldBe(1);
        (await admin.GetJsonAsync("/api/v1/prevention/thresholds")).EnumerateArray().Select(r => r.Str("id")).ShouldContain(created.Str("id"));
        (await admin.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Threshold.NotFound");
    }

    private sealed record RuleBody(string Name, string Scope, Guid? CategoryId, int MinCount, int WindowHours, Guid? NotifyUnitId, string OrderTarget, Guid? OrderUnitId);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Domain.Categories;

namespace Linli.Web.Tests.Features.Prevention;

/// <summary>
/// 预警阈值 rules are read from memory on intake (ThresholdRuleSet); a rule or category saved on this instance must count
/// from the very next intake, not after the snapshot's age.
/// </summary>
public class ThresholdRuleSetTests(LinliApp app) : IClassFixture<LinliApp>
{
    private static async Task<JsonElement> SubmitAsync(HttpClient resident, Guid categoryId, Guid buildingId, string text) =>
        await resident.SubmitOkAsync(new { title = text, description = text, buildingId, categoryId });

    private static async Task<List<JsonElement>> FiringsAsync(HttpClient admin, string ruleId) =>
        [.. (await admin.GetJsonAsync($"/api/v1/prevention/thresholds/{ruleId}/firings")).EnumerateArray()];

    private static object Rule(string name, Guid categoryId, int minCount, bool isActive = true, int windowHours = 24) =>
        new { name, scope = "Building", categoryId, includeSubcategories = true, minCount, windowHours, orderTarget = "None", isActive };

    [Fact]
    public async Task A_rule_created_through_the_admin_api_counts_from_the_very_next_intake()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var noise = LinliApp.CategoryId("0202");
        var building = LinliApp.BuildingId("G0102", 1);
        // The first intake loads the rules (none of this category yet) into memory.
        var before = await SubmitAsync(resident, noise, building, "楼上夜间装修噪音");

        var rule = await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", Rule("同楼一天两次噪音", noise, 2)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var after = await SubmitAsync(resident, noise, building, "楼下广场舞噪音扰民");

        var firing = (await FiringsAsync(admin, rule.Str("id"))).ShouldHaveSingleItem();
        firing.Str("scopeKey").ShouldBe("building:" + building);
        firing.GetProperty("orderIds").EnumerateArray().Select(e => e.GetGuid()).Order()
            .ShouldBe(new[] { before.GetProperty("id").GetGuid(), after.GetProperty("id").GetGuid() }.Order());
    }

    [Fact]
    public async Task A_rule_switched_on_through_the_admin_api_counts_from_the_very_next_intake()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var sorting = LinliApp.CategoryId("0203");
        var building = LinliApp.BuildingId("G0102", 2);
        var body = Rule("垃圾分类一件即报", sorting, 1, isActive: false);
        var rule = await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", body)).ShouldBeAsync(HttpStatusCode.Created);

        await SubmitAsync(resident, sorting, building, "垃圾分类投放点无人值守");
        (await FiringsAsync(admin, rule.Str("id"))).ShouldBeEmpty();

        await (await admin.PutAsJsonAsync($"/api/v1/prevention/thresholds/{rule.Str("id")}", Rule("垃圾分类一件即报", sorting, 1)))
            .ShouldBeAsync(HttpStatusCode.OK);
        await SubmitAsync(resident, sorting, building, "厨余垃圾桶满溢");

        (await FiringsAsync(admin, rule.Str("id"))).ShouldHaveSingleItem().GetProperty("orderCount").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_subcategory_saved_through_ef_is_counted_by_its_parents_rule_from_the_very_next_intake()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var traffic = LinliApp.CategoryId("03");
        var rule = await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", Rule("交通类一件即报", traffic, 1)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await SubmitAsync(resident, LinliApp.CategoryId("0302"), LinliApp.BuildingId("G0102", 3), "小区门口路面塌陷");
        (await FiringsAsync(admin, rule.Str("id"))).Count.ShouldBe(1);

        var bikes = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            var parent = await db.Categories.FindAsync(traffic);
            db.Categories.Add(Category.Create(bikes, "0309", "共享单车", parent));
            return await db.SaveChangesAsync();
        });
        var building = LinliApp.BuildingId("G0102", 4);
        await SubmitAsync(resident, bikes, building, "共享单车堵住单元门");

        (await FiringsAsync(admin, rule.Str("id"))).Select(f => f.Str("scopeKey")).ShouldContain("building:" + building);
    }

    [Fact]
    public async Task A_key_that_fired_is_quiet_for_the_rules_current_window_a_window_shortened_through_the_admin_api_at_once()
    {
        var admin = await app.As("admin");
        var resident = await app.As("resident");
        var drains = LinliApp.CategoryId("0104");
        var building = LinliApp.BuildingId("G0101", 3);
        var rule = await (await admin.PostAsJsonAsync("/api/v1/prevention/thresholds", Rule("井盖一件即报", drains, 1)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await SubmitAsync(resident, drains, building, "楼前井盖丢了");
        (await FiringsAsync(admin, rule.Str("id"))).Count.ShouldBe(1);

        // Within the day's window the key is quiet: this instance knows it without reading the firings.
        app.AdvanceTime(TimeSpan.FromHours(13));
        await SubmitAsync(resident, drains, building, "井盖还没补上，很危险");
        (await FiringsAsync(admin, rule.Str("id"))).Count.ShouldBe(1);

        // A window shortened to 12 hours: 13 hours after the firing the key counts again, with the next order.
        await (await admin.PutAsJsonAsync($"/api/v1/prevention/thresholds/{rule.Str("id")}", Rule("井盖一件即报", drains, 1, windowHours: 12)))
            .ShouldBeAsync(HttpStatusCode.OK);
        await SubmitAsync(resident, drains, building, "下水道井盖又松了");
        var firings = await FiringsAsync(admin, rule.Str("id"));
        firings.Count.ShouldBe(2);
        firings.Max(f => f.GetProperty("sequence").GetInt32()).ShouldBe(2);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Classification;

/// <summary>The triage queue says why each order waits for a person, and names the rule that would take it now.</summary>
public class TriageReasonTests(LinliApp app) : IClassFixture<LinliApp>
{
    private async Task<JsonElement> ReasonOfAsync(JsonElement order)
    {
        var triage = await (await app.As("dispatcher")).GetJsonAsync("/api/v1/triage?pageSize=200");
        return triage.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == order.Str("id")).GetProperty("reason");
    }

    private async Task<JsonElement> SetCatchAllAsync(bool enabled)
    {
        var admin = await app.As("admin");
        var rule = (await admin.GetJsonAsync("/api/v1/dispatch/rules")).EnumerateArray().Single(r => r.Str("name") == "其他诉求→所在网格");
        return await (await admin.PutAsJsonAsync($"/api/v1/dispatch/rules/{rule.Str("id")}", new
        {
            name = "其他诉求→所在网格",
            targetKind = "GridUnit",
            isEnabled = enabled,
        })).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_rule_the_reason_is_no_rule_and_once_a_rule_covers_it_the_queue_names_that_rule_and_unit()
    {
        (await SetCatchAllAsync(false)).GetProperty("isEnabled").GetBoolean().ShouldBeFalse();
        var dispatcher = await app.As("dispatcher");
        var order = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "小区门口总有车乱停，堵住了消防通道",
            categoryId = LinliApp.CategoryId("0301"),
            reporter = new { name = "陈先生" },
            buildingId = LinliApp.BuildingId("G0102", 1),
        });
        order.Str("status").ShouldBe("Received");

        (await ReasonOfAsync(order)).Str("code").ShouldBe("NoRule");

        await SetCatchAllAsync(true);
        var reason = await ReasonOfAsync(order);
        reason.Str("code").ShouldBe("RuleMatched");
        reason.Str("rule").ShouldBe("其他诉求→所在网格");
        reason.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0102"));
    }

    [Fact]
    public async Task A_place_known_only_by_a_guess_is_the_reason()
    {
        // Nothing said about the place: the resident's home is assumed, not surely enough to dispatch on.
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "楼道里的消防栓没水了", categoryId = LinliApp.CategoryId("0402") });
        order.Str("status").ShouldBe("Received");

        var reason = await ReasonOfAsync(order);

        reason.Str("code").ShouldBe("PlaceNotKnown");
        reason.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_order_its_unit_gave_back_says_so()
    {
        var dispatcher = await app.As("dispatcher");
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "楼下的井盖松动了，踩上去会晃", categoryId = LinliApp.CategoryId("0402") });
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await (await app.As("handler")).ActOkAsync(order, "return", new { reason = "不在本网格" });
        order.Str("status").ShouldBe("Received");

        (await ReasonOfAsync(order)).Str("code").ShouldBe("Returned");
    }
}

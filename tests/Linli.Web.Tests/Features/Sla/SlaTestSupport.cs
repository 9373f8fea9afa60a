using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Sla;

/// <summary>Helpers of the SLA tests: set a policy through the admin API, get an order to a unit whatever intake did with it.</summary>
internal static class SlaTestSupport
{
    public static async Task SetPolicyAsync(this LinliApp app, string categoryCode, string urgency, string clock, int responseMinutes, int completionMinutes)
    {
        var admin = await app.As("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/time-limit-policies", new
        {
            categoryId = LinliApp.CategoryId(categoryCode),
            urgency,
            clock,
            responseMinutes,
            completionMinutes,
        });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
    }

    /// <summary>Submits as the resident and makes sure the order ends up dispatched to <paramref name="unitCode"/> now.</summary>
    public static async Task<JsonElement> SubmitDispatchedAsync(this LinliApp app, string categoryCode, string urgency, string unitCode, string text)
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new
        {
            title = text,
            description = text + "，请尽快处理。",
            categoryId = LinliApp.CategoryId(categoryCode),
            urgency,
        });
        return await app.DispatchToAsync(order, unitCode);
    }

    /// <summary>Intake may already have dispatched the order (automatic routing); otherwise the dispatcher does it.</summary>
    public static async Task<JsonElement> DispatchToAsync(this LinliApp app, JsonElement order, string unitCode)
    {
        var dispatcher = await app.As("dispatcher");
        var unit = LinliApp.UnitId(unitCode);
        order = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        if (order.Str("status") == "Received")
        {
            return await dispatcher.ActOkAsync(order, "dispatch", new { unitId = unit });
        }
        if (order.GetProperty("unitId").ValueKind == JsonValueKind.String && order.GetProperty("unitId").GetGuid() != unit)
        {
            return await dispatcher.ActOkAsync(order, "transfer", new { unitId = unit, reason = "测试：改派" });
        }
        return order;
    }

    public static async Task<JsonElement> GetOrderAsync(this LinliApp app, JsonElement order) =>
        await (await app.As("admin")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");

    public static List<JsonElement> History(this JsonElement order) => [.. order.GetProperty("history").EnumerateArray()];
}

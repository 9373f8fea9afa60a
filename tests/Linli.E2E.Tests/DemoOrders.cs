using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Persistence.Demo;

namespace Linli.E2E.Tests;

/// <summary>Orders in every state of the queue, made through the public API as the people of the demo street would.</summary>
public static class DemoOrders
{
    public static readonly Guid HandlerGrid = DemoIds.For("unit:" + DemoSeeder.Codes.HandlerGrid);

    private static readonly (string Text, string Phone)[] Calls =
    [
        ("莲花小区3号楼电梯停运两天，老人上下楼困难，请尽快维修。", "13912345678"),
        ("小区东门路灯不亮，晚上出行不安全。", "13698765432"),
        ("楼下餐馆油烟扰民，窗户都不敢开。", "13511112222"),
        ("2单元楼道堆放杂物，存在消防隐患。", "13733334444"),
        ("自来水水压太低，6楼基本没水。", "18655556666"),
        ("小区内共享单车乱停，堵塞消防通道。", "15877778888"),
    ];

    public static async Task SeedAsync(LinliServer server)
    {
        using var dispatcher = await server.ApiAsync("dispatcher");
        using var handler = await server.ApiAsync("handler");
        using var resident = await server.ApiAsync("resident");
        var orders = new List<JsonElement>();
        foreach (var (text, phone) in Calls)
        {
            var body = new
            {
                channel = "Hotline12345",
                description = text,
                reporter = new { name = "刘先生", phone },
                buildingId = DemoIds.For($"building:{DemoSeeder.Codes.HandlerGrid}:1")
            };
            orders.Add(await OkAsync(await dispatcher.PostAsJsonAsync("/api/v1/work-orders", body)));
        }
        orders.Add(await OkAsync(await resident.PostAsJsonAsync("/api/v1/work-orders", new { description = "家门口的井盖松动，踩上去会响。" })));
        // Four orders in the handler's grid (dispatched here, or already routed there by the routing rules); two of them
        // accepted, one of those completed. Orders routing could not place stay in the triage queue.
        var mine = new List<Guid>();
        foreach (var order in orders.Take(4))
        {
            var id = order.GetProperty("id").GetGuid();
            var current = order;
            if (current.GetProperty("status").GetString() == "Received")
            {
                current = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/work-orders/{id}/dispatch", new { unitId = HandlerGrid }));
            }
            else if (current.GetProperty("unitId").ValueKind == JsonValueKind.String && current.GetProperty("unitId").GetGuid() != HandlerGrid
                && current.GetProperty("status").GetString() == "Dispatched")
            {
                current = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/work-orders/{id}/transfer", new { unitId = HandlerGrid, reason = "属地网格办理" }));
            }
            if (current.GetProperty("status").GetString() == "Dispatched")
            {
                mine.Add(id);
            }
        }
        foreach (var id in mine.Take(2))
        {
            await OkAsync(await handler.PostAsync($"/api/v1/work-orders/{id}/accept", null));
        }
        await OkAsync(await handler.PostAsJsonAsync($"/api/v1/work-orders/{mine[0]}/complete", new { result = "已联系电梯维保单位更换控制板，电梯恢复运行。" }));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public static class ApiClients
{
    /// <summary>An API client signed in with a bearer token, as the mobile apps and scripts are.</summary>
    public static async Task<HttpClient> ApiAsync(this LinliServer server, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = LinliServer.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

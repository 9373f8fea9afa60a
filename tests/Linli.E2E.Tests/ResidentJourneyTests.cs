using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Linli.E2E.Tests;

/// <summary>接-派-办-评 through the pages: a resident on a phone, the dispatcher, the grid member, the resident again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentJourneyTests(LinliServer server)
{
    [Fact]
    public async Task ResidentSubmits_DispatcherDispatches_HandlerCompletes_ResidentEvaluates()
    {
        // 1. The resident reports on a 390×844 phone.
        await using var resident = await BrowserSession.OpenAsync(server, BrowserSession.Phone, "resident");
        await resident.Page.GotoAsync("/h5/submit");
        await resident.Page.GetByLabel("遇到了什么问题？").FillAsync("5号楼门口下水道堵塞，污水外溢，气味很大。");
        await resident.Page.GetByLabel("详细地址（可选）").FillAsync("5号楼东侧");
        await resident.ScreenshotAsync("04-h5-submit");
        (await resident.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "no sideways scrolling on a phone");
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await resident.Page.WaitForURLAsync("**/h5/my/**");
        await Assertions.Expect(resident.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");
        var orderUrl = new Uri(resident.Page.Url).AbsolutePath;
        var orderId = Guid.Parse(orderUrl.Split('/').Last());
        var number = await NumberOfAsync(orderId);

        // 2. The dispatcher finds it in the triage queue and confirms in one click (unless routing already dispatched it).
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/console/triage");
        var card = dispatcher.Page.Locator($"article[data-order='{number}']");
        if (await card.CountAsync() > 0)
        {
            await dispatcher.ScreenshotAsync("06-triage");
            await card.GetByRole(AriaRole.Combobox, new() { Name = "承办单位" }).SelectOptionAsync(DemoOrders.HandlerGrid.ToString());
            await card.GetByRole(AriaRole.Button, new() { Name = "确认并派单" }).ClickAsync();
            await Assertions.Expect(dispatcher.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(number);
        }
        (await StatusOfAsync(orderId)).ShouldBe("Dispatched");
        if ((await OrderAsync(orderId)).GetProperty("unitId").GetGuid() != DemoOrders.HandlerGrid)
        {
            // Routing sent it elsewhere: the dispatcher transfers it to the grid on the order page (转办).
            await dispatcher.Page.GotoAsync($"/console/work-orders/{orderId}");
            await dispatcher.Page.GetByText("转办", new() { Exact = true }).ClickAsync();
            await dispatcher.Page.Locator("#transfer-unit").SelectOptionAsync(DemoOrders.HandlerGrid.ToString());
            await dispatcher.Page.Locator("#transfer-reason").FillAsync("属地网格办理");
            await dispatcher.Page.Locator("form[action*='handler=Transfer'] button[type=submit]").ClickAsync();
            await Assertions.Expect(dispatcher.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已转办");
        }

        // 3. The grid member accepts and completes it on the order page.
        await using var handler = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "handler");
        await handler.Page.GotoAsync("/console");
        await handler.Page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await handler.Page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await Assertions.Expect(handler.Page.Locator("[data-testid=status]")).ToHaveTextAsync("办理中");
        await handler.Page.GetByLabel("办理结果").FillAsync("已联系市政疏通下水道，现场已清理消毒。");
        await handler.Page.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(handler.Page.Locator("[data-testid=status]")).ToHaveTextAsync("待评价");

        // 4. The resident reads the reply and evaluates.
        await resident.Page.GotoAsync(orderUrl);
        await Assertions.Expect(resident.Page.Locator("[data-testid=reply]")).ToContainTextAsync("疏通");
        await resident.ScreenshotAsync("05-h5-order-completed");
        await resident.Page.GetByText("满意", new() { Exact = true }).ClickAsync();
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(resident.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("感谢您的评价");
        await Assertions.Expect(resident.Page.Locator("[data-testid=status]")).ToHaveTextAsync("待回访");
        (await StatusOfAsync(orderId)).ShouldBe("Evaluated");

        foreach (var person in new[] { resident, dispatcher, handler })
        {
            await person.ShouldShowNoErrorTextAsync();
            person.ShouldHaveNoConsoleErrors();
        }
    }

    [Fact]
    public async Task ResidentPages_FitAPhoneAndListMyRequests()
    {
        await using var resident = await BrowserSession.OpenAsync(server, new ViewportSize { Width = 360, Height = 740 }, "resident");
        await resident.Page.GotoAsync("/h5");
        await Assertions.Expect(resident.Page.GetByRole(AriaRole.Link, new() { Name = "我要反映" }).First).ToBeVisibleAsync();
        await resident.ScreenshotAsync("07-h5-home");
        await resident.Page.GotoAsync("/h5/my");
        await Assertions.Expect(resident.Page.Locator("#my-list a").First).ToBeVisibleAsync();
        (await resident.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await resident.ScreenshotAsync("08-h5-my");
        await resident.ShouldShowNoErrorTextAsync();
        resident.ShouldHaveNoConsoleErrors();
    }

    private async Task<JsonElement> OrderAsync(Guid id)
    {
        using var api = await server.ApiAsync("dispatcher");
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/work-orders/{id}");
    }

    private async Task<string> NumberOfAsync(Guid id) => (await OrderAsync(id)).GetProperty("number").GetString()!;

    private async Task<string> StatusOfAsync(Guid id) => (await OrderAsync(id)).GetProperty("status").GetString()!;
}

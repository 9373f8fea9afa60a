using Microsoft.Playwright;

namespace Linli.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ConsolePagesTests(LinliServer server)
{
    [Fact]
    public async Task SignInPage_ShowsLabelledFieldsInChinese()
    {
        await using var person = await BrowserSession.OpenAsync(server, BrowserSession.Desktop);
        await person.Page.GotoAsync("/login");

        (await person.Page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
        await Assertions.Expect(person.Page.GetByLabel("用户名")).ToBeVisibleAsync();
        await Assertions.Expect(person.Page.GetByLabel("密码")).ToBeVisibleAsync();
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        await person.ScreenshotAsync("01-login");
        await person.ShouldShowNoErrorTextAsync();
        person.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task WrongPassword_StaysOnSignInWithAChineseMessage()
    {
        await using var person = await BrowserSession.OpenAsync(server, BrowserSession.Desktop);
        await person.Page.GotoAsync("/login");
        await person.Page.GetByLabel("用户名").FillAsync("dispatcher");
        await person.Page.GetByLabel("密码").FillAsync("wrong-password");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(person.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码");
        person.Page.Url.ShouldContain("/login");
    }

    [Fact]
    public async Task DispatcherQueue_HasTheFourTabsAndFiltersWithoutReload()
    {
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/console?tab=All");
        foreach (var tab in new[] { "待接单", "办理中", "即将超时", "已超时" })
        {
            await Assertions.Expect(dispatcher.Page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToBeVisibleAsync();
        }
        await Assertions.Expect(dispatcher.Page.Locator("#queue-list tbody tr").First).ToBeVisibleAsync();
        await dispatcher.ScreenshotAsync("02-console-queue");

        // htmx swaps only the list: a marker on the window survives the filter.
        await dispatcher.Page.EvaluateAsync("window.__marker = 1");
        await dispatcher.Page.GetByLabel("渠道").SelectOptionAsync("Hotline12345");
        await Assertions.Expect(dispatcher.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("channel=Hotline12345"));
        await Assertions.Expect(dispatcher.Page.Locator("#queue-list tbody tr").First).ToContainTextAsync("12345");
        (await dispatcher.Page.EvaluateAsync<int>("window.__marker")).ShouldBe(1);

        await dispatcher.ShouldShowNoErrorTextAsync();
        dispatcher.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task OrderPage_ShowsTimelineMapAndActions()
    {
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/console?tab=Doing");
        await dispatcher.Page.Locator("#queue-list tbody tr a").First.ClickAsync();
        await dispatcher.Page.WaitForURLAsync("**/console/work-orders/**");

        await Assertions.Expect(dispatcher.Page.GetByRole(AriaRole.Heading, new() { Name = "办理过程" })).ToBeVisibleAsync();
        (await dispatcher.Page.Locator("[data-testid=timeline] li").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await Assertions.Expect(dispatcher.Page.Locator("#order-map .leaflet-interactive").First).ToBeVisibleAsync();
        await Assertions.Expect(dispatcher.Page.GetByText("督办").First).ToBeVisibleAsync();
        await dispatcher.ScreenshotAsync("03-order");
        await dispatcher.ShouldShowNoErrorTextAsync();
        dispatcher.ShouldHaveNoConsoleErrors();
    }
}

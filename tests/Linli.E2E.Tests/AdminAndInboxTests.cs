using Microsoft.Playwright;

namespace Linli.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminAndInboxTests(LinliServer server)
{
    [Fact]
    public async Task Admin_SeesPeopleCategoriesPolicies_AndCreatesAChannelKeyShownOnce()
    {
        await using var admin = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "admin");
        await admin.Page.GotoAsync("/admin");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "人员与角色" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Page.Locator("#people")).ToContainTextAsync("dispatcher");
        await admin.ScreenshotAsync("10-admin");

        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "渠道接口密钥" }).ClickAsync();
        await admin.Page.GetByLabel("名称").FillAsync("12345 市平台对接");
        await admin.Page.GetByRole(AriaRole.Combobox, new() { Name = "渠道" }).SelectOptionAsync("Hotline12345");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "生成密钥" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("[data-testid=new-key]")).ToContainTextAsync("llk_");
        await admin.ShouldShowNoErrorTextAsync();
        admin.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task Admin_ExplainsWhereAnOrderWouldGo_AndSeesTheGridMap()
    {
        await using var admin = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "admin");
        await admin.Page.GotoAsync("/admin/routing");
        await admin.Page.GetByLabel("楼栋").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "推演" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("[data-testid=explain-result]")).ToContainTextAsync("结果");
        await admin.ScreenshotAsync("11-admin-routing");

        await admin.Page.GotoAsync("/admin/grids");
        await Assertions.Expect(admin.Page.Locator("#grids-map .leaflet-interactive").First).ToBeVisibleAsync();
        await admin.ScreenshotAsync("12-admin-grids");
        await admin.ShouldShowNoErrorTextAsync();
        admin.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task AdminPages_AreClosedToOtherStaff()
    {
        await using var dispatcher = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "dispatcher");
        await dispatcher.Page.GotoAsync("/admin");
        dispatcher.Page.Url.ShouldNotContain("/admin");
    }

    [Fact]
    public async Task Handler_SeesTheInbox()
    {
        await using var handler = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "handler");
        await handler.Page.GotoAsync("/console");
        await Assertions.Expect(handler.Page.Locator("#notification-slot a")).ToContainTextAsync("消息");
        await handler.Page.GotoAsync("/notifications");
        await Assertions.Expect(handler.Page.GetByRole(AriaRole.Heading, new() { Name = "消息" })).ToBeVisibleAsync();
        await handler.ShouldShowNoErrorTextAsync();
        handler.ShouldHaveNoConsoleErrors();
    }
}

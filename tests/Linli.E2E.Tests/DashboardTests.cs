using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Linli.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(LinliServer server)
{
    [Fact]
    public async Task TodaysCounter_ChangesWithoutReload_WithinTwoSecondsOfANewOrder()
    {
        await using var screen = await BrowserSession.OpenAsync(server, BrowserSession.BigScreen, "dispatcher");
        await screen.Page.GotoAsync("/dashboard");
        await Assertions.Expect(screen.Page.Locator("#live")).ToHaveTextAsync("● 实时");
        var counter = screen.Page.Locator("[data-testid=today-received]");
        var before = int.Parse(await counter.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await screen.Page.EvaluateAsync("window.__notReloaded = true");

        using var resident = await server.ApiAsync("resident2");
        var clock = Stopwatch.StartNew();
        (await resident.PostAsJsonAsync("/api/v1/work-orders", new { description = "楼顶水箱漏水，顶层住户墙面发霉。" })).EnsureSuccessStatusCode();
        await Assertions.Expect(counter).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 2_000 });
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (await screen.Page.EvaluateAsync<bool>("window.__notReloaded === true")).ShouldBeTrue();
        await Assertions.Expect(screen.Page.Locator("#ticker li").First).ToContainTextAsync("水箱漏水");

        await screen.ScreenshotAsync("09-dashboard");
        await screen.ShouldShowNoErrorTextAsync();
        screen.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task Dashboard_IsForStaffOnly()
    {
        await using var resident = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, "resident");
        var response = await resident.Page.GotoAsync("/dashboard");
        resident.Page.Url.ShouldNotContain("/dashboard", customMessage: $"a resident was shown the big screen ({response?.Status})");
    }
}

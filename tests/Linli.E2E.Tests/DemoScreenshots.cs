using Microsoft.Playwright;

namespace Linli.E2E.Tests;

/// <summary>
/// Screenshots of a running demo (e.g. <c>dotnet run --project src/Linli.Web</c>) as people see it, for eyes, not asserts
/// beyond "Chinese content, no error text, no console errors". Runs only when <c>LINLI_DEMO_URL</c> names the demo:
/// <c>LINLI_DEMO_URL=http://127.0.0.1:5080 dotnet test tests/Linli.E2E.Tests --filter DemoScreenshots</c>.
/// </summary>
public sealed class DemoScreenshots
{
    [Fact]
    public async Task RunningDemo_MainPages()
    {
        var url = Environment.GetEnvironmentVariable("LINLI_DEMO_URL");
        if (string.IsNullOrEmpty(url))
        {
            return;
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "demo-screenshots");
        Directory.CreateDirectory(folder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = LinliServer.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var errors = new List<string>();
        async Task<IPage> OpenAsync(int width, int height, string? user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url, ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            page.Console += (_, m) => { if (m.Type == "error") { errors.Add($"{page.Url}: {m.Text}"); } };
            page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");
            if (user is not null)
            {
                await page.GotoAsync("/login");
                await page.GetByLabel("用户名").FillAsync(user);
                await page.GetByLabel("密码").FillAsync(LinliServer.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
                await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
            }
            return page;
        }
        async Task ShotAsync(IPage page, string path, string name, string expected)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            await page.WaitForTimeoutAsync(800); // charts and the map draw after load
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(expected);
            (await page.InnerTextAsync("body")).ShouldNotContain("Exception");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
        }

        await ShotAsync(await OpenAsync(1280, 900, null), "/login", "login", "用户名");
        // A resident reports first, so that even a demo without history has an order to show.
        var resident = await OpenAsync(390, 844, "resident");
        await ShotAsync(resident, "/h5/submit", "h5-submit", "我要反映");
        await resident.GetByLabel("遇到了什么问题？").FillAsync("小区北门的路灯坏了好几天，晚上很黑。");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await resident.WaitForURLAsync("**/h5/my/**");
        var dispatcher = await OpenAsync(1280, 900, "dispatcher");
        await ShotAsync(dispatcher, "/console?tab=All", "console", "待接单");
        var first = await dispatcher.Locator("#queue-list tbody tr a").First.GetAttributeAsync("href");
        await ShotAsync(dispatcher, first!, "order", "办理过程");
        await ShotAsync(dispatcher, "/console/triage", "triage", "分拨台");
        await ShotAsync(await OpenAsync(1920, 1080, "dispatcher"), "/dashboard", "dashboard", "数据大屏");
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }
}

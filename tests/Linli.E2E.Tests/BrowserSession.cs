using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Linli.E2E.Tests;

/// <summary>
/// One person in one browser context (own cookies), with a viewport, the console errors the page logs, and helpers that
/// read as the steps a person takes.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize BigScreen = new() { Width = 1920, Height = 1080 };

    private readonly LinliServer _server;
    private readonly List<string> _errors = [];
    private readonly HashSet<IRequest> _pending = [];

    private BrowserSession(LinliServer server, IBrowserContext context, IPage page)
    {
        _server = server;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({page.Url})");
                }
            }
        };
        // Requests sent and not yet answered, named when a wait times out.
        page.Request += (_, request) =>
        {
            lock (_pending)
            {
                _pending.Add(request);
            }
        };
        page.RequestFinished += (_, request) => Forget(request);
        page.RequestFailed += (_, request) => Forget(request);
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error} ({page.Url})");
            }
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(LinliServer server, ViewportSize viewport, string? userName = null)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = viewport,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var session = new BrowserSession(server, context, await context.NewPageAsync());
        if (userName is not null)
        {
            await session.SignInAsync(userName);
        }
        return session;
    }

    /// <summary>Signs in through the form, as a person does: 用户名, 密码, 登录.</summary>
    public async Task SignInAsync(string userName)
    {
        await Page.GotoAsync("/login");
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync(LinliServer.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Signing in hashes the password (PBKDF2) and renders the first console page: on a 2-core CI box busy with the
        // rest of the suite this once took longer than the default 15 s, so this one step gets more room. Done when the
        // address has left the login page and the first page's main region is in the document, both polled: waiting for the
        // navigation's "load", later its "DOMContentLoaded", twice in many runs never ended although the page was there and
        // no request was pending (the lifecycle event was missed under load). A timeout names what was pending.
        try
        {
            await Assertions.Expect(Page).Not.ToHaveURLAsync(LoginPage(), new() { Timeout = 45_000 });
            await Page.Locator("main").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 45_000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            throw new TimeoutException($"Signing in as {userName} did not finish: at {Page.Url}, waiting for {Pending()}", e);
        }
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginPage();

    private void Forget(IRequest request)
    {
        lock (_pending)
        {
            _pending.Remove(request);
        }
    }

    /// <summary>The requests sent and not answered yet, for a timeout's message.</summary>
    private string Pending()
    {
        lock (_pending)
        {
            return _pending.Count == 0 ? "no request" : string.Join(", ", _pending.Select(r => $"{r.Method} {r.Url}"));
        }
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LinliServer.ScreenshotDirectory, name + ".png"), FullPage = false });

    /// <summary>No page this person saw logged an error to the console or threw.</summary>
    public void ShouldHaveNoConsoleErrors()
    {
        lock (_errors)
        {
            _errors.ShouldBeEmpty(string.Join(Environment.NewLine, _errors));
        }
    }

    /// <summary>The page shows no error text (a server error page, ProblemDetails JSON, a missing resource key).</summary>
    public async Task ShouldShowNoErrorTextAsync()
    {
        var text = await Page.InnerTextAsync("body");
        foreach (var bad in new[] { "Exception", "服务器内部错误", "\"status\":", "Status.", "Trigger.", "Channel.", "Order.", "Queue.", "H5.", "Dashboard." })
        {
            text.ShouldNotContain(bad, customMessage: $"{Page.Url} shows '{bad}'");
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    public LinliServer Server => _server;
}

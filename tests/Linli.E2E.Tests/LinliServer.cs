using System.Net;
using Linli.Web.Persistence.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.E2E.Tests;

/// <summary>
/// The whole host on a real Kestrel socket (127.0.0.1, a free port) over a fresh SQLite file with the demo street and some
/// history, plus one headless Chromium (Debian's, see shared/docs/dependencies.md). Real clock: the pages are watched live.
/// </summary>
public sealed class LinliServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoSeeder.Password;
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "linli-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public LinliServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here (bin/…/TestResults/screenshots) so that CI keeps them as artifacts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium fonts-wqy-microhei (scripts/test.sh does).");
        }
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
        await DemoOrders.SeedAsync(this);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the machine anyway.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Linli:DataDirectory", _dataDirectory);
        builder.UseSetting("Linli:Demo", "true");
        builder.UseSetting("Linli:DemoOrders", "400");
        builder.UseSetting("Linli:BackgroundJobs", "false");
        builder.UseSetting("Linli:ChromiumPath", ChromiumPath);
        builder.UseSetting("Database:Provider", "Sqlite");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<LinliServer>
{
    public const string Name = "browser";
}

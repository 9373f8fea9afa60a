using Microsoft.Playwright;

namespace Linli.Web.Features.WorkOrders.Pages;

/// <summary>
/// Turns HTML into an A4 PDF with the server's Chromium (Debian's <c>chromium</c>, fonts from <c>fonts-wqy-microhei</c>)
/// driven by Microsoft.Playwright. One browser per host, started on first use; a page per print.
/// </summary>
public sealed class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ExecutablePath { get; } = configuration["Linli:ChromiumPath"] ?? "/usr/bin/chromium";

    public bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>The PDF bytes, or null when no Chromium is installed on this server.</summary>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            logger.LogWarning("No Chromium at {Path}: printing is unavailable", ExecutablePath);
            return null;
        }
        var browser = await BrowserAsync(ct);
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new Margin { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" },
            });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } raced)
            {
                return raced;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchArgs,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _gate.Dispose();
    }
}

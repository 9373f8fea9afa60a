using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Linli.Web.Tests.Features.Reports;

/// <summary>The host with a language-model endpoint configured that refuses connections.</summary>
public sealed class LinliAppWithUnreachableLlm : LinliApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Linli:Llm:BaseUrl", "http://127.0.0.1:1");
        builder.UseSetting("Linli:Llm:Model", "any-model");
        builder.UseSetting("Linli:Llm:TimeoutSeconds", "5");
    }
}

public class WeeklyReportLlmFallbackTests(LinliAppWithUnreachableLlm app) : IClassFixture<LinliAppWithUnreachableLlm>
{
    [Fact]
    public async Task WeeklyReport_WhenTheLlmIsUnreachable_FallsBackToTheBuiltInNarrative_Quickly()
    {
        var resident = await app.As("resident");
        await resident.SubmitOkAsync(new { title = "咨询养老服务", description = "想了解社区养老服务的报名方式。" });
        app.AdvanceTime(TimeSpan.FromDays(3));
        var admin = await app.As("admin");

        var watch = Stopwatch.StartNew();
        var created = await (await admin.PostAsync($"/api/v1/reports/weekly?week=2026-W47&area={LinliApp.UnitId("S01")}", null))
            .ShouldBeAsync(HttpStatusCode.Created);
        watch.Stop();

        var report = await admin.GetJsonAsync($"/api/v1/reports/{created.Str("id")}?format=json");
        report.GetProperty("narrativeSource").GetString().ShouldBe("builtin");
        report.GetProperty("narrative").GetString().ShouldNotBeNullOrWhiteSpace();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}

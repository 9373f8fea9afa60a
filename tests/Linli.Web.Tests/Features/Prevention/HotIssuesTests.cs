using System.Net;

namespace Linli.Web.Tests.Features.Prevention;

public class HotIssuesTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task HotIssues_ClusterTheSameIncident_AndRankIt()
    {
        var building = LinliApp.BuildingId("G0101", 1);
        var resident = await app.As("resident");
        string[] texts = ["1号楼电梯坏了停运，老人上不了楼", "1号楼电梯坏了停运两天，请尽快维修", "1号楼电梯停运了，老人上不了楼", "1号楼电梯坏了停运没人修"];
        foreach (var text in texts)
        {
            await resident.SubmitOkAsync(new { title = text, description = text, buildingId = building, categoryId = LinliApp.CategoryId("0103") });
            app.AdvanceTime(TimeSpan.FromMinutes(30));
        }
        await resident.SubmitOkAsync(new { title = "咨询养老服务", description = "想了解社区养老服务的报名方式。" });

        var admin = await app.As("admin");
        var from = LinliApp.Start.UtcDateTime.AddDays(-1);
        var to = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var list = await admin.GetJsonAsync($"/api/v1/analytics/hot-issues?from={from:O}&to={to:O}&area={LinliApp.UnitId("S01")}");
        var top = list.GetProperty("clusters")[0];
        top.GetProperty("rank").GetInt32().ShouldBe(1);
        top.GetProperty("size").GetInt32().ShouldBe(4, list.ToString());
        top.GetProperty("categories")[0].GetString().ShouldBe("电梯故障");
        top.GetProperty("orders").GetArrayLength().ShouldBe(4);
        top.GetProperty("representativeNumber").GetString().ShouldNotBeNullOrEmpty();

        var again = await admin.GetJsonAsync($"/api/v1/analytics/hot-issues?from={from:O}&to={to:O}&area={LinliApp.UnitId("S01")}");
        again.GetProperty("clusters").ToString().ShouldBe(list.GetProperty("clusters").ToString());

        (await (await app.As("resident")).GetAsync("/api/v1/analytics/hot-issues")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await (await app.As("handler2")).GetAsync($"/api/v1/analytics/hot-issues?area={LinliApp.UnitId("S01")}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Prevention.AreaForbidden");
    }
}

using System.Net;
using System.Net.Http.Json;

namespace Linli.Web.Tests.Features.Prevention;

public class ForecastRiskTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task A_burst_in_a_quiet_grid_grades_it_red_and_a_leader_turns_the_proposal_into_one_proactive_order()
    {
        var dispatcher = await app.As("dispatcher");
        for (var i = 0; i < 6; i++)
        {
            await dispatcher.SubmitOkAsync(new
            {
                channel = "Hotline12345",
                description = $"楼顶漏水，家里第{i + 1}处天花板渗水",
                categoryId = LinliApp.CategoryId("0102"),
                reporter = new { name = "住户" + i },
                buildingId = LinliApp.BuildingId("G0103", 1 + (i % 2)),
            });
        }

        var forecast = await dispatcher.GetJsonAsync("/api/v1/prevention/forecast?week=2026-W47");
        var grid = forecast.GetProperty("grids").EnumerateArray().Single(g => g.GetProperty("gridUnitId").GetGuid() == LinliApp.UnitId("G0103"));
        grid.Str("grade").ShouldBe("Red");
        var leak = grid.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("categoryId").GetGuid() == LinliApp.CategoryId("0102"));
        leak.GetProperty("observed").GetInt32().ShouldBe(6);
        leak.GetProperty("anomaly").GetBoolean().ShouldBeTrue();
        forecast.GetProperty("grids").EnumerateArray().Single(g => g.GetProperty("gridUnitId").GetGuid() == LinliApp.UnitId("G0302")).Str("grade").ShouldBe("Green");
        forecast.GetProperty("backTest").GetProperty("weeks").GetInt32().ShouldBeGreaterThan(0);

        var proposals = await (await dispatcher.PostAsync("/api/v1/prevention/forecast/proposals?week=2026-W47", null)).ShouldBeAsync(HttpStatusCode.OK);
        var proposal = proposals.EnumerateArray().Single(p => p.GetProperty("gridUnitId").GetGuid() == LinliApp.UnitId("G0103"));
        proposal.Str("status").ShouldBe("Pending");
        (await dispatcher.PostAsync("/api/v1/prevention/forecast/proposals?week=2026-W47", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dispatcher.GetJsonAsync("/api/v1/prevention/proposals")).EnumerateArray().Count(p => p.Str("id") == proposal.Str("id")).ShouldBe(1);

        (await (await app.As("handler")).PostAsync($"/api/v1/prevention/proposals/{proposal.Str("id")}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var leader = await app.As("leader");
        var order = await (await leader.PostAsync($"/api/v1/prevention/proposals/{proposal.Str("id")}/confirm", null)).ShouldBeAsync(HttpStatusCode.OK);
        order.Str("channel").ShouldBe("Proactive");
        order.GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0102"));
        var again = await (await leader.PostAsync($"/api/v1/prevention/proposals/{proposal.Str("id")}/confirm", null)).ShouldBeAsync(HttpStatusCode.OK);
        again.Str("id").ShouldBe(order.Str("id"));
        var confirmed = (await leader.GetJsonAsync("/api/v1/prevention/proposals")).EnumerateArray().Single(p => p.Str("id") == proposal.Str("id"));
        confirmed.Str("status").ShouldBe("Confirmed");
        confirmed.Str("workOrderId").ShouldBe(order.Str("id"));
        await (await dispatcher.PostAsJsonAsync($"/api/v1/prevention/proposals/{proposal.Str("id")}/dismiss", new { reason = "晚了" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Prevention.ProposalDecided");
    }

    [Fact]
    public async Task The_forecast_is_for_staff_and_checks_its_week()
    {
        (await (await app.As("resident")).GetAsync("/api/v1/prevention/forecast")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await (await app.As("dispatcher")).GetAsync("/api/v1/prevention/forecast?week=2026-W99")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Reports.InvalidWeek");
        (await (await app.As("dispatcher")).GetAsync("/api/v1/prevention/forecast")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

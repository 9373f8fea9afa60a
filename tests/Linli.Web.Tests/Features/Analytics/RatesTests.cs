using System.Globalization;
using System.Net;
using System.Text.Json;
using Linli.Web.Tests.Features.Sla;

namespace Linli.Web.Tests.Features.Analytics;

/// <summary>The three rates on a hand-built set of orders; expected figures worked out by hand below.</summary>
public class RatesTests(LinliApp app) : IClassFixture<LinliApp>
{
    private async Task<JsonElement> SubmitAsync(string grid, string text)
    {
        await app.SetPolicyAsync("0203", "Normal", "24x7", 60, 600);
        var order = await (await app.As("dispatcher")).SubmitOkAsync(new
        {
            channel = "Reception",
            description = text,
            categoryId = LinliApp.CategoryId("0203"),
            urgency = "Normal",
            reporter = new { name = "王阿姨" },
            buildingId = LinliApp.BuildingId(grid, 1),
        });
        return await app.DispatchToAsync(order, grid);
    }

    [Fact]
    public async Task Rates_per_community_grid_and_unit_agree_with_the_orders()
    {
        var from = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var handler2 = await app.As("handler2");
        var admin = await app.As("admin");
        var dispatcher = await app.As("dispatcher");

        // 太平桥 (C02, grid G0201): O1 on time, O2 late, O3 never accepted.
        var o1 = await SubmitAsync("G0201", "垃圾分类桶不够1");
        var o2 = await SubmitAsync("G0201", "垃圾分类桶不够2");
        var o3 = await SubmitAsync("G0201", "垃圾分类桶不够3");
        // 六里桥 (C03, grid G0301): O4 and O5 on time.
        var o4 = await SubmitAsync("G0301", "垃圾分类桶不够4");
        var o5 = await SubmitAsync("G0301", "垃圾分类桶不够5");

        app.AdvanceTime(TimeSpan.FromMinutes(10));
        o1 = await handler2.ActOkAsync(o1, "accept");
        o4 = await admin.ActOkAsync(o4, "accept");
        o5 = await admin.ActOkAsync(o5, "accept");
        app.AdvanceTime(TimeSpan.FromMinutes(80));
        o2 = await handler2.ActOkAsync(o2, "accept"); // 90 min > 60 min response limit
        app.AdvanceTime(TimeSpan.FromMinutes(30));
        o1 = await handler2.ActOkAsync(o1, "complete", new { result = "已增设分类桶" });
        o2 = await handler2.ActOkAsync(o2, "complete", new { result = "已增设分类桶" });
        o4 = await admin.ActOkAsync(o4, "complete", new { result = "已增设分类桶" });
        o5 = await admin.ActOkAsync(o5, "complete", new { result = "已增设分类桶" });
        await dispatcher.ActOkAsync(o1, "evaluate", new { resolved = true, satisfaction = "Satisfied" });
        await dispatcher.ActOkAsync(o2, "evaluate", new { resolved = false, satisfaction = "Dissatisfied" });
        await dispatcher.ActOkAsync(o4, "evaluate", new { resolved = true, satisfaction = "BasicallySatisfied" });
        await dispatcher.ActOkAsync(o5, "evaluate", new { resolved = true, satisfaction = "Dissatisfied" });
        var to = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var period = $"from={Iso(from)}&to={Iso(to)}";

        var communities = Rows(await admin.GetJsonAsync($"/api/v1/analytics/rates?groupBy=community&{period}"));
        // C02: dispatched 3, in time 1 (O1); overdue 2 (O2 accepted late, O3 still waiting past its deadline);
        // evaluated 2 (O1, O2), resolved 1, satisfied 1.
        var c02 = communities["C02"];
        (c02.Dispatched, c02.AcceptedInTime, c02.Overdue, c02.Evaluated, c02.Resolved, c02.Satisfied).ShouldBe((3, 1, 2, 2, 1, 1));
        c02.ResponseRate.ShouldBe(0.3333);
        c02.ResolutionRate.ShouldBe(0.5);
        c02.SatisfactionRate.ShouldBe(0.5);
        // C03: dispatched 2, both in time, none overdue; evaluated 2, resolved 2, satisfied 1 (基本满意 counts, 不满意 not).
        var c03 = communities["C03"];
        (c03.Dispatched, c03.AcceptedInTime, c03.Overdue, c03.Evaluated, c03.Resolved, c03.Satisfied).ShouldBe((2, 2, 0, 2, 2, 1));
        (c03.ResponseRate, c03.ResolutionRate, c03.SatisfactionRate).ShouldBe((1.0, 1.0, 0.5));
        // C01 had nothing: a row with null rates.
        communities["C01"].ResponseRate.ShouldBeNull();
        communities["C01"].Dispatched.ShouldBe(0);

        var grids = Rows(await admin.GetJsonAsync($"/api/v1/analytics/rates?groupBy=grid&{period}"));
        grids["G0201"].Dispatched.ShouldBe(3);
        grids["G0301"].SatisfactionRate.ShouldBe(0.5);
        var streets = Rows(await admin.GetJsonAsync($"/api/v1/analytics/rates?groupBy=street&{period}"));
        (streets["S01"].Dispatched, streets["S01"].AcceptedInTime, streets["S01"].Evaluated).ShouldBe((5, 3, 4));
        var units = Rows(await admin.GetJsonAsync($"/api/v1/analytics/rates?groupBy=unit&{period}"));
        units["G0201"].Evaluated.ShouldBe(2);

        // A grid member sees only what their units cover.
        var own = Rows(await handler2.GetJsonAsync($"/api/v1/analytics/rates?groupBy=grid&{period}"));
        own.Keys.ShouldBe(["G0201"]);
    }

    [Fact]
    public async Task Rates_are_for_staff_and_check_their_parameters()
    {
        (await (await app.As("resident")).GetAsync("/api/v1/analytics/rates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await app.As("admin");
        await (await admin.GetAsync("/api/v1/analytics/rates?groupBy=planet")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Analytics.InvalidGroupBy");
        await (await admin.GetAsync("/api/v1/analytics/rates?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Analytics.InvalidPeriod");
    }

    private sealed record Row(int Dispatched, int AcceptedInTime, int Evaluated, int Resolved, int Satisfied, int Overdue,
        double? ResponseRate, double? ResolutionRate, double? SatisfactionRate);

    private static Dictionary<string, Row> Rows(JsonElement report) => report.GetProperty("rows").EnumerateArray().ToDictionary(
        r => r.Str("code"),
        r => new Row(r.GetProperty("dispatched").GetInt32(), r.GetProperty("acceptedInTime").GetInt32(), r.GetProperty("evaluated").GetInt32(),
            r.GetProperty("resolved").GetInt32(), r.GetProperty("satisfied").GetInt32(), r.GetProperty("overdue").GetInt32(),
            Rate(r, "responseRate"), Rate(r, "resolutionRate"), Rate(r, "satisfactionRate")));

    private static double? Rate(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}

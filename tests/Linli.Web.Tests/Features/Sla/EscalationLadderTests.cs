using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Features.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Features.Sla;

/// <summary>The sweeper: warnings once per deadline, then one level up per missed deadline, to the district leader.</summary>
public class EscalationLadderTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task An_order_nobody_accepts_climbs_grid_community_street_leader_with_fresh_deadlines()
    {
        await app.SetPolicyAsync("0104", "Normal", "24x7", 1, 60);
        var order = await app.SubmitDispatchedAsync("0104", "Normal", "G0101", "路灯不亮");
        order.GetProperty("respondBy").GetDateTime().ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        // Not yet due: nothing happens.
        app.AdvanceTime(TimeSpan.FromSeconds(30));
        await app.RunSlaSweepAsync();
        (await app.GetOrderAsync(order)).GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));

        string[] ladder = ["C01", "S01", "L01"];
        foreach (var (unit, level) in ladder.Select((u, i) => (u, i + 1)))
        {
            app.AdvanceTime(TimeSpan.FromSeconds(31));
            var swept = await app.RunSlaSweepAsync();
            swept.Escalated.ShouldBeGreaterThanOrEqualTo(1);
            var current = await app.GetOrderAsync(order);
            current.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId(unit));
            current.GetProperty("escalationLevel").GetInt32().ShouldBe(level);
            current.Str("status").ShouldBe("Dispatched");
            current.GetProperty("respondBy").GetDateTime().ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));
            var last = current.History()[^1];
            last.Str("trigger").ShouldBe("Escalate");
            last.Str("actorRole").ShouldBe("System");
            last.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId(unit));
            last.Str("comment").ShouldContain("响应时限");
            app.AdvanceTime(TimeSpan.FromSeconds(30));
        }

        // The district leader is the top of the ladder: the order stays there.
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        await app.RunSlaSweepAsync();
        var top = await app.GetOrderAsync(order);
        top.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("L01"));
        top.History().Count(h => h.Str("trigger") == "Escalate").ShouldBe(3);
        var sla = await (await app.As("admin")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}/sla");
        sla.GetProperty("responseOnTime").GetBoolean().ShouldBeFalse();
        sla.Str("clock").ShouldBe("24x7");
    }

    [Fact]
    public async Task An_accepted_order_past_its_completion_deadline_is_escalated_and_a_paused_one_is_not()
    {
        await app.SetPolicyAsync("0301", "Low", "24x7", 5, 30);
        var handler = await app.As("handler");
        var late = await handler.ActOkAsync(await app.SubmitDispatchedAsync("0301", "Low", "G0101", "车位被占"), "accept");
        var paused = await handler.ActOkAsync(await app.SubmitDispatchedAsync("0301", "Low", "G0101", "车位被占二"), "accept");
        paused = await handler.ActOkAsync(paused, "await-resident", new { reason = "车主出差，周一回来" });

        app.AdvanceTime(TimeSpan.FromMinutes(31));
        await app.RunSlaSweepAsync();

        var escalated = await app.GetOrderAsync(late);
        escalated.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("C01"));
        escalated.History()[^1].Str("comment").ShouldContain("办结时限");
        var stillHere = await app.GetOrderAsync(paused);
        stillHere.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
        stillHere.History().ShouldNotContain(h => h.Str("trigger") == "Escalate");
    }

    [Fact]
    public async Task The_unit_is_warned_once_when_eighty_percent_of_the_response_time_has_passed()
    {
        await app.SetPolicyAsync("0201", "Normal", "24x7", 10, 100);
        var order = await app.SubmitDispatchedAsync("0201", "Normal", "G0101", "垃圾满溢");

        app.AdvanceTime(TimeSpan.FromMinutes(7));
        await app.RunSlaSweepAsync();
        (await app.GetOrderAsync(order)).History().ShouldNotContain(h => h.Str("trigger") == "Warn");

        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await app.RunSlaSweepAsync();
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await app.RunSlaSweepAsync();

        var current = await app.GetOrderAsync(order);
        var warnings = current.History().Where(h => h.Str("trigger") == "Warn").ToList();
        warnings.Count.ShouldBe(1);
        warnings[0].Str("actorRole").ShouldBe("System");
        var inbox = await (await app.As("handler")).GetJsonAsync("/api/v1/notifications?unread=true");
        inbox.GetProperty("items").EnumerateArray()
            .Count(n => n.Str("kind") == "DeadlineWarning" && n.GetProperty("workOrderId").GetGuid() == order.GetProperty("id").GetGuid())
            .ShouldBe(1);

        // The completion deadline gets its own single warning once accepted.
        current = await (await app.As("handler")).ActOkAsync(current, "accept");
        app.AdvanceTime(TimeSpan.FromMinutes(80));
        await app.RunSlaSweepAsync();
        await app.RunSlaSweepAsync();
        (await app.GetOrderAsync(order)).History().Count(h => h.Str("trigger") == "Warn").ShouldBe(2);
    }

    [Fact]
    public async Task A_working_calendar_policy_counts_only_working_hours()
    {
        // Friday 2026-11-20 09:30 Beijing + 8 working hours → 6.5 h on Friday, 1.5 h on Monday → Monday 10:00 (02:00 UTC).
        await app.SetPolicyAsync("0502", "High", "working", 8 * 60, 16 * 60);
        var order = await (await app.As("resident")).SubmitOkAsync(new { title = "停水", description = "楼里停水了", categoryId = LinliApp.CategoryId("0502"), urgency = "High" });
        var submittedAt = app.Clock.GetUtcNow().UtcDateTime;
        order = await app.DispatchToAsync(order, "G0101");

        var expected = submittedAt == LinliApp.Start.UtcDateTime ? new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc) : (DateTime?)null;
        if (expected is not null)
        {
            order.GetProperty("respondBy").GetDateTime().ShouldBe(expected.Value);
            // Two working days later: Tuesday 09:30 Beijing.
            order.GetProperty("completeBy").GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 1, 30, 0, DateTimeKind.Utc));
        }
        var sla = await (await app.As("admin")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}/sla");
        sla.Str("clock").ShouldBe("working");
        sla.GetProperty("responseMinutes").GetInt32().ShouldBe(480);
    }

    [Fact]
    public async Task Pausing_for_the_resident_moves_the_completion_deadline_by_the_paused_time()
    {
        await app.SetPolicyAsync("0102", "Low", "24x7", 60, 600);
        var handler = await app.As("handler");
        var order = await handler.ActOkAsync(await app.SubmitDispatchedAsync("0102", "Low", "G0101", "楼上漏水"), "accept");
        var due = order.GetProperty("completeBy").GetDateTime();

        order = await handler.ActOkAsync(order, "await-resident", new { reason = "楼上住户不在家，约周末上门" });
        (await handler.ActAsync(order, "await-resident", new { reason = "再暂停" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        app.AdvanceTime(TimeSpan.FromHours(20));
        await app.RunSlaSweepAsync();
        order = await handler.ActOkAsync(order, "resume", new { note = "已约好时间" });

        order.GetProperty("completeBy").GetDateTime().ShouldBe(due.AddHours(20));
        order.Str("status").ShouldBe("Accepted");
        order.History().TakeLast(2).Select(h => h.Str("trigger")).ShouldBe(["AwaitResident", "Resume"]);
        // Only the unit's own members pause the clock.
        (await (await app.As("handler2")).ActAsync(order, "await-resident", new { reason = "x" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_sweepers_at_once_escalate_each_order_exactly_once()
    {
        await app.SetPolicyAsync("0402", "Emergency", "24x7", 1, 30);
        var orders = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(await app.SubmitDispatchedAsync("0402", "Emergency", "G0102", "消防通道堵塞" + i));
        }
        app.AdvanceTime(TimeSpan.FromMinutes(2));

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var results = await Task.WhenAll(
            Task.Run(() => first.ServiceProvider.GetRequiredService<SlaSweepHandler>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.ServiceProvider.GetRequiredService<SlaSweepHandler>().RunAsync(CancellationToken.None)));

        foreach (var order in orders)
        {
            var current = await app.GetOrderAsync(order);
            current.History().Count(h => h.Str("trigger") == "Escalate").ShouldBe(1);
            current.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("C01"));
        }
        results.Sum(r => r.Escalated).ShouldBeGreaterThanOrEqualTo(orders.Count);
        // The escalation notifications were written once per escalation, by the writer that won.
        var notifications = await app.WithDbAsync(db => Task.FromResult(db.Notifications.Count(n =>
            n.Kind == Linli.Web.Features.Notifications.NotificationKind.EscalatedToYou && orders.Select(o => o.GetProperty("id").GetGuid()).Contains(n.WorkOrderId!.Value))));
        notifications.ShouldBe(orders.Count); // C01 has one member: the grid leader
    }

    [Fact]
    public async Task Only_administrators_manage_policies_and_the_calendar()
    {
        var dispatcher = await app.As("dispatcher");
        (await dispatcher.PostAsJsonAsync("/api/v1/admin/time-limit-policies", new { urgency = "Low", clock = "24x7", responseMinutes = 1, completionMinutes = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dispatcher.GetAsync("/api/v1/admin/calendar/days?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/admin/time-limit-policies")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/v1/admin/time-limit-policies", new { urgency = "Low", clock = "sometimes", responseMinutes = 1, completionMinutes = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Sla.UnknownClock");
        await (await admin.PostAsJsonAsync("/api/v1/admin/time-limit-policies", new { urgency = "Low", clock = "24x7", responseMinutes = 10, completionMinutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Sla.CompletionBeforeResponse");
        await (await admin.PostAsJsonAsync("/api/v1/admin/time-limit-policies", new { categoryId = Guid.NewGuid(), urgency = "Low", clock = "24x7", responseMinutes = 1, completionMinutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Sla.UnknownCategory");
    }

    [Fact]
    public async Task The_calendar_is_seeded_with_2026_and_editable()
    {
        var admin = await app.As("admin");
        var days = await admin.GetJsonAsync("/api/v1/admin/calendar/days?year=2026");
        var list = days.EnumerateArray().ToList();
        list.ShouldContain(d => d.Str("date") == "2026-02-14" && d.GetProperty("isWorkday").GetBoolean());
        list.ShouldContain(d => d.Str("date") == "2026-10-01" && !d.GetProperty("isWorkday").GetBoolean() && d.Str("name") == "国庆节");
        var hours = await admin.GetJsonAsync("/api/v1/admin/calendar/hours");
        hours.GetProperty("periods").EnumerateArray().Select(p => p.GetString()).ShouldBe(["08:30-12:00", "13:30-17:30"]);

        (await admin.PutAsJsonAsync("/api/v1/admin/calendar/days/2027-12-31", new { isWorkday = false, name = "测试假日" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetJsonAsync("/api/v1/admin/calendar/days?year=2027")).EnumerateArray().ShouldContain(d => d.Str("date") == "2027-12-31");
        (await admin.DeleteAsync("/api/v1/admin/calendar/days/2027-12-31")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PutAsJsonAsync("/api/v1/admin/calendar/hours", new { periods = new[] { "12:00-08:00" }, weekend = new[] { "Sunday" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Sla.InvalidWorkingHours");
    }
}

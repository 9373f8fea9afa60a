using System.Net;
using System.Text.Json;

namespace Linli.Web.Tests.Features.WorkOrders;

public class WorkOrderLifecycleTests(LinliApp app) : IClassFixture<LinliApp>
{
    // No registered place in the words: the resident's own building is assumed, too unsure to dispatch on, so every
    // order here starts in the dispatcher's triage (Received) and the tests walk the loop by hand.
    private static object ElevatorReport(string key = "") => new
    {
        title = "电梯停运" + key,
        description = "我们楼2单元电梯停运两天了，老人下不了楼，请尽快维修。" + key,
        categoryId = LinliApp.CategoryId("0103"),
        urgency = "High",
    };

    [Fact]
    public async Task A_resident_request_goes_round_the_whole_loop()
    {
        var resident = await app.As("resident");
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");

        var key = Guid.NewGuid().ToString();
        var first = await resident.SubmitAsync(ElevatorReport(), key);
        var order = await first.ShouldBeAsync(HttpStatusCode.Created);
        var again = await (await resident.SubmitAsync(ElevatorReport(), key)).ShouldBeAsync(HttpStatusCode.OK);
        again.Str("id").ShouldBe(order.Str("id"));
        order.Str("status").ShouldBe("Received");
        order.Str("channel").ShouldBe("MiniProgram");
        order.Str("number").ShouldMatch(@"^\d{8}-\d{4}$");
        order.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);

        var unit = LinliApp.UnitId("G0101");
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = unit });
        order.Str("status").ShouldBe("Dispatched");
        order.GetProperty("unitId").GetGuid().ShouldBe(unit);
        order.GetProperty("respondBy").GetDateTime().ShouldBeGreaterThan(LinliApp.Start.UtcDateTime);

        app.AdvanceTime(TimeSpan.FromMinutes(20));
        order = await handler.ActOkAsync(order, "accept");
        order.Str("status").ShouldBe("Accepted");

        app.AdvanceTime(TimeSpan.FromHours(3));
        order = await handler.ActOkAsync(order, "complete", new { result = "已联系维保单位更换主板，电梯恢复运行。" });
        order.Str("status").ShouldBe("Completed");

        order = await resident.ActOkAsync(order, "evaluate", new { resolved = true, satisfaction = "Satisfied", comment = "修得很快" });
        order.Str("status").ShouldBe("Evaluated");
        order.GetProperty("evaluation").Str("satisfaction").ShouldBe("Satisfied");

        order = await dispatcher.ActOkAsync(order, "follow-up", new { note = "电话回访，居民表示满意" });
        order.Str("status").ShouldBe("Closed");

        var details = await resident.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        var history = details.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.Str("trigger")).ShouldBe(["Receive", "Dispatch", "Accept", "Complete", "Evaluate", "FollowUp"]);
        history.Select(h => h.Str("to")).ShouldBe(["Received", "Dispatched", "Accepted", "Completed", "Evaluated", "Closed"]);
        history[0].GetProperty("from").ValueKind.ShouldBe(JsonValueKind.Null);
        history[1].Str("from").ShouldBe("Received");
        history[2].Str("actor").ShouldBe("李网格员");
        history[2].GetProperty("at").GetDateTime().ShouldBe(LinliApp.Start.UtcDateTime.AddMinutes(20));
    }

    [Fact]
    public async Task An_illegal_move_is_a_409_with_the_invalid_transition_code()
    {
        var resident = await app.As("resident");
        var handler = await app.As("dispatcher");
        var order = await resident.SubmitOkAsync(ElevatorReport("非法"));

        var response = await handler.ActAsync(order, "follow-up", new { note = "提前回访" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "WorkOrder.InvalidTransition");
        problem.Str("title").ShouldBe("工单当前状态不允许此操作");
        problem.Str("currentStatus").ShouldBe("Received");
        problem.GetProperty("status").GetInt32().ShouldBe(409);
        problem.Str("trigger").ShouldBe("FollowUp");
    }

    [Fact]
    public async Task Return_sends_the_order_back_to_the_dispatcher_and_transfer_passes_it_on()
    {
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");
        var department = await app.As("department");
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("退单"));
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });

        order = await handler.ActOkAsync(order, "return", new { reason = "属于物业维修范围" });
        order.Str("status").ShouldBe("Received");
        order.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);

        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await handler.ActOkAsync(order, "accept");
        order = await handler.ActOkAsync(order, "transfer", new { unitId = LinliApp.UnitId("D01"), reason = "涉及违法占道，转城管" });
        order.Str("status").ShouldBe("Dispatched");
        order.Str("unitName").ShouldBe("街道城管执法队");

        // The grid member no longer handles it; the department does.
        (await handler.ActAsync(order, "accept")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        order = await department.ActOkAsync(order, "accept");
        order.Str("status").ShouldBe("Accepted");
    }

    [Fact]
    public async Task Escalate_without_a_unit_goes_one_level_up()
    {
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("上报"));
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await handler.ActOkAsync(order, "accept");

        order = await handler.ActOkAsync(order, "escalate", new { reason = "需更换整部电梯，超出网格处置能力" });

        order.Str("status").ShouldBe("Dispatched");
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("C01"));
        order.GetProperty("escalationLevel").GetInt32().ShouldBe(1);
        order.GetProperty("history").EnumerateArray().Last().Str("trigger").ShouldBe("Escalate");
    }

    [Fact]
    public async Task An_extension_is_requested_by_the_handler_and_approved_by_the_dispatcher()
    {
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("延期"));
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await handler.ActOkAsync(order, "accept");
        var until = order.GetProperty("completeBy").GetDateTime().AddDays(5);

        order = await handler.ActOkAsync(order, "extensions", new { until, reason = "需要厂家配件" });
        order.GetProperty("pendingExtension").GetProperty("requestedUntil").GetDateTime().ShouldBe(until);
        (await handler.ActAsync(order, "extensions/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        order = await dispatcher.ActOkAsync(order, "extensions/approve", new { comment = "同意" });
        order.GetProperty("completeBy").GetDateTime().ShouldBe(until);
        order.GetProperty("pendingExtension").ValueKind.ShouldBe(JsonValueKind.Null);

        order = await handler.ActOkAsync(order, "extensions", new { until = until.AddDays(1), reason = "再等一天" });
        order = await dispatcher.ActOkAsync(order, "extensions/reject", new { comment = "不再延期" });
        order.GetProperty("completeBy").GetDateTime().ShouldBe(until);
    }

    [Fact]
    public async Task An_unsatisfied_resident_reopens_the_order_and_it_returns_to_the_handler()
    {
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");
        var resident = await app.As("resident");
        var order = await resident.SubmitOkAsync(ElevatorReport("重办"));
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await handler.ActOkAsync(order, "accept");
        order = await handler.ActOkAsync(order, "complete", new { result = "已修复" });
        order = await resident.ActOkAsync(order, "evaluate", new { resolved = false, satisfaction = "Dissatisfied", comment = "第二天又坏了" });

        order = await resident.ActOkAsync(order, "reopen", new { reason = "电梯又停了" });

        order.Str("status").ShouldBe("Accepted");
        order.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
    }

    [Fact]
    public async Task Supervise_records_a_note_without_changing_the_state()
    {
        var supervisor = await app.As("supervisor");
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("督办"));
        order = await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });

        order = await supervisor.ActOkAsync(order, "supervise", new { note = "请今天内答复居民" });

        order.Str("status").ShouldBe("Dispatched");
        var last = order.GetProperty("history").EnumerateArray().Last();
        last.Str("trigger").ShouldBe("Supervise");
        last.Str("comment").ShouldBe("请今天内答复居民");
        last.Str("actorRole").ShouldBe("Supervisor");
    }

    [Fact]
    public async Task A_duplicate_is_merged_under_its_parent_and_can_be_split_again()
    {
        var dispatcher = await app.As("dispatcher");
        var parent = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("合并甲"));
        var duplicate = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("合并乙"));

        var merged = await dispatcher.ActOkAsync(duplicate, "merge", new { parentId = parent.Str("id"), reason = "同一部电梯" });
        merged.Str("status").ShouldBe("Merged");
        merged.Str("parentId").ShouldBe(parent.Str("id"));
        var parentDetails = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{parent.Str("id")}");
        parentDetails.GetProperty("mergedChildIds").EnumerateArray().Select(e => e.GetString()).ShouldContain(duplicate.Str("id"));

        var split = await dispatcher.ActOkAsync(merged, "split", new { reason = "不是同一部电梯" });
        split.Str("status").ShouldBe("Received");
        split.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await dispatcher.ActAsync(split, "merge", new { parentId = split.Str("id"), reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "WorkOrder.CannotMergeIntoItself");
    }

    [Fact]
    public async Task Only_the_reporter_may_cancel_and_only_before_dispatch()
    {
        var resident = await app.As("resident");
        var order = await resident.SubmitOkAsync(ElevatorReport("撤回"));
        await (await (await app.As("resident2")).ActAsync(order, "cancel")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound");
        await (await (await app.As("dispatcher")).ActAsync(order, "cancel", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "WorkOrder.OnlyReporterMayAct");

        order = await resident.ActOkAsync(order, "cancel", new { reason = "已自行解决" });
        order.Str("status").ShouldBe("Cancelled");

        await (await resident.ActAsync(order, "cancel")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "WorkOrder.InvalidTransition");
    }

    [Fact]
    public async Task A_completed_order_nobody_evaluates_closes_itself_after_seven_days()
    {
        var dispatcher = await app.As("dispatcher");
        var handler = await app.As("handler");
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("自动"));
        order = await dispatcher.ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        order = await handler.ActOkAsync(order, "accept");
        order = await handler.ActOkAsync(order, "complete", new { result = "已处理" });

        app.AdvanceTime(TimeSpan.FromDays(6));
        await app.RunAutoCloseAsync();
        (await dispatcher.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}")).Str("status").ShouldBe("Completed");

        app.AdvanceTime(TimeSpan.FromDays(1.01));
        (await app.RunAutoCloseAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var closed = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        closed.Str("status").ShouldBe("Closed");
        var last = closed.GetProperty("history").EnumerateArray().Last();
        last.Str("trigger").ShouldBe("AutoClose");
        last.Str("actorRole").ShouldBe("System");
    }

    [Fact]
    public async Task The_details_offer_only_the_actions_the_caller_may_take()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(ElevatorReport("动作"));
        order = await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });

        var asHandler = await (await app.As("handler")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        asHandler.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString())
            .ShouldBe(["Accept", "Return", "Transfer", "Escalate"], ignoreOrder: true);
        var asResident = await (await app.As("resident")).GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        asResident.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
    }
}

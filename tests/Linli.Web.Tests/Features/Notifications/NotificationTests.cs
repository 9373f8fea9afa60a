using System.Net;
using System.Text.Json;
using Linli.Web.Features.Notifications;
using Linli.Web.Tests.Features.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Web.Tests.Features.Notifications;

/// <summary>An SMS gateway stand-in at the edge of the system: fails the first calls, records what it sent.</summary>
public sealed class FlakySmsSender : ISmsSender
{
    public int FailuresLeft { get; set; }
    public List<(string Phone, string Text, Guid MessageId)> Sent { get; } = [];

    public Task SendAsync(string phone, string text, Guid messageId, CancellationToken ct)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("gateway timeout");
        }
        Sent.Add((phone, text, messageId));
        return Task.CompletedTask;
    }
}

public sealed class OutboxApp : LinliApp
{
    public FlakySmsSender Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ISmsSender>();
            services.AddSingleton<ISmsSender>(Sms);
        });
    }
}

public class NotificationTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid orderId) =>
        [.. (await client.GetJsonAsync("/api/v1/notifications?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("workOrderId").GetGuid() == orderId)];

    [Fact]
    public async Task Dispatch_escalation_and_completion_above_reach_the_right_inboxes()
    {
        var handler = await app.As("handler");
        var leader = await app.As("leader");
        // Whatever intake's routing did, the order reaches the handler's grid by a transfer from the neighbouring grid.
        var order = await app.SubmitDispatchedAsync("0103", "High", "G0102", "电梯困人");
        order = await (await app.As("dispatcher")).ActOkAsync(order, "transfer", new { unitId = LinliApp.UnitId("G0101"), reason = "属莲花池第一网格" });
        var id = order.GetProperty("id").GetGuid();
        (await InboxAsync(handler, id)).ShouldContain(n => n.Str("kind") == "Assigned" && n.Str("title") == "新工单待接单");

        order = await handler.ActOkAsync(order, "accept");
        // The supervisor escalates (the actor is never told of their own act, so the grid member hears of it).
        order = await (await app.As("supervisor")).ActOkAsync(order, "escalate", new { reason = "需整体更换曳引机，超出网格处置能力" });
        (await InboxAsync(leader, id)).ShouldContain(n => n.Str("kind") == "EscalatedToYou");
        (await InboxAsync(handler, id)).ShouldContain(n => n.Str("kind") == "EscalatedAway");

        order = await leader.ActOkAsync(order, "accept");
        order = await leader.ActOkAsync(order, "complete", new { result = "社区协调维保单位更换曳引机，电梯已恢复" });

        var resident = await app.As("resident");
        var residentInbox = await InboxAsync(resident, id);
        residentInbox.ShouldContain(n => n.Str("kind") == "Completed" && n.Str("body").Contains("曳引机"));
        (await InboxAsync(handler, id)).ShouldContain(n => n.Str("kind") == "AnsweredAbove");
        // The actor is not told of their own act; residents never see staff notifications.
        (await InboxAsync(leader, id)).ShouldNotContain(n => n.Str("kind") == "Completed");

        var note = residentInbox.First(n => n.Str("kind") == "Completed");
        (await resident.PostAsync($"/api/v1/notifications/{note.Str("id")}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InboxAsync(resident, id)).First(n => n.Str("id") == note.Str("id")).GetProperty("readAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        (await handler.PostAsync($"/api/v1/notifications/{note.Str("id")}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_change_writes_no_notification()
    {
        var order = await app.SubmitDispatchedAsync("0202", "Normal", "G0101", "广场舞噪音");
        var id = order.GetProperty("id").GetGuid();
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.WorkOrderId == id));

        // Completing before accepting is illegal; a stale If-Match is refused: neither leaves a trace.
        (await (await app.As("handler")).ActAsync(order, "complete", new { result = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await app.As("dispatcher")).ActAsync(order, "transfer", new { unitId = LinliApp.UnitId("D01"), reason = "转城管" }, ifMatch: 0))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.WorkOrderId == id))).ShouldBe(before);
    }

    [Fact]
    public async Task A_hotline_order_texts_the_reporter_on_completion_and_replies_to_12345_on_close_once_despite_retries()
    {
        var dispatcher = await app.As("dispatcher");
        var reference = "BJ12345-" + Guid.NewGuid().ToString("N")[..8];
        var order = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "六里桥北里小区门口井盖缺失，夜间危险",
            categoryId = LinliApp.CategoryId("0104"),
            urgency = "High",
            reporter = new { name = "刘先生", phone = "13700001111" },
            externalReference = reference,
            address = "六里桥北里小区南门",
        });
        order = await app.DispatchToAsync(order, "G0101");
        var handler = await app.As("handler");
        order = await handler.ActOkAsync(order, "accept");
        order = await handler.ActOkAsync(order, "complete", new { result = "已补装井盖" });
        var id = order.GetProperty("id").GetGuid();

        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.WorkOrderId == id).ToListAsync());
        outbox.Count.ShouldBe(1);
        outbox[0].Channel.ShouldBe(OutboxChannel.Sms);
        outbox[0].Recipient.ShouldNotContain("13700001111"); // encrypted at rest

        app.Sms.FailuresLeft = 2;
        await app.RunOutboxAsync();
        await app.RunOutboxAsync(); // not due yet: backing off
        app.AdvanceTime(TimeSpan.FromSeconds(31));
        await app.RunOutboxAsync();
        app.AdvanceTime(TimeSpan.FromSeconds(61));
        await app.RunOutboxAsync();
        app.AdvanceTime(TimeSpan.FromMinutes(10));
        await app.RunOutboxAsync();

        app.Sms.Sent.Count(s => s.Phone == "13700001111").ShouldBe(1);
        var sms = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.WorkOrderId == id));
        sms.SentAt.ShouldNotBeNull();
        sms.Attempts.ShouldBe(3);

        order = await dispatcher.ActOkAsync(order, "evaluate", new { resolved = true, satisfaction = "Satisfied" });
        order = await dispatcher.ActOkAsync(order, "follow-up", new { note = "电话回访满意" });
        var reply = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.WorkOrderId == id && m.Channel == OutboxChannel.Hotline12345Reply));
        reply.Recipient.ShouldBe(reference);
        reply.Payload.ShouldContain("已补装井盖");
        await app.RunOutboxAsync();
        (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == reply.Id))).SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Summoned_departments_see_the_order_report_and_the_lead_unit_completes_after_all_reports()
    {
        var handler = await app.As("handler");
        var dispatcher = await app.As("dispatcher");
        var department = await app.As("department");
        var property = await app.As("property");
        var order = await handler.ActOkAsync(await app.SubmitDispatchedAsync("0403", "Normal", "G0101", "小区违章搭建"), "accept");

        (await handler.ActAsync(order, "summon", new { unitIds = new[] { LinliApp.UnitId("D01") }, note = "请城管到场" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        order = await dispatcher.ActOkAsync(order, "summon", new { unitIds = new[] { LinliApp.UnitId("D01"), LinliApp.UnitId("P01") }, note = "违建涉及城管执法和物业配合" });
        (await InboxAsync(department, order.GetProperty("id").GetGuid())).ShouldContain(n => n.Str("kind") == "Summoned");

        (await handler.ActAsync(order, "co-handling/report", new { note = "网格不是协办单位" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await department.ActAsync(order, "co-handling/report", new { note = "已下达限期拆除通知书" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await handler.ActAsync(order, "complete", new { result = "已拆除" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "WorkOrder.CoHandlingPending");
        await (await property.ActAsync(order, "co-handling/report", new { note = "已配合封闭施工区域" })).ShouldBeAsync(HttpStatusCode.OK);
        order = await handler.ActOkAsync(order, "complete", new { result = "违建已拆除，现场恢复" });

        var sla = await handler.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}/sla");
        sla.GetProperty("coHandlers").EnumerateArray().ShouldAllBe(c => c.GetProperty("reportedAt").ValueKind == JsonValueKind.String);
        order.History().Select(h => h.Str("trigger")).ShouldContain("ReportCoHandling");
        (await InboxAsync(handler, order.GetProperty("id").GetGuid())).Count(n => n.Str("kind") == "CoHandlingReported").ShouldBe(2);
    }
}

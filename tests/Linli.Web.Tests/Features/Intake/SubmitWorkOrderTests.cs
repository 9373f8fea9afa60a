using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Intake;

public class SubmitWorkOrderTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task The_same_idempotency_key_with_the_same_body_yields_one_order()
    {
        var resident = await app.As("resident");
        var body = new { description = "楼道灯坏了一周" };
        var key = Guid.NewGuid().ToString();

        var first = await resident.SubmitAsync(body, key);
        var second = await resident.SubmitAsync(body, key);

        var created = await first.ShouldBeAsync(HttpStatusCode.Created);
        var replayed = await second.ShouldBeAsync(HttpStatusCode.OK);
        replayed.Str("id").ShouldBe(created.Str("id"));
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var count = await app.WithDbAsync(db => Task.FromResult(db.WorkOrders.Count(o => o.Description == "楼道灯坏了一周")));
        count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict()
    {
        var resident = await app.As("resident");
        var key = Guid.NewGuid().ToString();
        await resident.SubmitOkAsync(new { description = "垃圾桶满了" }, key);

        var response = await resident.SubmitAsync(new { description = "垃圾桶满了，还有异味" }, key);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Idempotency.KeyReused");
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_so_two_residents_never_collide()
    {
        var key = Guid.NewGuid().ToString();
        var a = await (await app.As("resident")).SubmitOkAsync(new { description = "门禁坏了" }, key);
        var b = await (await app.As("resident2")).SubmitOkAsync(new { description = "门禁坏了" }, key);
        a.Str("id").ShouldNotBe(b.Str("id"));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_still_yield_one_order()
    {
        var resident = await app.As("resident");
        var key = Guid.NewGuid().ToString();
        var body = new { description = "并发重试的诉求：单元门关不上" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => resident.SubmitAsync(body, key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).Str("id")));
        ids.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Retries_racing_among_other_intakes_cost_the_others_nothing()
    {
        // Intakes arriving together are written in one batch (IntakeWriter); a retry that loses the unique index fails its
        // batch, whose intakes then run again one by one: every distinct report is stored once, every retry answered with it.
        var resident = await app.As("resident");
        var key = Guid.NewGuid().ToString();
        var retried = new { description = "批量写入中的重试：三楼消防通道被电动车堵住" };
        var others = Enumerable.Range(0, 6).Select(i => new { description = $"批量写入中的其他诉求 {i}：楼道堆物" }).ToList();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => resident.SubmitAsync(retried, key))
                .Concat(others.Select(o => resident.SubmitAsync(o, Guid.NewGuid().ToString()))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).Str("id")));
        ids.Take(6).Distinct().Count().ShouldBe(1);
        ids.Distinct().Count().ShouldBe(7);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.WorkOrders.Count(o => o.Description.StartsWith("批量写入中的"))));
        stored.ShouldBe(7);
    }

    [Fact]
    public async Task A_resident_reports_as_themselves_from_their_own_building()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "家门口的井盖松动", reporter = new { name = "冒名", phone = "13000000000" } });

        order.GetProperty("reporter").Str("name").ShouldBe("张晓梅");
        order.GetProperty("reporter").Str("phone").ShouldBe("13812345678");
        order.GetProperty("location").GetProperty("buildingId").GetGuid().ShouldBe(LinliApp.BuildingId("G0101", 1));
        order.GetProperty("location").GetProperty("areaUnitId").GetGuid().ShouldBe(LinliApp.UnitId("G0101"));
    }

    [Fact]
    public async Task A_resident_may_not_use_a_staff_channel()
    {
        var response = await (await app.As("resident")).SubmitAsync(new { channel = "Hotline12345", description = "冒充热线" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "WorkOrder.ChannelNotAllowed");
    }

    [Fact]
    public async Task A_hotline_order_needs_a_reporter_and_stores_the_phone_encrypted()
    {
        var dispatcher = await app.As("dispatcher");
        await (await dispatcher.SubmitAsync(new { channel = "Hotline12345", description = "小区噪音扰民" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.ReporterRequired");
        await (await dispatcher.SubmitAsync(new { channel = "Hotline12345", description = "小区噪音扰民", reporter = new { name = "刘女士", phone = "12ab" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.InvalidPhone");

        var order = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "小区夜间施工噪音扰民",
            reporter = new { name = "刘女士", phone = "+86 139-0011-2233" },
            externalReference = "12345-202611200001",
            buildingId = LinliApp.BuildingId("G0201", 2),
        });

        order.Str("channel").ShouldBe("Hotline12345");
        order.GetProperty("reporter").Str("phone").ShouldBe("139****2233");
        order.GetProperty("reporter").GetProperty("isMasked").GetBoolean().ShouldBeTrue();
        var stored = await app.WithDbAsync(db => Task.FromResult(db.WorkOrders.Single(o => o.Id == order.GetProperty("id").GetGuid())));
        stored.ReporterPhoneProtected.ShouldNotBeNull();
        stored.ReporterPhoneProtected.ShouldNotContain("13900112233");
        stored.AreaUnitId.ShouldBe(LinliApp.UnitId("G0201"));
    }

    [Fact]
    public async Task A_channel_that_resends_its_case_number_gets_the_first_order_back()
    {
        var dispatcher = await app.As("dispatcher");
        var body = new { channel = "Hotline12345", description = "路灯不亮", reporter = new { name = "赵先生" }, externalReference = "12345-DUP-1" };
        var first = await dispatcher.SubmitOkAsync(body);
        var again = await (await dispatcher.SubmitAsync(body)).ShouldBeAsync(HttpStatusCode.OK);
        again.Str("id").ShouldBe(first.Str("id"));
    }

    [Fact]
    public async Task A_channel_integration_submits_with_its_api_key_and_sees_only_its_orders()
    {
        var admin = await app.As("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/channel-keys", new { name = "12345 对接", channel = "Hotline12345" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var key = created.Str("key");
        using var bridge = app.CreateClient();
        bridge.DefaultRequestHeaders.Add("X-Api-Key", key);

        var order = await bridge.SubmitOkAsync(new { description = "市民来电：小区门口占道经营", reporter = new { phone = "13700001111" }, externalReference = "12345-KEY-1" });
        order.Str("channel").ShouldBe("Hotline12345");
        order.GetProperty("history")[0].Str("actorRole").ShouldBe("Channel");
        await (await bridge.SubmitAsync(new { channel = "MiniProgram", description = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "WorkOrder.ChannelNotAllowed");
        (await bridge.GetAsync($"/api/v1/work-orders/{order.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await bridge.GetJsonAsync("/api/v1/work-orders?pageSize=200");
        list.GetProperty("items").EnumerateArray().ShouldAllBe(o => o.Str("channel") == "Hotline12345");

        (await admin.PostAsync($"/api/v1/admin/channel-keys/{created.Str("id")}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bridge.SubmitAsync(new { description = "吊销后" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.ChannelApiKeys.Single(k => k.Id == created.GetProperty("id").GetGuid())));
        stored.KeyHash.ShouldNotBe(key);
        stored.KeyHash.ShouldNotContain(key[8..]);
    }

    [Fact]
    public async Task A_grid_member_on_patrol_reports_in_their_own_name()
    {
        var order = await (await app.As("handler")).SubmitOkAsync(new { description = "巡查发现消防通道堆放杂物", buildingId = LinliApp.BuildingId("G0101", 3), urgency = "High" });
        order.Str("channel").ShouldBe("GridPatrol");
        order.GetProperty("reporter").Str("name").ShouldBe("李网格员");
        order.Str("urgency").ShouldBe("High");
    }

    [Fact]
    public async Task Photos_are_uploaded_sniffed_and_linked_to_the_order()
    {
        var resident = await app.As("resident");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];
        var uploaded = await (await resident.PostAsync("/api/v1/attachments", Form("crack.png", png, "image/png"))).ShouldBeAsync(HttpStatusCode.Created);
        uploaded.Str("contentType").ShouldBe("image/png");

        var order = await resident.SubmitOkAsync(new { description = "墙体裂缝，附照片", attachmentIds = new[] { uploaded.Str("id") } });
        order.GetProperty("attachments").GetArrayLength().ShouldBe(1);
        order.GetProperty("attachments")[0].Str("purpose").ShouldBe("Report");

        var download = await resident.GetAsync(uploaded.Str("url"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        (await (await app.As("resident2")).GetAsync(uploaded.Str("url"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Someone else cannot attach the same photo to their order.
        await (await (await app.As("resident2")).SubmitAsync(new { description = "盗用照片", attachmentIds = new[] { uploaded.Str("id") } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Attachment.NotYours");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_it_claims()
    {
        var response = await (await app.As("resident")).PostAsync("/api/v1/attachments", Form("photo.jpg", "<script>alert(1)</script>"u8.ToArray(), "image/jpeg"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Attachment.UnsupportedType");
    }

    [Fact]
    public async Task Unknown_references_are_refused_with_their_own_codes()
    {
        var resident = await app.As("resident");
        await (await resident.SubmitAsync(new { description = "x", categoryId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownCategory");
        await (await resident.SubmitAsync(new { description = "x", buildingId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownBuilding");
        await (await resident.SubmitAsync(new { description = "x", attachmentIds = new[] { Guid.NewGuid() } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Attachment.NotFound");
        await (await resident.SubmitAsync(new { description = "x", latitude = 39.9 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.LocationOutOfRange");
        await (await resident.SubmitAsync(new { description = "x", location = new { latitude = 95.0, longitude = 116.3 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.LocationOutOfRange");
    }

    [Fact]
    public async Task Order_numbers_count_up_per_local_day()
    {
        var resident = await app.As("resident");
        var a = await resident.SubmitOkAsync(new { description = "编号一" });
        var b = await resident.SubmitOkAsync(new { description = "编号二" });
        var (dayA, seqA) = Split(a.Str("number"));
        var (dayB, seqB) = Split(b.Str("number"));
        dayB.ShouldBe(dayA);
        seqB.ShouldBeGreaterThan(seqA);

        static (string Day, int Sequence) Split(string number) => (number[..8], int.Parse(number[9..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_channel_key_bound_to_a_community_sees_its_orders_located_in_the_grids_below()
    {
        var admin = await app.As("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/channel-keys", new { name = "社区热线", channel = "Hotline400", areaUnitId = LinliApp.UnitId("C01") }))
            .ShouldBeAsync(HttpStatusCode.Created);
        using var bridge = app.CreateClient();
        bridge.DefaultRequestHeaders.Add("X-Api-Key", created.Str("key"));

        var inside = await bridge.SubmitOkAsync(new { description = "400 来电：楼道堆物", reporter = new { name = "吴女士" }, buildingId = LinliApp.BuildingId("G0102", 2) });
        var outside = await (await app.As("dispatcher")).SubmitOkAsync(new { channel = "Hotline400", description = "别的社区的 400 来电", reporter = new { name = "郑先生" }, buildingId = LinliApp.BuildingId("G0301", 2) });

        (await bridge.GetAsync($"/api/v1/work-orders/{inside.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bridge.GetAsync($"/api/v1/work-orders/{outside.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Duplicates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Features.Duplicates;

/// <summary>One incident, many reporters: a repeat from the same place is merged under the first report, with the reasons.</summary>
public class DuplicateTests(LinliAppWithDuplicates app) : IClassFixture<LinliAppWithDuplicates>
{
    private static object Hotline(string description, Guid buildingId, string name = "刘女士") => new
    {
        channel = "Hotline12345",
        description,
        categoryId = LinliApp.CategoryId("0103"),
        reporter = new { name, phone = "13900001111" },
        buildingId,
    };

    [Fact]
    public async Task A_second_report_of_the_same_incident_from_the_same_building_is_merged_under_the_first()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0102", 1);
        var first = await dispatcher.SubmitOkAsync(Hotline("5号楼电梯停了，老人下不了楼，请尽快修", building));
        app.AdvanceTime(TimeSpan.FromMinutes(40));

        var second = await dispatcher.SubmitOkAsync(Hotline("5号楼的电梯又停了，家里老人下不了楼", building, "王先生"));

        second.Str("status").ShouldBe("Merged");
        second.Str("parentId").ShouldBe(first.Str("id"));
        var merge = second.GetProperty("history").EnumerateArray().Last();
        merge.Str("trigger").ShouldBe("Merge");
        merge.Str("actor").ShouldBe("重复诉求识别");
        merge.Str("comment").ShouldContain(first.Str("number"));
        merge.Str("comment").ShouldContain("同一楼栋");
        var parent = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{first.Str("id")}");
        parent.GetProperty("mergedChildIds").EnumerateArray().Select(e => e.GetString()).ShouldContain(second.Str("id"));
        var evidence = await app.WithDbAsync(db => Task.FromResult(db.DuplicateMatches.Single(m => m.WorkOrderId == second.GetProperty("id").GetGuid())));
        evidence.Action.ShouldBe("Merged");
        evidence.SameBuilding.ShouldBeTrue();
        evidence.MinutesApart.ShouldBe(40, 0.5);
    }

    [Fact]
    public async Task The_same_words_in_a_far_away_building_are_a_different_incident()
    {
        var dispatcher = await app.As("dispatcher");
        var first = await dispatcher.SubmitOkAsync(Hotline("2号楼电梯停运，无法上下楼", LinliApp.BuildingId("G0103", 2)));
        var second = await dispatcher.SubmitOkAsync(Hotline("2号楼电梯停运，无法上下楼", LinliApp.BuildingId("G0303", 2)));
        second.Str("status").ShouldNotBe("Merged");
        second.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
        first.Str("id").ShouldNotBe(second.Str("id"));
    }

    [Fact]
    public async Task Another_problem_in_the_same_building_is_not_merged()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0201", 3);
        await dispatcher.SubmitOkAsync(Hotline("电梯按钮失灵，按了没有反应", building));
        var other = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "楼下垃圾桶满了好几天没人清运，味道很大",
            categoryId = LinliApp.CategoryId("0201"),
            reporter = new { name = "赵先生" },
            buildingId = building,
        });
        other.Str("status").ShouldNotBe("Merged");
    }

    [Fact]
    public async Task A_wrong_merge_is_split_by_the_dispatcher()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0202", 1);
        await dispatcher.SubmitOkAsync(Hotline("1单元电梯坏了，停在三楼不动", building));
        var second = await dispatcher.SubmitOkAsync(Hotline("1单元电梯坏了，停在五楼不动", building, "钱女士"));
        second.Str("status").ShouldBe("Merged");

        var split = await dispatcher.ActOkAsync(second, "split", new { reason = "是另一部电梯" });

        split.Str("status").ShouldBe("Received");
        split.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
        var triage = await dispatcher.GetJsonAsync("/api/v1/triage?pageSize=200");
        triage.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == split.Str("id")).GetProperty("reason").Str("code").ShouldBe("Split");
    }

    [Fact]
    public async Task A_report_is_not_merged_under_an_incident_put_in_another_category_since_the_place_was_last_checked()
    {
        // The open orders of a place are kept in memory between intakes (PlaceCandidateCache); the correction changes the
        // place's version in the same transaction, so the next report reads the place again.
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0101", 2);
        var first = await dispatcher.SubmitOkAsync(Hotline("3单元电梯门关不上，一直响", building));
        var second = await dispatcher.SubmitOkAsync(Hotline("3单元电梯门关不上了，一直在响", building, "孙先生"));
        second.Str("parentId").ShouldBe(first.Str("id"));

        await (await dispatcher.PostAsJsonAsync($"/api/v1/work-orders/{first.Str("id")}/categorize", new { categoryId = LinliApp.CategoryId("0202") }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var third = await dispatcher.SubmitOkAsync(Hotline("3单元电梯门关不上，一直响个不停", building, "李女士"));

        third.Str("status").ShouldNotBe("Merged");
        third.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task What_another_instance_saves_at_a_place_is_seen_by_the_next_report_here()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0101", 3);
        var category = LinliApp.CategoryId("0103");
        // This instance has read the place and keeps its open orders.
        var here = await dispatcher.SubmitOkAsync(Hotline("4号楼楼道灯不亮了", building));

        // Another instance takes in a report of a new incident there, and puts the one taken in here in another category.
        var elsewhereOrder = WorkOrder.Receive(new NewWorkOrder("20261120-9901", Channel.Hotline12345, null, "4号楼电梯困人了，快来救援", category, Urgency.Normal,
            new Reporter(null, null, "吴先生", null, null), new Location(building, null, null, null, LinliApp.UnitId("G0101")), null),
            new Actor(null, "12345热线", "Channel"), app.Clock.GetUtcNow().UtcDateTime).Value!;
        await RecategorizeOnAnotherInstanceAsync(here, alsoAdd: elsewhereOrder);
        app.AdvanceTime(TimeSpan.FromMinutes(5));

        var trapped = await dispatcher.SubmitOkAsync(Hotline("4号楼电梯困人了，里面有人出不来", building, "郑先生"));
        var light = await dispatcher.SubmitOkAsync(Hotline("4号楼楼道灯不亮了，晚上看不见", building, "冯女士"));

        trapped.Str("status").ShouldBe("Merged");
        trapped.GetProperty("parentId").GetGuid().ShouldBe(elsewhereOrder.Id);
        light.Str("status").ShouldNotBe("Merged");
    }

    [Fact]
    public async Task A_call_naming_only_its_compound_changed_on_another_instance_is_seen_by_the_next_report_from_a_building()
    {
        var dispatcher = await app.As("dispatcher");
        var building = (await dispatcher.GetJsonAsync("/api/v1/buildings?pageSize=500")).EnumerateArray()
            .First(b => b.Str("compound") == "丽泽雅园").GetProperty("id").GetGuid();
        var call = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "丽泽雅园小区里的电梯坏了，困了人，物业电话打不通",
            categoryId = LinliApp.CategoryId("0103"),
            reporter = new { phone = "13600007777" },
        });
        call.GetProperty("location").GetProperty("buildingId").ValueKind.ShouldBe(JsonValueKind.Null);
        // A report from one of its buildings about something else: the compound's building-less orders are now kept here.
        (await dispatcher.SubmitOkAsync(Hotline("楼道里的灯坏了好几天了", building))).Str("status").ShouldNotBe("Merged");

        // Another instance finds the call was about something else: its place is known only by its location row.
        await RecategorizeOnAnotherInstanceAsync(call);

        var report = await dispatcher.SubmitOkAsync(Hotline("丽泽雅园电梯坏了困了人，物业电话一直打不通", building, "孙女士"));

        report.Str("status").ShouldNotBe("Merged");
        report.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    /// <summary>
    /// Another instance (a context of its own on the same database, none of this host's memory) puts an order in the
    /// refuse category, and adds <paramref name="alsoAdd"/> in the same save.
    /// </summary>
    private async Task RecategorizeOnAnotherInstanceAsync(JsonElement order, WorkOrder? alsoAdd = null)
    {
        await using var elsewhere = await app.AnotherInstanceAsync();
        if (alsoAdd is not null)
        {
            elsewhere.WorkOrders.Add(alsoAdd);
        }
        var corrected = await elsewhere.WorkOrders.Include(o => o.History).SingleAsync(o => o.Id == order.GetProperty("id").GetGuid());
        corrected.Categorize(LinliApp.CategoryId("0202"), Urgency.Normal, "改类", new Actor(null, "调度员", "Staff"), app.Clock.GetUtcNow().UtcDateTime)
            .IsSuccess.ShouldBeTrue();
        await elsewhere.SaveChangesAsync();
    }

    [Fact]
    public async Task A_new_incident_is_found_behind_more_open_incidents_than_are_compared()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0103", 3);
        // 40 open elevator reports at one building, each about something else (no two share a pair of characters):
        // more than the check compares with, all of them older than the new incident.
        for (var i = 0; i < 40; i++)
        {
            var words = new string([.. Enumerable.Range(0, 8).Select(k => (char)(0x5000 + (i * 8) + k))]);
            var old = await dispatcher.SubmitOkAsync(Hotline(words, building, "住户" + i));
            old.Str("status").ShouldNotBe("Merged");
            app.AdvanceTime(TimeSpan.FromMinutes(1));
        }
        var first = await dispatcher.SubmitOkAsync(Hotline("4单元电梯门夹人，门关不上", building));

        var second = await dispatcher.SubmitOkAsync(Hotline("4单元的电梯门关不上，还夹了人", building, "吴先生"));

        second.Str("status").ShouldBe("Merged");
        second.Str("parentId").ShouldBe(first.Str("id"));
    }

    [Fact]
    public async Task A_report_is_merged_under_an_earlier_one_that_has_no_category_behind_newer_ones_of_another_category()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0302", 2);
        // Taken in without a category (the classifier was unsure and no dispatcher has looked at it yet).
        var earlier = WorkOrder.Receive(new NewWorkOrder("20261120-8801", Channel.Hotline12345, null, "2单元电梯不动了，按钮没反应", null, Urgency.Normal,
            new Reporter(null, null, "周女士", null, null), new Location(building, null, null, null, LinliApp.UnitId("G0302")), null),
            new Actor(null, "12345热线", "Channel"), app.Clock.GetUtcNow().UtcDateTime).Value!;
        await app.WithDbAsync(db =>
        {
            db.WorkOrders.Add(earlier);
            return db.SaveChangesAsync();
        });
        // Then 40 open refuse reports at the same building, all newer.
        for (var i = 0; i < 40; i++)
        {
            app.AdvanceTime(TimeSpan.FromMinutes(1));
            await dispatcher.SubmitOkAsync(new
            {
                channel = "Hotline12345",
                description = $"楼下垃圾桶第{i}次满了没人清运",
                categoryId = LinliApp.CategoryId("0201"),
                reporter = new { name = "住户" + i },
                buildingId = building,
            });
        }

        var elevator = await dispatcher.SubmitOkAsync(Hotline("2单元电梯不动了，按了按钮也没反应", building, "郑先生"));

        elevator.Str("status").ShouldBe("Merged");
        elevator.GetProperty("parentId").GetGuid().ShouldBe(earlier.Id);
    }

    [Fact]
    public async Task Orders_older_than_the_window_are_not_merged_with()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0301", 3);
        await dispatcher.SubmitOkAsync(Hotline("3单元电梯停运，老人下不了楼", building));
        app.AdvanceTime(TimeSpan.FromHours(73));
        var late = await dispatcher.SubmitOkAsync(Hotline("3单元电梯停运，老人下不了楼", building, "孙先生"));
        late.Str("status").ShouldNotBe("Merged");
    }

    [Fact]
    public async Task Every_reporter_of_a_merged_incident_hears_the_result()
    {
        var dispatcher = await app.As("dispatcher");
        var resident = await app.As("resident");
        var building = LinliApp.BuildingId("G0101", 1);
        var parent = await resident.SubmitOkAsync(new { description = "1号楼2单元的电梯停了一上午，老人下不了楼", categoryId = LinliApp.CategoryId("0103"), buildingId = building });
        var child = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "1号楼2单元电梯停了一上午，家里老人下不了楼",
            categoryId = LinliApp.CategoryId("0103"),
            reporter = new { name = "周先生", phone = "13600001111" },
            externalReference = "12345-MERGE-1",
            buildingId = building,
        });
        child.Str("status").ShouldBe("Merged");
        parent = await (await app.As("dispatcher")).GetJsonAsync($"/api/v1/work-orders/{parent.Str("id")}");
        if (parent.Str("status") == "Received")
        {
            parent = await dispatcher.ActOkAsync(parent, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        }
        var handlerUnit = parent.GetProperty("unitId").GetGuid();
        var handler = await app.As(handlerUnit == LinliApp.UnitId("G0101") ? "handler" : "property");
        parent = await handler.ActOkAsync(parent, "accept");
        await handler.ActOkAsync(parent, "complete", new { result = "已更换电梯控制板，恢复运行" });

        var childDetails = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{child.Str("id")}");
        childDetails.GetProperty("parent").Str("status").ShouldBe("Completed");
        childDetails.GetProperty("parent").Str("result").ShouldBe("已更换电梯控制板，恢复运行");
        var childId = child.GetProperty("id").GetGuid();
        var sms = await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.WorkOrderId == childId).Select(m => m.Payload).ToList()));
        sms.ShouldContain(p => p.Contains("已更换电梯控制板"));

        await resident.ActOkAsync(parent, "evaluate", new { resolved = true, satisfaction = "Satisfied" });
        await dispatcher.ActOkAsync(parent, "follow-up", new { note = "回访满意" });
        var replies = await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.WorkOrderId == childId).Select(m => m.Recipient).ToList()));
        replies.ShouldContain("12345-MERGE-1");
    }

    [Fact]
    public async Task A_call_naming_only_the_compound_is_merged_under_a_report_from_one_of_its_buildings()
    {
        var dispatcher = await app.As("dispatcher");
        var first = await dispatcher.SubmitOkAsync(Hotline("京铁家园10号楼电梯停了一上午，老人下不了楼", LinliApp.BuildingId("G0302", 2)));
        app.AdvanceTime(TimeSpan.FromMinutes(25));

        // The 12345 bridge passes only the caller's words; no building is named in them.
        var second = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "京铁家园的电梯停了一上午，老人下不了楼，请尽快处理",
            categoryId = LinliApp.CategoryId("0103"),
            reporter = new { phone = "13600004444" },
        });

        second.GetProperty("location").GetProperty("buildingId").ValueKind.ShouldBe(JsonValueKind.Null);
        second.Str("status").ShouldBe("Merged");
        second.Str("parentId").ShouldBe(first.Str("id"));
        second.GetProperty("history").EnumerateArray().Last().Str("comment").ShouldContain("同一小区（京铁家园）");
        var evidence = await app.WithDbAsync(db => Task.FromResult(db.DuplicateMatches.Single(m => m.WorkOrderId == second.GetProperty("id").GetGuid())));
        evidence.SameBuilding.ShouldBeFalse();
        evidence.DistanceMeters.ShouldBeNull();
    }

    [Fact]
    public async Task A_report_from_a_building_is_merged_under_an_earlier_call_that_named_only_its_compound()
    {
        var dispatcher = await app.As("dispatcher");
        var first = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "和平苑小区里的电梯坏了，困了人，物业电话打不通",
            categoryId = LinliApp.CategoryId("0103"),
            reporter = new { phone = "13600005555" },
        });
        first.GetProperty("location").GetProperty("buildingId").ValueKind.ShouldBe(JsonValueKind.Null);
        app.AdvanceTime(TimeSpan.FromMinutes(10));

        var second = await dispatcher.SubmitOkAsync(Hotline("和平苑11号楼电梯坏了困了人，物业电话一直打不通", LinliApp.BuildingId("G0203", 3), "孙女士"));

        second.Str("status").ShouldBe("Merged");
        second.Str("parentId").ShouldBe(first.Str("id"));
        second.GetProperty("history").EnumerateArray().Last().Str("comment").ShouldContain("同一小区（和平苑）");
    }

    [Fact]
    public async Task A_call_naming_only_a_compound_is_not_merged_with_another_compound()
    {
        var dispatcher = await app.As("dispatcher");
        await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "楼下垃圾桶满了好几天没人清运，味道很大",
            categoryId = LinliApp.CategoryId("0201"),
            reporter = new { name = "李先生" },
            buildingId = LinliApp.BuildingId("G0303", 1),
        });
        var other = await dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = "桥南小区楼下垃圾桶满了好几天没人清运，味道很大",
            categoryId = LinliApp.CategoryId("0201"),
            reporter = new { phone = "13600006666" },
        });
        other.GetProperty("located").Str("locatedBy").ShouldBe("Text");
        other.Str("status").ShouldNotBe("Merged");
    }

    [Fact]
    public async Task Reports_of_one_incident_arriving_at_the_same_moment_end_under_one_parent()
    {
        // Six neighbours call within the same millisecond: on PostgreSQL as on SQLite, the duplicate check of each sees the
        // ones written before it (intakes at one place are serialized by the write gate) and the ones before it in its batch
        // (the intake writer), so exactly one stays the parent.
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0302", 4);
        var reports = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => dispatcher.SubmitOkAsync(new
        {
            channel = "Hotline12345",
            description = $"16号楼楼顶水管爆了，楼道里全是水，快来人（第{i}位来电）",
            categoryId = LinliApp.CategoryId("0102"),
            reporter = new { name = $"邻居{i}" },
            buildingId = building,
        })));

        var parents = reports.Where(r => r.Str("status") != "Merged").ToList();
        parents.Count.ShouldBe(1);
        reports.Where(r => r.Str("status") == "Merged").ShouldAllBe(r => r.Str("parentId") == parents[0].Str("id"));
    }

    [Fact]
    public async Task A_report_earlier_in_the_same_batch_is_found_before_it_is_saved()
    {
        // The intake writer checks a batch's orders one after another before saving any of them: the later compares itself
        // with the earlier in memory, as it would with a saved one.
        var building = LinliApp.BuildingId("G0201", 2);
        var category = LinliApp.CategoryId("0102");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        WorkOrder Report(string words) => WorkOrder.Receive(new NewWorkOrder("20990101-0001", Channel.Hotline12345, null, words, category, Urgency.Normal,
            new Reporter(null, null, "邻居", null, null), new Location(building, null, null, null, null), null), new Actor(null, "测试", "System"), now).Value;
        var earlier = Report("3号楼地下室水管爆裂，水漫到了电梯井，请尽快处理");
        var later = Report("3号楼地下室水管爆裂，水已经漫到电梯井了");

        await using var scope = app.Services.CreateAsyncScope();
        var duplicates = scope.ServiceProvider.GetRequiredService<DetectDuplicatesHandler>();
        await duplicates.FindAsync(earlier, null, now, CancellationToken.None); // caches its words, as its intake would
        var alone = await duplicates.FindAsync(later, null, now, CancellationToken.None);
        var withPeer = await duplicates.FindAsync(later, null, now, CancellationToken.None, [(earlier, null)]);

        alone.ShouldBeNull();
        withPeer.ShouldNotBeNull();
        withPeer.Parent.Id.ShouldBe(earlier.Id);
        withPeer.SameBuilding.ShouldBeTrue();
    }

    [Fact]
    public async Task Reports_placed_by_a_map_point_are_merged_within_the_radius_and_not_beyond()
    {
        // No building: a missing manhole cover reported from the street, by the point on the map (FixMyStreet's 250 m).
        var dispatcher = await app.As("dispatcher");
        var grid = (await dispatcher.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().First(g => g.Str("code") == "G0201");
        var latitude = grid.GetProperty("center").GetProperty("latitude").GetDouble();
        var longitude = grid.GetProperty("center").GetProperty("longitude").GetDouble();
        object AtPoint(double lat, string name) => new
        {
            channel = "Hotline12345",
            description = "路口的井盖丢了，晚上看不见，刚才有人差点掉下去",
            categoryId = LinliApp.CategoryId("0402"),
            reporter = new { name, phone = "13900002222" },
            latitude = lat,
            longitude,
        };

        var first = await dispatcher.SubmitOkAsync(AtPoint(latitude, "赵先生"));
        var near = await dispatcher.SubmitOkAsync(AtPoint(latitude + 0.0009, "钱女士")); // about 100 m north
        var far = await dispatcher.SubmitOkAsync(AtPoint(latitude + 0.0054, "孙先生")); // about 600 m north

        near.Str("status").ShouldBe("Merged");
        near.Str("parentId").ShouldBe(first.Str("id"));
        far.Str("status").ShouldNotBe("Merged");
        var evidence = await app.WithDbAsync(db => Task.FromResult(db.DuplicateMatches.Single(m => m.WorkOrderId == near.GetProperty("id").GetGuid())));
        evidence.SameBuilding.ShouldBeFalse();
        evidence.DistanceMeters!.Value.ShouldBeInRange(95, 105);
        evidence.Explanation.ShouldContain("相距约");
    }
}

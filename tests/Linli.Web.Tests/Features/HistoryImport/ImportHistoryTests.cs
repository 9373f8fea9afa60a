using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Tests.Features.HistoryImport;

public class ImportHistoryTests(LinliApp app) : IClassFixture<LinliApp>
{
    private const string Url = "/api/v1/admin/history/import";

    [Fact]
    public async Task Import_TwiceStoresRowsOnce_AndHotIssuesIncludeThem()
    {
        // The public export's columns; quoted fields hold commas, doubled quotes and line breaks (CRLF inside one of them).
        var csv = "message_id,time,title,detail,like_count,oppose_count\n"
            + "901,2026-11-19 10:00:00,\"3号楼地下室水管爆裂, 积水\",\"3号楼地下室水管爆裂积水，\n车库进不去\",5,0\n"
            + "902,2026-11-19 11:00:00,3号楼地下室水管爆裂积水,\"地下室水管爆裂, \"\"积水\"\"很深\r\n请维修\",2,1\n"
            + "903,2026-11-19 12:00:00,3号楼地下室水管爆裂积水严重,3号楼地下室水管爆裂积水,0,0\n";
        var admin = await app.As("admin");
        var area = LinliApp.UnitId("S01");

        var first = await (await admin.PostRawAsync($"{Url}?area={area}", csv, "text/csv")).ShouldBeAsync(HttpStatusCode.OK);
        first.GetProperty("rows").GetInt32().ShouldBe(3, first.ToString());
        first.GetProperty("imported").GetInt32().ShouldBe(3);
        first.GetProperty("duplicates").GetInt32().ShouldBe(0);
        first.GetProperty("rejected").GetInt32().ShouldBe(0);
        first.GetProperty("errors").GetArrayLength().ShouldBe(0);

        var second = await (await admin.PostRawAsync($"{Url}?area={area}", csv, "text/csv")).ShouldBeAsync(HttpStatusCode.OK);
        second.GetProperty("rows").GetInt32().ShouldBe(3);
        second.GetProperty("imported").GetInt32().ShouldBe(0);
        second.GetProperty("duplicates").GetInt32().ShouldBe(3);

        var stored = await app.WithDbAsync(db => db.HistoricalRequests.AsNoTracking()
            .Where(h => h.Title.StartsWith("3号楼地下室水管爆裂")).OrderBy(h => h.OccurredAt).ToListAsync());
        stored.Count.ShouldBe(3);
        stored[0].Title.ShouldBe("3号楼地下室水管爆裂, 积水");
        stored[0].Detail.ShouldBe("3号楼地下室水管爆裂积水，\n车库进不去");
        stored[0].OccurredAt.ShouldBe(new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc)); // 10:00 in Beijing
        stored[0].Support.ShouldBe(5);
        stored[1].Detail.ShouldBe("地下室水管爆裂, \"积水\"很深\r\n请维修");
        stored.ShouldAllBe(h => h.AreaUnitId == area);

        var from = LinliApp.Start.UtcDateTime.AddDays(-3);
        var to = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var list = await admin.GetJsonAsync($"/api/v1/analytics/hot-issues?from={from:O}&to={to:O}&area={area}");
        var imported = list.GetProperty("clusters").EnumerateArray()
            .SelectMany(c => c.GetProperty("orders").EnumerateArray())
            .Where(o => o.GetProperty("imported").GetBoolean())
            .Select(o => Guid.Parse(o.Str("id")))
            .ToList();
        imported.ShouldBe(stored.Select(h => h.Id), ignoreOrder: true, list.ToString());
        list.GetProperty("requests").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Import_ReportsBadRowsWithTheirLines_AndKeepsTheGoodOnes()
    {
        var csv = "Place,Support,Category,Detail,Title,TIME\n" // any order, any case
            + "东门,1,电梯故障,\"路灯不亮, 东门一带很黑\",东门路灯不亮,2026-11-18 09:00\n" // line 2
            + ",,,详情,标题,not-a-date\n" // line 3
            + ",,,,,2026-11-18 10:00\n" // line 4
            + ",,,\"详情\n第二行\n第三行\",\"多行\n标题\",2026-11-18 11:00\n" // lines 5-8
            + "\n" // line 9: blank, ignored
            + ",-3,,没人清理,垃圾堆积,2026-11-18 12:00\n" // line 10
            + ",x,,没人清理,垃圾堆积,2026-11-18T04:00:00Z\n"; // line 11
        var admin = await app.As("admin");

        var result = await (await admin.PostRawAsync(Url, csv, "text/csv")).ShouldBeAsync(HttpStatusCode.OK);
        result.GetProperty("rows").GetInt32().ShouldBe(6, result.ToString());
        result.GetProperty("imported").GetInt32().ShouldBe(2);
        result.GetProperty("rejected").GetInt32().ShouldBe(4);
        result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.Str("code"))).ShouldBe(
        [
            (3, "HistoryImport.InvalidTime"),
            (4, "HistoryImport.MissingText"),
            (10, "HistoryImport.InvalidSupport"),
            (11, "HistoryImport.InvalidSupport"),
        ]);

        var lamp = await app.WithDbAsync(db => db.HistoricalRequests.AsNoTracking().SingleAsync(h => h.Title == "东门路灯不亮"));
        lamp.CategoryId.ShouldBe(LinliApp.CategoryId("0103"));
        lamp.CategoryText.ShouldBe("电梯故障");
        lamp.PlaceText.ShouldBe("东门");
        lamp.Support.ShouldBe(1);
        lamp.AreaUnitId.ShouldBe(LinliApp.UnitId("S01")); // the admin's own area, the street

        await (await admin.PostRawAsync(Url, "id,title,detail\n1,a,b\n", "text/csv"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "HistoryImport.MissingColumns");
        await (await admin.PostRawAsync(Url, "", "text/csv"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "HistoryImport.Empty");
        await (await admin.PostRawAsync(Url, "time,title\n2026-11-18 09:00,\"unclosed\n", "text/csv"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "HistoryImport.Malformed");
    }

    [Fact]
    public async Task Import_TakesFilesAboveTheJsonBodyLimit()
    {
        var csv = new StringBuilder("time,title,detail,support\n");
        for (var i = 0; i < 1500; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"2025-06-01 {i / 60 % 24:00}:{i % 60:00}:00,大文件导入第{i}条,\"这是一条较长的历史诉求内容, 用来让文件超过六十四千字节的限制。编号{i}\",{i % 7}\n");
        }
        Encoding.UTF8.GetByteCount(csv.ToString()).ShouldBeGreaterThan(64 * 1024);
        var admin = await app.As("admin");

        var result = await (await admin.PostRawAsync(Url, csv.ToString(), "text/csv")).ShouldBeAsync(HttpStatusCode.OK);
        result.GetProperty("rows").GetInt32().ShouldBe(1500);
        result.GetProperty("imported").GetInt32().ShouldBe(1500, result.ToString());
    }

    [Fact]
    public async Task Import_IsForAdministratorsOnly()
    {
        const string csv = "time,title\n2026-11-18 09:00,不应导入\n";
        (await app.Anonymous().PostRawAsync(Url, csv, "text/csv")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var user in new[] { "resident", "dispatcher", "handler2" })
        {
            await (await (await app.As(user)).PostRawAsync(Url, csv, "text/csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Request.Forbidden");
        }
        (await app.WithDbAsync(db => db.HistoricalRequests.CountAsync(h => h.Title == "不应导入"))).ShouldBe(0);
    }
}

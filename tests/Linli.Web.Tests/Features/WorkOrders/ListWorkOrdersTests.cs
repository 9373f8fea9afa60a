using System.Net;

namespace Linli.Web.Tests.Features.WorkOrders;

public class ListWorkOrdersTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task The_list_filters_sorts_and_pages_what_the_caller_may_see()
    {
        var dispatcher = await app.As("dispatcher");
        var marker = "列表" + Guid.NewGuid().ToString("N")[..6];
        var hotline = await dispatcher.SubmitOkAsync(new { channel = "Hotline12345", description = marker + " 热线一", reporter = new { name = "甲" }, categoryId = LinliApp.CategoryId("0201") });
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        var reception = await dispatcher.SubmitOkAsync(new { channel = "Reception", description = marker + " 接待二", reporter = new { name = "乙" }, categoryId = LinliApp.CategoryId("0202") });
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        var third = await dispatcher.SubmitOkAsync(new { channel = "Hotline12345", description = marker + " 热线三", reporter = new { name = "丙" }, categoryId = LinliApp.CategoryId("0201") });
        await dispatcher.ActOkAsync(third, "dispatch", new { unitId = LinliApp.UnitId("G0101") });

        var all = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}");
        all.GetProperty("total").GetInt32().ShouldBe(3);
        all.GetProperty("items").EnumerateArray().Select(o => o.Str("id")).ShouldBe([third.Str("id"), reception.Str("id"), hotline.Str("id")]);

        var oldestFirst = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&sort=receivedAt");
        oldestFirst.GetProperty("items")[0].Str("id").ShouldBe(hotline.Str("id"));

        var byChannel = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&channel=Hotline12345");
        byChannel.GetProperty("total").GetInt32().ShouldBe(2);

        var byStatus = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&status=Dispatched,Accepted");
        byStatus.GetProperty("items").EnumerateArray().Single().Str("id").ShouldBe(third.Str("id"));

        var byUnit = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&unitId={LinliApp.UnitId("G0101")}");
        byUnit.GetProperty("total").GetInt32().ShouldBe(1);

        var byCategory = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&categoryId={LinliApp.CategoryId("0202")}");
        byCategory.GetProperty("items").EnumerateArray().Single().Str("id").ShouldBe(reception.Str("id"));

        var from = Uri.EscapeDataString(LinliApp.Start.AddSeconds(30).ToString("O"));
        var to = Uri.EscapeDataString(LinliApp.Start.AddSeconds(90).ToString("O"));
        var byTime = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&from={from}&to={to}");
        byTime.GetProperty("items").EnumerateArray().Single().Str("id").ShouldBe(reception.Str("id"));

        var page2 = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}&pageSize=2&page=2");
        page2.GetProperty("items").GetArrayLength().ShouldBe(1);
        page2.GetProperty("page").GetInt32().ShouldBe(2);
        page2.GetProperty("total").GetInt32().ShouldBe(3);

        var byNumber = await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={third.Str("number")}");
        byNumber.GetProperty("items").EnumerateArray().Select(o => o.Str("id")).ShouldContain(third.Str("id"));
    }

    [Fact]
    public async Task List_rows_are_short_and_masked()
    {
        var dispatcher = await app.As("dispatcher");
        var marker = "长文" + Guid.NewGuid().ToString("N")[..6];
        await dispatcher.SubmitOkAsync(new { channel = "Hotline400", description = marker + new string('字', 300), reporter = new { name = "欧阳修", phone = "13512345678" } });

        var row = (await dispatcher.GetJsonAsync($"/api/v1/work-orders?q={marker}")).GetProperty("items")[0];

        row.Str("description").Length.ShouldBeLessThanOrEqualTo(121);
        row.Str("reporterName").ShouldBe("欧**");
        row.Str("reporterPhone").ShouldBe("135****5678");
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("/api/v1/work-orders/{id}/dispatch");
    }
}

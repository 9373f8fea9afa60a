using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Intake;

/// <summary>
/// The intake answers from memory and numbers orders from reserved blocks (docs/adr/0012): the answer must equal what a
/// later read returns, and numbers must stay unique under concurrency and gap-free while orders come slowly.
/// </summary>
public class IntakeAnswerTests(LinliAppWithDuplicates app) : IClassFixture<LinliAppWithDuplicates>
{
    private static object Hotline(string description, Guid buildingId, string name = "赵先生") => new
    {
        channel = "Hotline12345",
        description,
        reporter = new { name, phone = "13900002222" },
        buildingId,
    };

    [Fact]
    public async Task The_answer_of_an_intake_equals_the_order_read_back_for_dispatched_and_merged_orders()
    {
        var dispatcher = await app.As("dispatcher");
        var building = LinliApp.BuildingId("G0201", 3);
        var first = await dispatcher.SubmitOkAsync(Hotline("3号楼楼道灯坏了，晚上看不见路，请物业尽快维修", building));
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        var second = await dispatcher.SubmitOkAsync(Hotline("3号楼的楼道灯坏了好几天，晚上看不见路", building, "钱女士"));

        second.Str("status").ShouldBe("Merged");
        second.GetProperty("parent").Str("number").ShouldBe(first.Str("number"));
        foreach (var answer in new[] { first, second })
        {
            var read = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{answer.Str("id")}");
            if (answer.Str("id") == first.Str("id"))
            {
                // The parent gained a merged child since its own intake answered.
                read.GetProperty("mergedChildIds").EnumerateArray().Single().GetString().ShouldBe(second.Str("id"));
                Without(read, "mergedChildIds").ShouldBe(Without(answer, "mergedChildIds"));
            }
            else
            {
                JsonSerializer.Serialize(read).ShouldBe(JsonSerializer.Serialize(answer));
            }
        }
        first.GetProperty("located").Str("gridCode").ShouldNotBeNullOrEmpty();
        first.GetProperty("location").Str("buildingName").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Concurrent_intakes_get_distinct_numbers_of_the_day()
    {
        var dispatcher = await app.As("dispatcher");
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            dispatcher.SubmitAsync(Hotline($"并发受理测试 第{i}件：{i}号楼门口路灯不亮", LinliApp.BuildingId("G0301", 1 + (i % 3))))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).Str("number")));
        numbers.Distinct().Count().ShouldBe(40);
        var day = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd");
        numbers.ShouldAllBe(n => n.StartsWith(day + "-", StringComparison.Ordinal) && n.Length == day.Length + 5);
    }

    [Fact]
    public async Task Orders_that_come_slowly_get_consecutive_numbers()
    {
        var dispatcher = await app.As("dispatcher");
        var numbers = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            app.AdvanceTime(TimeSpan.FromSeconds(5));
            var order = await dispatcher.SubmitOkAsync(Hotline($"慢速受理测试 第{i}件：小区东门地面塌陷{i}处", LinliApp.BuildingId("G0302", 1 + i)));
            numbers.Add(int.Parse(order.Str("number")[^4..], System.Globalization.CultureInfo.InvariantCulture));
        }
        numbers.Zip(numbers.Skip(1), (a, b) => b - a).ShouldAllBe(step => step == 1);
    }

    private static string Without(JsonElement order, string property) =>
        JsonSerializer.Serialize(order.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}

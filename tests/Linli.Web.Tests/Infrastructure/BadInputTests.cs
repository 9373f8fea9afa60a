using System.Net;

namespace Linli.Web.Tests.Infrastructure;

/// <summary>Bad input gets a 4xx ProblemDetails with a stable code and a zh-CN title; never a 500.</summary>
public class BadInputTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Theory]
    [InlineData("{\"description\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"description\": \"x\", \"urgency\": \"Whenever\"}")]
    [InlineData("{\"description\": \"x\", \"urgency\": 2}")]
    [InlineData("{\"description\": \"x\", \"channel\": \"Pigeon\"}")]
    [InlineData("{\"description\": 42}")]
    [InlineData("{\"description\": \"x\", \"categoryId\": \"not-a-guid\"}")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var response = await (await app.As("resident")).PostRawAsync("/api/v1/work-orders", body);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Request.MalformedJson");
        problem.Str("title").ShouldBe("请求内容不是有效的 JSON，或字段取值不合法");
    }

    [Fact]
    public async Task Malformed_json_on_an_action_is_a_400_problem()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "坏请求" });
        var response = await (await app.As("dispatcher")).PostRawAsync($"/api/v1/work-orders/{order.Str("id")}/dispatch", "{\"unitId\":");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Request.MalformedJson");
    }

    [Fact]
    public async Task A_missing_description_is_a_validation_problem()
    {
        var response = await (await app.As("resident")).SubmitAsync(new { title = "只有标题" });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.DescriptionRequired");
    }

    [Fact]
    public async Task Overlong_text_is_refused()
    {
        var resident = await app.As("resident");
        await (await resident.SubmitAsync(new { description = new string('长', 4001) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.TextTooLong");
        await (await resident.SubmitAsync(new { description = "x", title = new string('题', 101) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.TextTooLong");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = "{\"description\":\"" + new string('a', 70_000) + "\"}";
        var response = await (await app.As("resident")).PostRawAsync("/api/v1/work-orders", huge);
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Request.TooLarge");
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        var dispatcher = await app.As("dispatcher");
        await (await dispatcher.GetAsync($"/api/v1/work-orders/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound");
        await (await dispatcher.ActAsync(Guid.NewGuid(), "accept")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound");
        await (await dispatcher.GetAsync("/api/v1/work-orders/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Request.NotFound");
    }

    [Fact]
    public async Task An_unknown_unit_is_refused()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "派错单位" });
        var response = await (await app.As("dispatcher")).ActAsync(order, "dispatch", new { unitId = Guid.NewGuid() });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownUnit");
    }

    [Theory]
    [InlineData("status=Unknown")]
    [InlineData("status=1")]
    [InlineData("channel=Pigeon")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=1000")]
    [InlineData("page=0")]
    [InlineData("sort=bogus")]
    [InlineData("from=2026-11-20&to=2026-11-01")]
    public async Task A_bad_list_filter_is_a_400_problem(string query)
    {
        var response = await (await app.As("dispatcher")).GetAsync("/api/v1/work-orders?" + query);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.InvalidFilter");
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_problem()
    {
        var response = await (await app.As("dispatcher")).GetAsync("/api/v1/work-orders?unitId=abc");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_idempotency_key_that_is_too_long_is_refused()
    {
        var response = await (await app.As("resident")).SubmitAsync(new { description = "x" }, new string('k', 101));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Idempotency.KeyInvalid");
    }

    [Fact]
    public async Task Wrong_credentials_are_a_problem_without_saying_which_part_was_wrong()
    {
        var anonymous = app.Anonymous();
        await (await anonymous.PostRawAsync("/api/v1/auth/login", "{\"userName\":\"dispatcher\",\"password\":\"wrong\"}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Auth.InvalidCredentials");
        await (await anonymous.PostRawAsync("/api/v1/auth/login", "{\"userName\":\"nobody\",\"password\":\"wrong\"}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Auth.InvalidCredentials");
    }

    [Fact]
    public async Task English_is_served_when_asked_for()
    {
        var client = await app.As("resident");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync($"/api/v1/work-orders/{Guid.NewGuid()}");
        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "WorkOrder.NotFound")).Str("title")
            .ShouldBe("The work order does not exist or is not visible to you");
    }

    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var response = await app.Anonymous().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Linli.Web.Tests;

/// <summary>Intent-revealing calls for tests: submit, act on an order, read ProblemDetails.</summary>
public static class ApiClientExtensions
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Submits and returns the created order, failing the test with the problem body if intake refused it.</summary>
    public static async Task<JsonElement> SubmitOkAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        var response = await client.SubmitAsync(body, idempotencyKey);
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, JsonElement order, string action, object? body = null, int? ifMatch = null) =>
        client.ActAsync(order.GetProperty("id").GetGuid(), action, body, ifMatch);

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string action, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-orders/{id}/{action}")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ActOkAsync(this HttpClient client, JsonElement order, string action, object? body = null) =>
        await (await client.ActAsync(order, action, body)).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with the status and stable code, and a zh-CN title.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ShouldBeAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Infrastructure;

/// <summary>Everything that turns bad input and failures into ProblemDetails with a stable <c>code</c>; bad input never yields a 500.</summary>
public static class ErrorHandling
{
    /// <summary>JSON bodies are small; photos go to the attachment endpoint, which has its own limit.</summary>
    public const long MaxJsonBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddLinliErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                return;
            }
            // Problems the framework writes itself (401, 403, 404, 405, validation): give them a code and a zh-CN title too.
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            var code = status switch
            {
                StatusCodes.Status400BadRequest => "Request.Invalid",
                StatusCodes.Status401Unauthorized => "Request.Unauthenticated",
                StatusCodes.Status403Forbidden => "Request.Forbidden",
                StatusCodes.Status404NotFound => "Request.NotFound",
                StatusCodes.Status405MethodNotAllowed => "Request.MethodNotAllowed",
                StatusCodes.Status413PayloadTooLarge => "Request.TooLarge",
                StatusCodes.Status415UnsupportedMediaType => "Request.UnsupportedMediaType",
                >= 500 => "Server.Error",
                _ => "Request.Failed",
            };
            var localized = Problems.Create(ctx.HttpContext, status, code);
            ctx.ProblemDetails.Title = localized.Title;
            ctx.ProblemDetails.Type = localized.Type;
            foreach (var (key, value) in localized.Extensions)
            {
                ctx.ProblemDetails.Extensions[key] = value;
            }
        });
        builder.Services.AddExceptionHandler<LinliExceptionHandler>();
        // Always throw on bad request bodies so that the exception handler can say exactly what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseLinliErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(LimitBodySize);
        return app;
    }

    private static Task LimitBodySize(HttpContext context, RequestDelegate next)
    {
        var limit = context.Request.HasFormContentType
            ? context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Linli:MaxAttachmentBytes", 10L * 1024 * 1024) + MaxJsonBodyBytes
            : context.Request.Path.Equals(Features.HistoryImport.HistoryImportEndpoints.Path, StringComparison.OrdinalIgnoreCase)
                ? Features.HistoryImport.HistoryImportEndpoints.MaxBodyBytes // the one raw-body upload: CSV history exports
                : MaxJsonBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Results.Problem(Problems.Create(context, StatusCodes.Status413PayloadTooLarge, "Request.TooLarge")).ExecuteAsync(context);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}

internal sealed class LinliExceptionHandler(ILogger<LinliExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request.TooLarge"),
            BadHttpRequestException { InnerException: JsonException } => (400, "Request.MalformedJson"),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (415, "Request.UnsupportedMediaType"),
            BadHttpRequestException bad => (bad.StatusCode, "Request.BadRequest"),
            JsonException => (400, "Request.MalformedJson"),
            DbUpdateConcurrencyException => (409, "WorkOrder.ConcurrentUpdate"),
            _ => (500, "Server.Error"),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogInformation("Rejected {Method} {Path}: {Code} ({Message})", context.Request.Method, context.Request.Path, code, exception.Message);
        }
        context.Response.StatusCode = status;
        await Results.Problem(Problems.Create(context, status, code)).ExecuteAsync(context);
        return true;
    }
}

public static class JsonSetup
{
    public static WebApplicationBuilder AddLinliJson(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o =>
        {
            // Enums travel as their names; a number or an unknown name is a 400, never a silent default.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
        return builder;
    }
}

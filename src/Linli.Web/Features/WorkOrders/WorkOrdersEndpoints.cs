using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Intake;
using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Web.Features.WorkOrders;

/// <summary>
/// /api/v1/work-orders: intake, list, details, and one POST sub-resource per trigger. Every state change accepts
/// <c>If-Match: "&lt;version&gt;"</c> to refuse acting on a stale copy, and returns the updated order.
/// </summary>
public static class WorkOrdersEndpoints
{
    public static IEndpointRouteBuilder MapWorkOrders(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/work-orders").WithTags("WorkOrders").RequireAuthorization(AccountsSetup.Policies.Signed);

        group.MapPost("/", async (SubmitWorkOrderRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            SubmitWorkOrderHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(request, idempotencyKey, await callers.GetAsync(context, ct), ct);
            if (!result.IsSuccess)
            {
                return result.Error!.ToProblem(context);
            }
            var (order, replayed) = result.Value;
            if (replayed)
            {
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Ok(order);
            }
            return Results.Created($"/api/v1/work-orders/{order.Id}", order);
        });

        group.MapGet("/", async ([AsParameters] ListWorkOrdersQuery query, ListWorkOrdersHandler handler, CallerFactory callers,
            HttpContext context, CancellationToken ct) =>
            (await handler.HandleAsync(query, await callers.GetAsync(context, ct), ct)).ToHttp(context));

        group.MapGet("/{id:guid}", async (Guid id, GetWorkOrderHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.HandleAsync(id, await callers.GetAsync(context, ct), ct) is { } order
                ? Results.Ok(order)
                : WorkOrderErrors.NotFound.ToProblem(context));

        Change<DispatchWorkOrderRequest, DispatchWorkOrderHandler>(group, "dispatch", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<EmptyRequest, AcceptWorkOrderHandler>(group, "accept", (h, id, _, c, v, ct) => h.HandleAsync(id, c, v, ct), () => new EmptyRequest());
        Change<CompleteWorkOrderRequest, CompleteWorkOrderHandler>(group, "complete", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<EvaluateWorkOrderRequest, EvaluateWorkOrderHandler>(group, "evaluate", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<FollowUpWorkOrderRequest, FollowUpWorkOrderHandler>(group, "follow-up", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<ReopenWorkOrderRequest, ReopenWorkOrderHandler>(group, "reopen", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<ReturnWorkOrderRequest, ReturnWorkOrderHandler>(group, "return", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<TransferWorkOrderRequest, TransferWorkOrderHandler>(group, "transfer", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<EscalateWorkOrderRequest, EscalateWorkOrderHandler>(group, "escalate", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct), () => new EscalateWorkOrderRequest(null, null));
        Change<RequestExtensionRequest, ExtendWorkOrderHandler>(group, "extensions", (h, id, r, c, v, ct) => h.RequestAsync(id, r, c, v, ct));
        Change<DecideExtensionRequest, ExtendWorkOrderHandler>(group, "extensions/approve", (h, id, r, c, v, ct) => h.ApproveAsync(id, r, c, v, ct), () => new DecideExtensionRequest(null));
        Change<DecideExtensionRequest, ExtendWorkOrderHandler>(group, "extensions/reject", (h, id, r, c, v, ct) => h.RejectAsync(id, r, c, v, ct));
        Change<SuperviseWorkOrderRequest, SuperviseWorkOrderHandler>(group, "supervise", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct));
        Change<MergeWorkOrderRequest, MergeWorkOrderHandler>(group, "merge", (h, id, r, c, v, ct) => h.MergeAsync(id, r, c, v, ct));
        Change<SplitWorkOrderRequest, MergeWorkOrderHandler>(group, "split", (h, id, r, c, v, ct) => h.SplitAsync(id, r, c, v, ct));
        Change<CancelWorkOrderRequest, CancelWorkOrderHandler>(group, "cancel", (h, id, r, c, v, ct) => h.HandleAsync(id, r, c, v, ct), () => new CancelWorkOrderRequest(null));
        return api;
    }

    /// <summary>Bodies that carry nothing (accept) or may be omitted.</summary>
    public sealed record EmptyRequest;

    private delegate Task<Result<WorkOrderDetails>> ChangeHandler<TRequest, THandler>(THandler handler, Guid id, TRequest request, Caller caller, int? version, CancellationToken ct);

    private static void Change<TRequest, THandler>(RouteGroupBuilder group, string action, ChangeHandler<TRequest, THandler> run, Func<TRequest>? whenEmpty = null)
        where TRequest : class
        where THandler : notnull
    {
        async Task<IResult> Handle(Guid id, TRequest? request, THandler handler, CallerFactory callers, HttpContext context, CancellationToken ct)
        {
            request ??= whenEmpty?.Invoke();
            if (request is null)
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Request.MalformedJson"));
            }
            if (!TryReadVersion(context, out var version))
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Request.BadRequest"));
            }
            var caller = await callers.GetAsync(context, ct);
            return (await run(handler, id, request, caller, version, ct)).ToHttp(context);
        }

        group.MapPost($"/{{id:guid}}/{action}", ([FromRoute] Guid id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TRequest? request,
            THandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) => Handle(id, request, handler, callers, context, ct));
    }

    /// <summary>The version named by an <c>If-Match</c> header, for endpoints of other features that change orders.</summary>
    public static int? ReadVersion(HttpContext context) => TryReadVersion(context, out var version) ? version : null;

    private static bool TryReadVersion(HttpContext context, out int? version)
    {
        version = null;
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        if (int.TryParse(text.Trim('"'), out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }
}

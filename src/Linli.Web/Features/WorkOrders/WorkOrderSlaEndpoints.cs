using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Web.Features.WorkOrders;

/// <summary>
/// The time-limit and co-handling sub-resources of /api/v1/work-orders: <c>await-resident</c>, <c>resume</c>, <c>summon</c>,
/// <c>co-handling/report</c> (POST, honouring <c>If-Match</c>) and <c>sla</c> (GET).
/// </summary>
public static class WorkOrderSlaEndpoints
{
    public static IEndpointRouteBuilder MapWorkOrderSla(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/work-orders").WithTags("WorkOrders").RequireAuthorization(AccountsSetup.Policies.Signed);

        Change<AwaitResidentRequest, WaitForResidentHandler>(group, "await-resident", (h, id, r, c, v, ct) => h.PauseAsync(id, r, c, v, ct));
        Change<ResumeWorkOrderRequest, WaitForResidentHandler>(group, "resume", (h, id, r, c, v, ct) => h.ResumeAsync(id, r, c, v, ct), () => new ResumeWorkOrderRequest(null));
        Change<SummonUnitsRequest, CoHandleWorkOrderHandler>(group, "summon", (h, id, r, c, v, ct) => h.SummonAsync(id, r, c, v, ct));
        Change<ReportCoHandlingRequest, CoHandleWorkOrderHandler>(group, "co-handling/report", (h, id, r, c, v, ct) => h.ReportAsync(id, r, c, v, ct));

        group.MapGet("/{id:guid}/sla", async (Guid id, GetWorkOrderSlaHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.HandleAsync(id, await callers.GetAsync(context, ct), ct) is { } sla
                ? Results.Ok(sla)
                : WorkOrderErrors.NotFound.ToProblem(context));
        return api;
    }

    private delegate Task<Result<WorkOrderDetails>> ChangeHandler<TRequest, THandler>(THandler handler, Guid id, TRequest request, Caller caller, int? version, CancellationToken ct);

    private static void Change<TRequest, THandler>(RouteGroupBuilder group, string action, ChangeHandler<TRequest, THandler> run, Func<TRequest>? whenEmpty = null)
        where TRequest : class
        where THandler : notnull
    {
        group.MapPost($"/{{id:guid}}/{action}", async ([FromRoute] Guid id,
            [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TRequest? request,
            THandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
        {
            request ??= whenEmpty?.Invoke();
            if (request is null)
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Request.MalformedJson"));
            }
            if (!TryReadVersion(context.Request.Headers.IfMatch.ToString(), out var version))
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Request.BadRequest"));
            }
            return (await run(handler, id, request, await callers.GetAsync(context, ct), version, ct)).ToHttp(context);
        });
    }

    private static bool TryReadVersion(string header, out int? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }
        var text = header.Trim();
        text = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
        if (int.TryParse(text.Trim('"'), out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }
}

using System.Text;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Prevention;

/// <summary>
/// /api/v1/analytics/hot-issues and /api/v1/prevention (forecast and proposals: staff, scoped to the caller's units;
/// thresholds: administrators), and /api/v1/admin/history/import (administrators).
/// </summary>
public static class PreventionEndpoints
{
    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Prevention").RequireAuthorization(AccountsSetup.Policies.Staff);
        analytics.MapGet("/hot-issues", async ([AsParameters] HotIssuesQuery query, GetHotIssuesHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.HandleAsync(query, await callers.GetAsync(context, ct), ct)).ToHttp(context));

        var prevention = api.MapGroup("/prevention").WithTags("Prevention").RequireAuthorization(AccountsSetup.Policies.Staff);
        prevention.MapGet("/forecast", async ([AsParameters] ForecastQuery query, ForecastRiskHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.ForecastAsync(query, await callers.GetAsync(context, ct), ct)).ToHttp(context));
        prevention.MapPost("/forecast/proposals", async ([AsParameters] ForecastQuery query, ForecastRiskHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.ProposeAsync(query, await callers.GetAsync(context, ct), ct)).ToHttp(context));
        prevention.MapGet("/proposals", async (ProposalStatus? status, ForecastRiskHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.ListAsync(await callers.GetAsync(context, ct), status, ct));
        prevention.MapPost("/proposals/{id:guid}/confirm", async (Guid id, ForecastRiskHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.ConfirmAsync(id, await callers.GetAsync(context, ct), ct)).ToHttp(context));
        prevention.MapPost("/proposals/{id:guid}/dismiss", async (Guid id, DismissProposalRequest request, ForecastRiskHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.DismissAsync(id, request, await callers.GetAsync(context, ct), ct)).ToHttp(context));

        var thresholds = api.MapGroup("/prevention/thresholds").WithTags("Prevention").RequireAuthorization(AccountsSetup.Policies.Admin);
        thresholds.MapGet("/", (ManageThresholdsHandler handler, CancellationToken ct) => handler.ListAsync(ct));
        thresholds.MapGet("/{id:guid}", async (Guid id, ManageThresholdsHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.GetAsync(id, ct)).ToHttp(context));
        thresholds.MapGet("/{id:guid}/firings", async (Guid id, ManageThresholdsHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.FiringsAsync(id, ct)).ToHttp(context));
        thresholds.MapPost("/", async (SaveThresholdRuleRequest request, ManageThresholdsHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(request, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/v1/prevention/thresholds/{created.Value.Id}", created.Value)
                : created.Error!.ToProblem(context) as IResult;
        });
        thresholds.MapPut("/{id:guid}", async (Guid id, SaveThresholdRuleRequest request, ManageThresholdsHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.UpdateAsync(id, request, WorkOrders.WorkOrdersEndpoints.ReadVersion(context), ct)).ToHttp(context));
        thresholds.MapDelete("/{id:guid}", async (Guid id, ManageThresholdsHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var deleted = await handler.DeleteAsync(id, ct);
            return deleted.IsSuccess ? TypedResults.NoContent() : deleted.Error!.ToProblem(context) as IResult;
        });
        return api;
    }

    internal static async Task<StringReader> ReadBodyAsync(HttpContext context, CancellationToken ct)
    {
        // Read the body asynchronously first: the CSV parser reads synchronously, which Kestrel forbids on the request stream.
        using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
        return new StringReader(await body.ReadToEndAsync(ct));
    }
}

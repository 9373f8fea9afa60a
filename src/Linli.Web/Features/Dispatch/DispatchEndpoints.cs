using Linli.Web.Features.Accounts;
using Linli.Web.Features.Grids;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Dispatch;

/// <summary>/api/v1/dispatch: routing rules (administrators change them, staff read them) and the explain endpoint.</summary>
public static class DispatchEndpoints
{
    public static IEndpointRouteBuilder MapDispatch(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dispatch").WithTags("Dispatch").RequireAuthorization(AccountsSetup.Policies.Staff);

        group.MapGet("/rules", (ManageRoutingRulesHandler handler, CancellationToken ct) => handler.ListAsync(ct));

        group.MapPost("/rules", async (SaveRoutingRuleRequest request, ManageRoutingRulesHandler handler, HttpContext context, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? Results.Created($"/api/v1/dispatch/rules/{result.Value.Id}", result.Value) : result.Error!.ToProblem(context);
            })
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        group.MapPut("/rules/{id:guid}", async (Guid id, SaveRoutingRuleRequest request, ManageRoutingRulesHandler handler, HttpContext context, CancellationToken ct) =>
                GridsEndpoints.Versioned(context, out var version)
                    ? (await handler.UpdateAsync(id, request, version, ct)).ToHttp(context)
                    : GridsEndpoints.BadVersion(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        group.MapDelete("/rules/{id:guid}", async (Guid id, ManageRoutingRulesHandler handler, HttpContext context, CancellationToken ct) =>
            {
                var result = await handler.DeleteAsync(id, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem(context);
            })
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        group.MapGet("/explain", async ([AsParameters] ExplainDispatchQuery query, ExplainDispatchHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(context));
        return api;
    }
}

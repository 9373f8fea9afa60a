using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Prevention;

/// <summary>/api/v1/analytics/hot-issues and /api/v1/prevention: staff, scoped to the caller's units.</summary>
public static class PreventionEndpoints
{
    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Prevention").RequireAuthorization(AccountsSetup.Policies.Staff);
        analytics.MapGet("/hot-issues", async ([AsParameters] HotIssuesQuery query, GetHotIssuesHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.HandleAsync(query, await callers.GetAsync(context, ct), ct)).ToHttp(context));
        return api;
    }
}

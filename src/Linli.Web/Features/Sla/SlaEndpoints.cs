using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Sla;

/// <summary>/api/v1/admin/time-limit-policies and /api/v1/admin/calendar: time limits and the working calendar (Admin only).</summary>
public static class SlaEndpoints
{
    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder api)
    {
        var policies = api.MapGroup("/admin/time-limit-policies").WithTags("Sla").RequireAuthorization(AccountsSetup.Policies.Admin);
        policies.MapGet("/", (ManageTimeLimitPoliciesHandler handler, CancellationToken ct) => handler.ListAsync(ct));
        policies.MapPost("/", async (SaveTimeLimitPolicyRequest request, ManageTimeLimitPoliciesHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.SaveAsync(request, ct);
            if (!result.IsSuccess)
            {
                return result.Error!.ToProblem(context);
            }
            var (policy, created) = result.Value;
            return created ? Results.Created($"/api/v1/admin/time-limit-policies/{policy.Id}", policy) : Results.Ok(policy);
        });
        policies.MapDelete("/{id:guid}", async (Guid id, ManageTimeLimitPoliciesHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.DeleteAsync(id, ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem(context);
        });

        var calendar = api.MapGroup("/admin/calendar").WithTags("Sla").RequireAuthorization(AccountsSetup.Policies.Admin);
        calendar.MapGet("/hours", (ManageWorkingCalendarHandler handler, CancellationToken ct) => handler.GetHoursAsync(ct));
        calendar.MapPut("/hours", async (SaveWorkingHoursRequest request, ManageWorkingCalendarHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.SaveHoursAsync(request, ct)).ToHttp(context));
        calendar.MapGet("/days", (int? year, ManageWorkingCalendarHandler handler, CancellationToken ct) => handler.ListDaysAsync(year, ct));
        calendar.MapPut("/days/{date}", async (string date, SaveCalendarDayRequest request, ManageWorkingCalendarHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.SaveDayAsync(date, request, ct)).ToHttp(context));
        calendar.MapDelete("/days/{date}", async (string date, ManageWorkingCalendarHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.DeleteDayAsync(date, ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem(context);
        });
        return api;
    }
}

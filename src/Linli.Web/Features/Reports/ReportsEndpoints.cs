using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Reports;

/// <summary>/api/v1/reports: weekly community reports (staff, scoped to the areas the caller covers).</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(AccountsSetup.Policies.Staff);
        group.MapPost("/weekly", async (string? week, Guid? area, GenerateWeeklyReportHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(week, area, await callers.GetAsync(context, ct), null, ct);
            return result.IsSuccess
                ? Results.Created($"/api/v1/reports/{result.Value.Id}", result.Value)
                : result.Error!.ToProblem(context);
        });
        group.MapGet("/{id:guid}", async (Guid id, string? format, GetWeeklyReportHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, format, await callers.GetAsync(context, ct), ct);
            return result.IsSuccess ? Results.Bytes(result.Value.Content, result.Value.ContentType) : result.Error!.ToProblem(context);
        });
        return api;
    }
}

using System.Text.Json.Nodes;
using Linli.Domain.Grids;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Grids;

/// <summary>
/// /api/v1/grids and /api/v1/buildings: the geography of the street. Staff read it; administrators change it (grid leaders
/// manage the people of their own grids). Changes accept <c>If-Match: "&lt;version&gt;"</c>.
/// </summary>
public static class GridsEndpoints
{
    public static IEndpointRouteBuilder MapGrids(this IEndpointRouteBuilder api)
    {
        var grids = api.MapGroup("/grids").WithTags("Grids").RequireAuthorization(AccountsSetup.Policies.Staff);

        grids.MapGet("/", ([AsParameters] ListGridsQuery query, ListGridsHandler handler, CancellationToken ct) => handler.HandleAsync(query, ct));

        grids.MapGet("/{id:guid}", async (Guid id, ListGridsHandler handler, HttpContext context, CancellationToken ct) =>
            await handler.GetAsync(id, ct) is { } grid ? Results.Ok(grid) : GridErrors.NotFound.ToProblem(context));

        grids.MapGet("/export", async (int? level, ImportExportGridsHandler handler, CancellationToken ct) =>
            Results.Text((await handler.ExportAsync(level, ct)).ToJsonString(), "application/geo+json"));

        grids.MapPost("/import", async (JsonNode? body, ImportExportGridsHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.ImportAsync(body, ct)).ToHttp(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        grids.MapPost("/", async (CreateGridRequest request, SaveGridHandler handler, HttpContext context, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? Results.Created($"/api/v1/grids/{result.Value.Id}", result.Value) : result.Error!.ToProblem(context);
            })
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        grids.MapPut("/{id:guid}", async (Guid id, EditGridRequest request, SaveGridHandler handler, HttpContext context, CancellationToken ct) =>
                Versioned(context, out var version) ? (await handler.EditAsync(id, request, version, ct)).ToHttp(context) : BadVersion(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        grids.MapPost("/{id:guid}/move", async (Guid id, MoveGridRequest request, SaveGridHandler handler, HttpContext context, CancellationToken ct) =>
                Versioned(context, out var version) ? (await handler.MoveAsync(id, request, version, ct)).ToHttp(context) : BadVersion(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        grids.MapPost("/{id:guid}/retire", async (Guid id, SaveGridHandler handler, HttpContext context, CancellationToken ct) =>
                Versioned(context, out var version) ? (await handler.RetireAsync(id, version, ct)).ToHttp(context) : BadVersion(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        grids.MapGet("/{id:guid}/members", async (Guid id, ManageGridMembersHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.ListAsync(id, await callers.GetAsync(context, ct), ct)).ToHttp(context));

        grids.MapPost("/{id:guid}/members", async (Guid id, AssignGridMemberRequest request, ManageGridMembersHandler handler, CallerFactory callers,
            HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.AssignAsync(id, request, await callers.GetAsync(context, ct), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/grids/{id}/members/{result.Value.Id}", result.Value) : result.Error!.ToProblem(context);
        });

        grids.MapPost("/{id:guid}/members/{memberId:guid}/retire", async (Guid id, Guid memberId, ManageGridMembersHandler handler, CallerFactory callers,
            HttpContext context, CancellationToken ct) =>
            (await handler.RetireAsync(id, memberId, await callers.GetAsync(context, ct), ct)).ToHttp(context));

        var buildings = api.MapGroup("/buildings").WithTags("Grids").RequireAuthorization(AccountsSetup.Policies.Staff);

        buildings.MapGet("/", ([AsParameters] ListBuildingsQuery query, SaveBuildingHandler handler, CancellationToken ct) => handler.ListAsync(query, ct));

        buildings.MapPost("/", async (SaveBuildingRequest request, SaveBuildingHandler handler, HttpContext context, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(request, ct);
                return result.IsSuccess ? Results.Created($"/api/v1/buildings/{result.Value.Id}", result.Value) : result.Error!.ToProblem(context);
            })
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        buildings.MapPut("/{id:guid}", async (Guid id, SaveBuildingRequest request, SaveBuildingHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        buildings.MapPost("/{id:guid}/retire", async (Guid id, SaveBuildingHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.RetireAsync(id, ct)).ToHttp(context))
            .RequireAuthorization(AccountsSetup.Policies.Admin);

        buildings.MapGet("/aliases", (SaveBuildingHandler handler, CancellationToken ct) => handler.AliasesAsync(ct));

        buildings.MapPost("/aliases", async (CompoundAliasRequest request, SaveBuildingHandler handler, HttpContext context, CancellationToken ct) =>
            {
                var result = await handler.AddAliasAsync(request, ct);
                return result.IsSuccess ? Results.Created("/api/v1/buildings/aliases", result.Value) : result.Error!.ToProblem(context);
            })
            .RequireAuthorization(AccountsSetup.Policies.Admin);
        return api;
    }

    /// <summary>Reads an optional <c>If-Match: "n"</c>; false when the header is there but is not a version.</summary>
    internal static bool Versioned(HttpContext context, out int? version)
    {
        version = null;
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return true;
        }
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }
        if (int.TryParse(header.Trim('"'), out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }

    internal static IResult BadVersion(HttpContext context) =>
        Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Request.BadRequest"));
}

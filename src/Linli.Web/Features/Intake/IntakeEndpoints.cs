using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Intake;

/// <summary>/api/v1/attachments: upload a photo (multipart field <c>file</c>) before naming it in an order; read it back.</summary>
public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/attachments").WithTags("Intake").RequireAuthorization(AccountsSetup.Policies.Signed);

        group.MapPost("/", async (HttpContext context, UploadAttachmentHandler handler, CallerFactory callers, CancellationToken ct) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status415UnsupportedMediaType, "Request.UnsupportedMediaType"));
            }
            var form = await context.Request.ReadFormAsync(ct);
            var result = await handler.HandleAsync(form.Files.GetFile("file"), await callers.GetAsync(context, ct), ct);
            return result.IsSuccess ? Results.Created(result.Value.Url, result.Value) : result.Error!.ToProblem(context);
        })
        // Bearer and API-key callers carry no cookie; browser sessions are SameSite=Lax, which cross-site posts don't get.
        .DisableAntiforgery();

        group.MapGet("/{id:guid}", async (Guid id, UploadAttachmentHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.OpenAsync(id, await callers.GetAsync(context, ct), ct) is { } found
                ? Results.File(found.Content, found.Attachment.ContentType, enableRangeProcessing: false)
                : Results.Problem(Problems.Create(context, StatusCodes.Status404NotFound, "Attachment.NotFound")));
        return api;
    }
}

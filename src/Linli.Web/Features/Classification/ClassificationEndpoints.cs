using System.Text;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Categories;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Classification;

/// <summary>
/// The classifier in the product: the triage queue, the dispatcher's categorize action, and the administrator's model
/// registry (retrain, activate/roll back), keyword rules and taxonomy import.
/// </summary>
public static class ClassificationEndpoints
{
    public static IEndpointRouteBuilder MapClassification(this IEndpointRouteBuilder api)
    {
        api.MapGet("/triage", async (int? page, int? pageSize, TriageQueueHandler handler, CallerFactory callers, HttpContext context, CancellationToken ct) =>
            await handler.HandleAsync(await callers.GetAsync(context, ct), page ?? 1, pageSize ?? 20, ct))
            .WithTags("Classification").RequireAuthorization(AccountsSetup.Policies.Staff);

        api.MapPost("/work-orders/{id:guid}/categorize", async (Guid id, CategorizeWorkOrderRequest request, CategorizeWorkOrderHandler handler,
            CallerFactory callers, HttpContext context, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, await callers.GetAsync(context, ct), WorkOrdersEndpoints.ReadVersion(context), ct)).ToHttp(context))
            .WithTags("WorkOrders").RequireAuthorization(AccountsSetup.Policies.Staff);

        api.MapPost("/classification/suggest", async (SuggestRequest request, SuggestCategoryHandler handler, HttpContext context, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Description)
                ? WorkOrderErrors.DescriptionRequired.ToProblem(context)
                : (IResult)TypedResults.Ok(await handler.HandleAsync(request.Title, request.Description, ct)))
            .WithTags("Classification").RequireAuthorization(AccountsSetup.Policies.Staff);

        var admin = api.MapGroup("/admin/classifier").WithTags("Classification").RequireAuthorization(AccountsSetup.Policies.Admin);
        admin.MapGet("/models", (TrainClassifierHandler handler, CancellationToken ct) => handler.ListAsync(ct));
        admin.MapPost("/retrain", async (RetrainRequest? request, TrainClassifierHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var target = request?.Target ?? ActiveClassifier.CategoryTarget;
            if (target is not (ActiveClassifier.CategoryTarget or ActiveClassifier.UrgencyTarget))
            {
                return Results.Problem(Problems.Create(context, StatusCodes.Status400BadRequest, "Classifier.UnknownTarget"));
            }
            return await handler.RetrainAsync(target, ct) is { } model
                ? Results.Ok(model)
                : Results.Problem(Problems.Create(context, StatusCodes.Status409Conflict, "Classifier.NotEnoughHistory"));
        });
        admin.MapPost("/models/{id:guid}/activate", async (Guid id, TrainClassifierHandler handler, HttpContext context, CancellationToken ct) =>
            await handler.ActivateAsync(id, ct) is { } model
                ? Results.Ok(model)
                : Results.Problem(Problems.Create(context, StatusCodes.Status404NotFound, "Classifier.ModelNotFound")));
        admin.MapGet("/keywords", (ManageKeywordRulesHandler handler, CancellationToken ct) => handler.ListAsync(ct));
        admin.MapPost("/keywords", async (KeywordRuleRequest request, ManageKeywordRulesHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.SaveAsync(null, request, ct)).ToHttp(context));
        admin.MapPut("/keywords/{id:guid}", async (Guid id, KeywordRuleRequest request, ManageKeywordRulesHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.SaveAsync(id, request, ct)).ToHttp(context));
        admin.MapDelete("/keywords/{id:guid}", async (Guid id, ManageKeywordRulesHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.DeleteAsync(id, ct)).ToHttp(context));

        api.MapPost("/admin/categories/import", async (HttpContext context, ImportCategoriesHandler handler, CancellationToken ct) =>
        {
            // Read the body asynchronously first: the CSV parser reads synchronously, which Kestrel forbids on the request stream.
            using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
            using var reader = new StringReader(await body.ReadToEndAsync(ct));
            return (await handler.HandleAsync(reader, ct)).ToHttp(context);
        }).WithTags("Categories").RequireAuthorization(AccountsSetup.Policies.Admin).Accepts<string>("text/csv");
        return api;
    }

    public sealed record SuggestRequest(string? Title, string? Description);

    public sealed record RetrainRequest(string? Target);
}

/// <summary>Retrains the category and urgency models on a schedule (<c>Linli:Classification:RetrainHours</c>, default weekly).</summary>
public sealed class ClassifierRetrainJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ClassifierRetrainJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(configuration.GetValue("Linli:Classification:RetrainHours", 168)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var trainer = scope.ServiceProvider.GetRequiredService<TrainClassifierHandler>();
                await trainer.RetrainAsync(ActiveClassifier.CategoryTarget, stoppingToken);
                await trainer.RetrainAsync(ActiveClassifier.UrgencyTarget, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled classifier retraining failed; the active model stays");
            }
        }
    }
}

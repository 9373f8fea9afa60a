using Linli.Web.Features.Categories;
using Linli.Web.Features.Duplicates;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence.Demo;

namespace Linli.Web.Features.Classification;

public static class ClassificationSetup
{
    /// <summary>The classifier in the product (suggest, triage, corrections, retraining) and duplicate detection.</summary>
    public static IServiceCollection AddLinliClassification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ActiveClassifier>();
        services.AddReferenceSnapshot<KeywordRuleSet>();
        services.AddScoped<SuggestCategoryHandler>();
        services.AddScoped<ClassifyOnIntake>();
        services.AddScoped<CategorizeWorkOrderHandler>();
        services.AddScoped<TriageQueueHandler>();
        services.AddScoped<TrainClassifierHandler>();
        services.AddScoped<ManageKeywordRulesHandler>();
        services.AddScoped<ImportCategoriesHandler>();
        services.AddScoped<DetectDuplicatesHandler>();
        services.AddSingleton<BigramProfileCache>();
        services.AddSingleton<PlaceCandidateCache>();
        services.AddScoped<DemoClassifierSetup>();
        if (configuration.GetValue("Linli:BackgroundJobs", true))
        {
            services.AddHostedService<ClassifierRetrainJob>();
        }
        return services;
    }
}

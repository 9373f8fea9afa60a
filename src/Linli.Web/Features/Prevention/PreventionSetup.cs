using Linli.Web.Features.Reports;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Prevention;

/// <summary>Hot issues, forecast and risk, thresholds, proactive proposals, weekly reports, history import.</summary>
public static class PreventionSetup
{
    public static IServiceCollection AddLinliPrevention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient();
        services.AddScoped<GetHotIssuesHandler>();
        services.AddScoped<ForecastRiskHandler>();
        services.AddScoped<ManageThresholdsHandler>();
        services.AddReferenceSnapshot<ThresholdRuleSet>();
        services.AddScoped<EvaluateThresholdsHandler>();
        services.AddSingleton<ThresholdEvaluator>();
        services.AddSingleton<LastFirings>();
        services.AddScoped<GenerateWeeklyReportHandler>();
        services.AddScoped<GetWeeklyReportHandler>();
        services.AddScoped<WeeklyReportScheduler>();
        services.AddSingleton<ReportNarrator>();
        if (configuration.GetValue("Linli:BackgroundJobs", true))
        {
            services.AddHostedService<WeeklyReportJob>();
        }
        return services;
    }
}

using Linli.Web.Background;
using Linli.Web.Features.Analytics;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.WorkOrders;

namespace Linli.Web.Features.Sla;

/// <summary>Time limits, the SLA sweeper, notifications and the outbox, the three rates.</summary>
public static class SlaSetup
{
    public static IServiceCollection AddLinliSlaAndNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ManageTimeLimitPoliciesHandler>();
        services.AddScoped<ManageWorkingCalendarHandler>();
        services.AddScoped<SlaSweepHandler>();
        services.AddScoped<WaitForResidentHandler>();
        services.AddScoped<CoHandleWorkOrderHandler>();
        services.AddScoped<GetWorkOrderSlaHandler>();

        services.AddScoped<WorkOrderNotifier>();
        services.AddScoped<NotificationsHandler>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        services.AddSingleton<IHotline12345Client, LoggingHotline12345Client>();

        services.AddScoped<GetRatesHandler>();

        if (configuration.GetValue("Linli:BackgroundJobs", true))
        {
            services.AddHostedService<SlaSweepJob>();
            services.AddHostedService<OutboxDispatchJob>();
        }
        return services;
    }
}

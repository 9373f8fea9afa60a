using System.Globalization;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Linli.Web.Persistence.Demo;

namespace Linli.Web.Infrastructure;

/// <summary>Registers the handlers of every feature: plain classes, one per use case, called by endpoints, pages and jobs.</summary>
public static class FeaturesSetup
{
    public static WebApplicationBuilder AddLinliFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteTime>();
        services.AddSingleton<PersonalData>();
        services.AddReferenceSnapshot<UnitTree>();
        services.AddReferenceSnapshot<Features.Categories.CategoryCatalog>();
        services.AddSingleton<AttachmentStorage>();
        services.AddReferenceSnapshot<TimeLimits>();
        services.AddScoped<DemoSeeder>();

        // Intake
        services.AddScoped<SubmitWorkOrderHandler>();
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton<IntakeWriteGate>();
        services.AddSingleton<IntakeWriter>();
        services.AddScoped<UploadAttachmentHandler>();
        services.AddScoped<AttachmentLinker>();

        // Work orders
        services.AddScoped<UnitLookup>();
        services.AddScoped<WorkOrderCommands>();
        services.AddScoped<GetWorkOrderHandler>();
        services.AddScoped<ListWorkOrdersHandler>();
        services.AddScoped<DispatchWorkOrderHandler>();
        services.AddScoped<AcceptWorkOrderHandler>();
        services.AddScoped<CompleteWorkOrderHandler>();
        services.AddScoped<EvaluateWorkOrderHandler>();
        services.AddScoped<FollowUpWorkOrderHandler>();
        services.AddScoped<ReopenWorkOrderHandler>();
        services.AddScoped<ReturnWorkOrderHandler>();
        services.AddScoped<TransferWorkOrderHandler>();
        services.AddScoped<EscalateWorkOrderHandler>();
        services.AddScoped<ExtendWorkOrderHandler>();
        services.AddScoped<SuperviseWorkOrderHandler>();
        services.AddScoped<MergeWorkOrderHandler>();
        services.AddScoped<CancelWorkOrderHandler>();
        services.AddScoped<AutoCloseWorkOrdersHandler>();

        // Time limits, SLA sweeper, notifications and outbox, the three rates
        services.AddLinliSlaAndNotifications(builder.Configuration);

        // Grids and dispatch
        services.AddLinliGridsAndDispatch();

        // Classification and duplicates
        services.AddLinliClassification(builder.Configuration);
        // Analysis and prevention: hot issues, forecast, thresholds, weekly reports, history import
        Features.Prevention.PreventionSetup.AddLinliPrevention(services, builder.Configuration);
        Features.HistoryImport.HistoryImportEndpoints.AddLinliHistoryImport(services);
        if (builder.Configuration.GetValue("Linli:BackgroundJobs", true))
        {
            services.AddHostedService<AutoCloseSweeper>();
        }
        return builder;
    }

    public static WebApplicationBuilder AddLinliLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            // zh-CN unless the client asks for English.
            CultureInfo[] cultures = [new("zh-CN"), new("en")];
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        return builder;
    }
}

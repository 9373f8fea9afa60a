using Linli.Web.Features.Dispatch;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Grids;

/// <summary>Registers the geography (grids, buildings, members, locating) and dispatch (routing rules, planner, explain) handlers.</summary>
public static class GridsSetup
{
    public static IServiceCollection AddLinliGridsAndDispatch(this IServiceCollection services)
    {
        services.AddReferenceSnapshot<GridMap>();
        services.AddScoped<PlaceLocator>();
        services.AddScoped<ListGridsHandler>();
        services.AddScoped<SaveGridHandler>();
        services.AddScoped<ImportExportGridsHandler>();
        services.AddScoped<SaveBuildingHandler>();
        services.AddScoped<ManageGridMembersHandler>();

        services.AddReferenceSnapshot<RoutingRuleSet>();
        services.AddScoped<DispatchPlanner>();
        services.AddScoped<AutoDispatcher>();
        services.AddScoped<ManageRoutingRulesHandler>();
        services.AddScoped<ExplainDispatchHandler>();
        return services;
    }
}

using Linli.Web.Persistence.Demo;

namespace Linli.Web.Persistence;

/// <summary>At start: migrate when the provider says so (embedded SQLite), then seed the demo street in demo mode.</summary>
public static class DatabaseInitializer
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LinliDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DatabaseInitializer));
        if (services.GetRequiredService<DatabaseOptions>().ShouldMigrateOnStart)
        {
            await PersistenceSetup.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        }
        if (app.Configuration.GetValue("Linli:Demo", false))
        {
            var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync(app.Configuration.GetValue("Linli:DemoOrders", DemoSeeder.DefaultHistoricalOrders), app.Lifetime.ApplicationStopping);
            await services.GetRequiredService<DemoClassifierSetup>().PrepareAsync(app.Lifetime.ApplicationStopping);
            await ActivatorUtilities.CreateInstance<DemoPreventionSeeder>(services).SeedAsync(app.Lifetime.ApplicationStopping);
            if (seeded)
            {
                logger.LogInformation("Demo street seeded. Sign in as admin / dispatcher / handler / resident / resident2 with password {Password}", DemoSeeder.Password);
            }
        }
    }
}

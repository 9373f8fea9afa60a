using Linli.Web.Persistence.Demo;
using Microsoft.EntityFrameworkCore;

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
            if (seeded && db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                // Statistics for the tables just filled: without them PostgreSQL plans the prepared intake queries (whose
                // generic plans are cached per connection) as for empty tables, e.g. the duplicate check by scanning every
                // order that has no parent (auto_explain, intake bench). Autovacuum would only catch up a minute later.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", app.Lifetime.ApplicationStopping);
            }
            if (seeded)
            {
                logger.LogInformation("Demo street seeded. Sign in as admin / dispatcher / handler / resident / resident2 with password {Password}", DemoSeeder.Password);
            }
        }
    }
}

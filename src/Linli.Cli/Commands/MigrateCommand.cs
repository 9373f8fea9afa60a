using Linli.Web.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Cli.Commands;

/// <summary>
/// <c>migrate</c>: applies pending migrations to the configured database (production runs this before starting new
/// instances). <c>migrate --script</c> prints the idempotent SQL instead, for a DBA to review and run.
/// Configuration as for the host: <c>Database__Provider</c>, <c>ConnectionStrings__Linli</c>.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.AddLinliPersistence();
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();

        if (args.Contains("--script"))
        {
            var migrator = db.GetService<IMigrator>();
            Console.WriteLine(migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
            return 0;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        Console.WriteLine($"Database: {db.Database.ProviderName}; pending migrations: {(pending.Count == 0 ? "none" : string.Join(", ", pending))}");
        await PersistenceSetup.MigrateAsync(db, CancellationToken.None);
        Console.WriteLine("Migrated.");
        return 0;
    }
}

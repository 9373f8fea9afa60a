using Linli.Web.Features.Accounts;
using Linli.Web.Features.HistoryImport;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Cli.Commands;

/// <summary>
/// <c>history import --file F.csv [--area UNIT-ID]</c>: imports past requests into the configured database through the same
/// handler as <c>POST /api/v1/admin/history/import</c>, acting as an administrator (the operator of the machine).
/// </summary>
internal static class HistoryImportCommand
{
    private const string UsageText = "usage: history import --file FILE.csv [--area UNIT-ID]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? file = null;
        Guid? area = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file" when i + 1 < args.Length:
                    file = args[++i];
                    break;
                case "--area" when i + 1 < args.Length && Guid.TryParse(args[i + 1], out var id):
                    area = id;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine(UsageText);
                    return 2;
            }
        }
        if (file is null)
        {
            Console.Error.WriteLine(UsageText);
            return 2;
        }
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No such file: {file}");
            return 1;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddLinliPersistence();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteTime>();
        builder.Services.AddSingleton<UnitTree>();
        builder.Services.AddLinliHistoryImport();
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var operatorCaller = new Caller
        {
            UserId = null,
            Name = "cli",
            Roles = new HashSet<string> { Roles.Admin },
            UnitIds = new HashSet<Guid>(),
            LeaderUnitIds = new HashSet<Guid>(),
            VisibleUnitIds = new HashSet<Guid>(),
        };
        using var reader = new StringReader(await File.ReadAllTextAsync(file));
        var result = await scope.ServiceProvider.GetRequiredService<ImportHistoryHandler>().HandleAsync(reader, area, operatorCaller, CancellationToken.None);
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine($"Import failed: {result.Error!.Code}");
            return 1;
        }
        var r = result.Value;
        Console.WriteLine($"{r.Rows} rows: {r.Imported} imported, {r.Duplicates} duplicates, {r.Rejected} rejected");
        foreach (var error in r.Errors)
        {
            Console.WriteLine($"  line {error.Line}: {error.Code}");
        }
        return r.Rejected == 0 ? 0 : 1;
    }
}

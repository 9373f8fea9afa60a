using Linli.Cli.Commands;

// Admin commands: `dotnet run --project src/Linli.Cli -- <command> ...`
// Each command lives in Commands/<Name>Command.cs and returns a process exit code.
return args switch
{
    ["migrate", .. var rest] => await MigrateCommand.RunAsync(rest),
    ["classifier", "retrain", .. var rest] => await RetrainCommand.RunAsync(rest),
    ["classifier", .. var rest] => await ClassifierCommand.RunAsync(rest),
    ["history", "import", .. var rest] => await HistoryImportCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: linli <command>
          migrate                                   apply database migrations (uses Database__Provider, ConnectionStrings__Linli)
          classifier train --data FILE.csv --out MODEL
          classifier eval --model MODEL --data FILE.csv
          classifier retrain [category|urgency]     retrain from the site's own orders; activate only if not worse
          history import --file FILE.csv [--area UNIT-ID]  import past requests (CSV) for hot issues and the forecast
        """);
    return 2;
}

namespace Linli.Cli.Commands;

internal static class MigrateCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"migrate: not built yet ({string.Join(' ', args)})");
        return Task.FromResult(2);
    }
}

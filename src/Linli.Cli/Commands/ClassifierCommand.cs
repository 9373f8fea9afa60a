namespace Linli.Cli.Commands;

internal static class ClassifierCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"classifier: not built yet ({string.Join(' ', args)})");
        return Task.FromResult(2);
    }
}

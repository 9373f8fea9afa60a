namespace Linli.Bench.Classifier;

internal static class Arguments
{
    /// <summary>Parses <c>--name value</c> pairs.</summary>
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'.");
            }

            result[args[i][2..]] = args[i + 1];
        }

        return result;
    }
}

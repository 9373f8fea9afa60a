using System.Text.RegularExpressions;

namespace Linli.Domain.Tests.Architecture;

/// <summary>
/// House rules a compiler cannot see without a banned-API analyzer (none is in the package copy here): time only from the
/// injected TimeProvider, no blocking on tasks, no EF InMemory provider. Scans every C# file under src/.
/// </summary>
public partial class BannedApiTests
{
    [Fact]
    public void Source_code_never_reads_the_clock_blocks_on_a_task_or_uses_EF_InMemory()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => Banned().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Linli.slnx")))
            {
                return directory.FullName;
            }
        }
        // Slot builds put the binaries under /tmp: fall back to this source file's checkout.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    // Task.Result is told apart from our own `Result` properties by what precedes it: an awaitable-looking call.
    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow)\b|\.Wait\(\)|\.GetAwaiter\(\)\.GetResult\(\)|UseInMemory(Database)|Async\([^)]*\)\.Result\b")]
    private static partial Regex Banned();
}

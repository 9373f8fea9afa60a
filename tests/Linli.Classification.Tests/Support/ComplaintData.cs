using System.Runtime.CompilerServices;

namespace Linli.Classification.Tests.Support;

/// <summary>
/// Finds the public complaint data set, which lives next to the repository (never inside it:
/// it has no licence for redistribution), by walking up from the test binaries.
/// </summary>
public static class ComplaintData
{
    public const string RelativePath = "shared/data/complaints/train.csv";

    public static string? TrainCsv { get; } = Locate();

    // Binaries may live outside the tree (LINLI_BUILD_SLOT puts them under /tmp), so the search also
    // starts from this source file's own directory.
    private static string? Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && start.Length > 0; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason shown in the test output, when the complaint data is absent.</summary>
public sealed class RequiresComplaintDataFactAttribute : FactAttribute
{
    public RequiresComplaintDataFactAttribute()
    {
        if (ComplaintData.TrainCsv is null)
        {
            Skip = $"Complaint data not found: no '{ComplaintData.RelativePath}' in any directory above {AppContext.BaseDirectory}. " +
                "Put the data set beside the repository (see shared/data/complaints/README.md) to run this test.";
        }
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linli.Domain.WorkOrders;

namespace Linli.E2E.Tests;

/// <summary>Every string key the pages use exists in Resources/Pages.resx, so no page ever shows a raw key.</summary>
public sealed partial class PageTextTests
{
    private static readonly string Root = FindRoot();
    private static readonly HashSet<string> Keys = XDocument.Load(Path.Combine(Root, "src/Linli.Web/Resources/Pages.resx"))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void EveryLiteralKeyOfThePages_IsInPagesResx()
    {
        var web = Path.Combine(Root, "src/Linli.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => f.Contains("/Pages/", StringComparison.Ordinal) || f.Contains("/Shared/", StringComparison.Ordinal) || f.Contains("/Dashboard/", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        var missing = files
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Key: m.Groups[1].Value)))
            .Where(x => !Keys.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();
        missing.ShouldBeEmpty(string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void EveryStatusChannelUrgencyTriggerAndSatisfaction_HasAChineseName()
    {
        var needed = Enum.GetNames<WorkOrderStatus>().Select(n => "Status." + n)
            .Concat(Enum.GetNames<Channel>().Select(n => "Channel." + n))
            .Concat(Enum.GetNames<Urgency>().Select(n => "Urgency." + n))
            .Concat(Enum.GetNames<WorkOrderTrigger>().Select(n => "Trigger." + n))
            .Concat(Enum.GetNames<Satisfaction>().Select(n => "Satisfaction." + n))
            .Concat(Linli.Web.Features.Accounts.Roles.All.Select(n => "Role." + n));
        needed.Where(k => !Keys.Contains(k)).ShouldBeEmpty();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx")))
            {
                return dir.FullName;
            }
        }
        // Built outside the tree (LINLI_BUILD_SLOT): the source is where the project file said it was.
        return Path.GetFullPath(Path.Combine(ThisDirectory(), "..", ".."));
    }

    private static string ThisDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex("""\b[Tt]\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex LiteralKey();
}

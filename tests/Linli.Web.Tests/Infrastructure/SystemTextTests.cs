using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linli.Domain.Grids;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Grids;
using Linli.Web.Resources;

namespace Linli.Web.Tests.Infrastructure;

/// <summary>What the system writes into records comes from SystemText.resx, in the site's language, for every value it names.</summary>
public partial class SystemTextTests
{
    [Fact]
    public void Every_way_of_locating_and_every_urgency_has_its_words()
    {
        foreach (var how in Enum.GetValues<LocatedBy>())
        {
            SystemText.Get("Dispatch.LocatedBy." + how).ShouldNotBeNullOrWhiteSpace();
        }
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            SystemText.Get("Urgency." + urgency).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Texts_are_written_in_the_sites_language_whatever_the_requests_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            SystemText.Format("Duplicate.Distance", 120.4).ShouldBe("相距约 120 米");
            SystemText.Format("Dispatch.Comment", "电梯故障→小区物业", SystemText.Get("Dispatch.LocatedBy.Text"), 0.95)
                .ShouldBe("智能分拨：规则「电梯故障→小区物业」（按诉求内容中的地名定位，置信度 0.95）");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void An_unknown_name_is_a_mistake_in_the_code_not_an_empty_text()
    {
        Should.Throw<InvalidOperationException>(() => SystemText.Get("No.Such.Text"));
    }

    [Fact]
    public void Every_name_the_code_asks_for_is_in_SystemText_resx()
    {
        var root = FindRoot();
        var names = XDocument.Load(Path.Combine(root, "src/Linli.Web/Resources/SystemText.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var web = Path.Combine(root, "src/Linli.Web");
        var used = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Name: m.Groups["name"].Value)))
            .ToList();

        used.Select(u => u.Name).ShouldContain("Report.Heading");
        used.Select(u => u.Name).ShouldContain("Building.DisplayName");
        var missing = used.Where(u => !names.Contains(u.Name)).Select(u => $"{u.File}: {u.Name}").Distinct().ToList();
        missing.ShouldBeEmpty(string.Join(Environment.NewLine, missing));
        foreach (var name in used.Select(u => u.Name).Distinct())
        {
            SystemText.Get(name).ShouldNotBeNullOrWhiteSpace(name);
        }
    }

    [Fact]
    public void Every_text_is_a_valid_format()
    {
        var names = XDocument.Load(Path.Combine(FindRoot(), "src/Linli.Web/Resources/SystemText.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var args = Enumerable.Repeat<object?>(1.5, 10).ToArray();
        foreach (var name in names)
        {
            Should.NotThrow(() => SystemText.Format(name, args), name);
        }
    }

    [Fact]
    public void Report_and_building_texts_read_as_they_did_when_they_were_literals()
    {
        BuildingName.Of("阳光花园", "3").ShouldBe("阳光花园3号楼");
        SystemText.Format("Report.PercentagePoints", -2.5).ShouldBe("-2.5 个百分点");
        SystemText.Format("Report.PercentagePoints", 0.0).ShouldBe("0.0 个百分点");
        SystemText.Format("Report.CompleteBy", new DateTime(2026, 3, 2, 8, 5, 0, DateTimeKind.Utc)).ShouldBe("应办结 2026-03-02 08:05");
        SystemText.Format("Prevention.ProposalReason", "一网格", "2026-W10", "噪音扰民", 7, 2.24, 0.00012)
            .ShouldBe("一网格2026-W10“噪音扰民”诉求 7 件，预计约 2.2 件（p=0.0001），建议主动排查处置。");
        SystemText.Format("Report.Recommendation.ResponseRate", 0.856)
            .ShouldBe("响应率为 85.6%，低于 90%，建议检查接单提醒与值守安排。");
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
        return Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", ".."));
    }

    private static string ThisDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>A literal name given to SystemText.Get or SystemText.Format (a name built from a prefix is checked per value above).</summary>
    [GeneratedRegex("""SystemText\.(?:Get|Format)\(\s*"(?<name>[^"]+)"\s*[,)]""")]
    private static partial Regex LiteralName();
}

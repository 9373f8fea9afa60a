using Linli.Domain.Prevention;

namespace Linli.Domain.Tests.Prevention;

public class HotIssueClusteringTests
{
    private static readonly DateTime Monday = new(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc);

    private static List<ClusterItem> TwoIncidentsAndNoise()
    {
        var items = new List<ClusterItem>();
        string[] elevator = ["3号楼电梯坏了，老人上不了楼", "3号楼电梯又停运了，请尽快维修", "莲花小区3号楼电梯故障停运两天", "电梯坏了3号楼老人下不了楼", "3号楼电梯停了没人修"];
        string[] leak = ["7号楼楼顶漏水，屋里墙面发霉", "7号楼顶层漏水严重，下雨天滴水", "楼顶漏水7号楼顶层住户受影响", "7号楼漏水墙皮脱落"];
        string[] noise = ["小区门口共享单车乱停放", "希望增加老年食堂的供餐时段", "路灯不亮影响夜间出行", "孩子入学政策咨询", "菜市场价格太高"];
        for (var i = 0; i < elevator.Length; i++)
        {
            items.Add(new ClusterItem($"e{i}", elevator[i], "莲花小区3号楼", "0103", Monday.AddHours(i * 5), i));
        }
        for (var i = 0; i < leak.Length; i++)
        {
            items.Add(new ClusterItem($"l{i}", leak[i], "翠园小区7号楼", "0102", Monday.AddHours(i * 7 + 1), 0));
        }
        for (var i = 0; i < noise.Length; i++)
        {
            items.Add(new ClusterItem($"n{i}", noise[i], null, null, Monday.AddHours(i * 3 + 2), 0));
        }
        return items;
    }

    [Fact]
    public void TwoObviousIncidentsAndNoise_GiveTwoClusters()
    {
        var clusters = HotIssueClustering.Cluster(TwoIncidentsAndNoise());

        clusters.Count.ShouldBe(2);
        clusters[0].ItemIds.ShouldAllBe(id => id.StartsWith('e'));
        clusters[0].Size.ShouldBe(5);
        clusters[0].Support.ShouldBe(0 + 1 + 2 + 3 + 4);
        clusters[0].Places.ShouldBe(["莲花小区3号楼"]);
        clusters[0].Categories.ShouldBe(["0103"]);
        clusters[1].ItemIds.ShouldAllBe(id => id.StartsWith('l'));
        clusters[1].Size.ShouldBe(4);
        clusters.Select(c => c.Rank).ShouldBe([1, 2]);
        clusters[0].ItemIds.ShouldContain(clusters[0].MedoidId);
    }

    [Fact]
    public void Clustering_IsDeterministic_WhateverTheInputOrder()
    {
        var items = TwoIncidentsAndNoise();
        var first = HotIssueClustering.Cluster(items);
        var shuffled = items.OrderBy(i => i.Id.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).Reverse().ToList();
        var second = HotIssueClustering.Cluster(shuffled);

        second.Count.ShouldBe(first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            second[i].MedoidId.ShouldBe(first[i].MedoidId);
            second[i].ItemIds.ShouldBe(first[i].ItemIds);
            second[i].Score.ShouldBe(first[i].Score);
        }
    }

    [Fact]
    public void PreviousPeriod_CountsAsGrowthBaseline_NotAsSize()
    {
        var items = TwoIncidentsAndNoise();
        items.Add(new ClusterItem("p0", "3号楼电梯坏了停运", "莲花小区3号楼", "0103", Monday.AddDays(-3), 0, InCurrentPeriod: false));

        var elevator = HotIssueClustering.Cluster(items).Single(c => c.ItemIds.Contains("e0"));

        elevator.Size.ShouldBe(5);
        elevator.PreviousSize.ShouldBe(1);
        elevator.Growth.ShouldBe(4);
        elevator.ItemIds.ShouldNotContain("p0");
    }

    [Fact]
    public void Bigrams_IgnorePunctuationAndFoldFullWidth()
    {
        var grams = BigramTfIdf.Bigrams("３号楼，电梯", 300);
        grams.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { "3号", "号楼", "电梯" }.Order(StringComparer.Ordinal));
    }
}

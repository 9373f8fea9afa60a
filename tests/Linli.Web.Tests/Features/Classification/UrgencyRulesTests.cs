using Linli.Domain.WorkOrders;
using Linli.Web.Features.Classification;

namespace Linli.Web.Tests.Features.Classification;

/// <summary>Danger words and pairs of words raise urgency; near misses do not.</summary>
public class UrgencyRulesTests
{
    [Theory]
    [InlineData("3号楼电梯困人了，快来人", Urgency.Emergency, "电梯困人")]
    [InlineData("5号楼2单元电梯停了，有老人被困在里面", Urgency.Emergency, "电梯…被困")]
    [InlineData("有个孩子困住了，就在2单元的电梯里", Urgency.Emergency, "电梯…困住")]
    [InlineData("家里煤气漏了，味道很大", Urgency.Emergency, "煤气…漏了")]
    [InlineData("楼道里闻到很浓的煤气味", Urgency.Emergency, "煤气味")]
    [InlineData("3号楼1单元电梯停运，老人上下楼很困难，请尽快维修", Urgency.High, "电梯停运")]
    [InlineData("5号楼电梯坏了好几天了", Urgency.High, "电梯…坏了")]
    [InlineData("单元门口的电梯又不动了", Urgency.High, "电梯…不动了")]
    public void Danger_words_and_pairs_raise_urgency(string text, Urgency urgency, string word)
    {
        UrgencyRules.Detect(null, text).ShouldBe((urgency, word));
    }

    [Theory]
    [InlineData("电梯里的广告屏声音太吵了")]
    [InlineData("老人上下楼很困难，希望加装电梯")]
    [InlineData("楼上卫生间漏水，天花板在滴水")]
    [InlineData("电梯旁边的墙面脏了，好久没人打扫，保洁员说等物业安排，物业一直拖着也不管，不知道该找谁才好，最后停了")]
    public void Near_misses_and_ordinary_requests_raise_nothing(string text)
    {
        UrgencyRules.Detect(null, text).ShouldBeNull();
    }
}

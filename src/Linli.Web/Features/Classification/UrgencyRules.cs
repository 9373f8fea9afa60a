using Linli.Domain.WorkOrders;

namespace Linli.Web.Features.Classification;

/// <summary>
/// Danger words raise urgency whatever a model says: a gas leak reported calmly is still an emergency.
/// The lists are deliberately short and specific; the learned urgency model covers the rest. An entry "A+B" is a pair of
/// words within <see cref="Near"/> characters of each other, in either order, for what people say in their own words
/// ("电梯停了，有老人被困在里面"); its parts are chosen so that near misses do not match ("被困", not "困": "上下楼很困难").
/// </summary>
public static class UrgencyRules
{
    /// <summary>How far apart the two words of a pair may be: about one sentence of a message.</summary>
    public const int Near = 16;

    private static readonly string[] EmergencyWords =
    [
        "燃气泄漏", "煤气泄漏", "天然气泄漏", "燃气味", "煤气味", "漏气", "漏电", "触电", "电梯困人", "困在电梯", "被困电梯", "电梯里被困",
        "起火", "着火", "火灾", "冒烟", "爆炸", "坠落", "坠楼", "高空抛物", "坍塌", "倒塌", "塌陷", "有人晕倒", "溺水",
        "电梯+被困", "电梯+困住", "电梯+困在", "电梯+关在", "电梯+出不来", "燃气+漏了", "煤气+漏了", "天然气+漏了",
    ];

    private static readonly string[] HighWords =
    [
        "停水", "断水", "停电", "爆管", "水管爆裂", "大量漏水", "污水倒灌", "积水严重", "电梯停运", "电梯故障", "独居老人", "老人摔倒",
        "井盖缺失", "井盖丢失", "树木倒伏", "外墙脱落", "消防通道堵塞", "电动车充电", "飞线充电",
        "电梯+停了", "电梯+坏了", "电梯+不动了",
    ];

    /// <summary>The urgency the words alone call for, and the words that decided it ("电梯…被困" for a pair); null when nothing matched.</summary>
    public static (Urgency Urgency, string Word)? Detect(string? title, string description)
    {
        var text = (title ?? "") + " " + description;
        foreach (var word in EmergencyWords)
        {
            if (Matches(text, word))
            {
                return (Urgency.Emergency, word.Replace("+", "…", StringComparison.Ordinal));
            }
        }
        foreach (var word in HighWords)
        {
            if (Matches(text, word))
            {
                return (Urgency.High, word.Replace("+", "…", StringComparison.Ordinal));
            }
        }
        return null;
    }

    private static bool Matches(string text, string entry)
    {
        var plus = entry.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return text.Contains(entry, StringComparison.Ordinal);
        }
        var (first, second) = (entry[..plus], entry[(plus + 1)..]);
        for (var at = text.IndexOf(first, StringComparison.Ordinal); at >= 0; at = text.IndexOf(first, at + 1, StringComparison.Ordinal))
        {
            var from = Math.Max(0, at - Near - second.Length);
            var to = Math.Min(text.Length, at + first.Length + Near + second.Length);
            if (text.AsSpan(from, to - from).Contains(second, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public static Urgency Max(Urgency a, Urgency b) => a >= b ? a : b;
}

using Linli.Domain.WorkOrders;

namespace Linli.Web.Features.Classification;

/// <summary>
/// Danger words raise urgency whatever a model says: a gas leak reported calmly is still an emergency.
/// The lists are deliberately short and specific; the learned urgency model covers the rest.
/// </summary>
public static class UrgencyRules
{
    private static readonly string[] EmergencyWords =
    [
        "燃气泄漏", "煤气泄漏", "天然气泄漏", "燃气味", "煤气味", "漏气", "漏电", "触电", "电梯困人", "困在电梯", "被困电梯", "电梯里被困",
        "起火", "着火", "火灾", "冒烟", "爆炸", "坠落", "坠楼", "高空抛物", "坍塌", "倒塌", "塌陷", "有人晕倒", "溺水",
    ];

    private static readonly string[] HighWords =
    [
        "停水", "断水", "停电", "爆管", "水管爆裂", "大量漏水", "污水倒灌", "积水严重", "电梯停运", "电梯故障", "独居老人", "老人摔倒",
        "井盖缺失", "井盖丢失", "树木倒伏", "外墙脱落", "消防通道堵塞", "电动车充电", "飞线充电",
    ];

    /// <summary>The urgency the words alone call for, and the word that decided it; null when nothing matched.</summary>
    public static (Urgency Urgency, string Word)? Detect(string? title, string description)
    {
        var text = (title ?? "") + " " + description;
        foreach (var word in EmergencyWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return (Urgency.Emergency, word);
            }
        }
        foreach (var word in HighWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return (Urgency.High, word);
            }
        }
        return null;
    }

    public static Urgency Max(Urgency a, Urgency b) => a >= b ? a : b;
}

using Linli.Web.Features.Classification;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Persistence.Demo;

/// <summary>
/// The demo's classifier: keyword rules for the demo categories (the cold-start path) and a first model trained from
/// the demo's own historical orders, so that intake classifies from the first request.
/// </summary>
public sealed class DemoClassifierSetup(LinliDbContext db, TrainClassifierHandler trainer)
{
    private static readonly (string Code, string Keywords)[] Keywords =
    [
        ("0101", "物业,物业费,保安,门禁,楼道卫生,物业公司,管家"),
        ("0102", "漏水,渗水,滴水,屋顶漏,墙面渗,防水,天花板"),
        ("0103", "电梯,困人,停运,电梯故障,电梯异响,轿厢"),
        ("0104", "路灯,井盖,下水道,管网,排水,市政,窨井"),
        ("0201", "垃圾,卫生,清扫,异味,脏乱,保洁"),
        ("0202", "噪音,噪声,扰民,吵闹,施工声,广场舞,夜间施工"),
        ("0203", "垃圾分类,分类投放,厨余,可回收"),
        ("0301", "停车,车位,乱停,占道停车,挪车,充电桩"),
        ("0302", "路面,坑洼,道路破损,塌陷,人行道破损"),
        ("0401", "邻居,纠纷,矛盾,吵架,邻里"),
        ("0402", "隐患,消防,燃气,电线,飞线,安全"),
        ("0403", "违建,违章,搭建,私搭乱建,加盖"),
        ("0501", "老人,养老,助餐,独居,高龄"),
        ("0502", "停水,供水,暖气,供暖,水压,热水"),
    ];

    public async Task PrepareAsync(CancellationToken ct)
    {
        if (!await db.KeywordRules.AnyAsync(ct))
        {
            foreach (var (code, keywords) in Keywords)
            {
                db.KeywordRules.Add(new KeywordRule { Id = DemoIds.For("keywords:" + code), CategoryId = DemoIds.For("category:" + code), Keywords = keywords });
            }
            await db.SaveChangesAsync(ct);
        }
        if (!await db.ClassifierModels.AnyAsync(ct))
        {
            await trainer.RetrainAsync(ActiveClassifier.CategoryTarget, ct);
            await trainer.RetrainAsync(ActiveClassifier.UrgencyTarget, ct);
        }
    }
}

using Linli.Classification.Data;

namespace Linli.Classification.Tests.Support;

/// <summary>Hand-built messages whose classes share no topic words, so any working classifier separates them.</summary>
public static class TinyCorpus
{
    public const string Roads = "交通运输";
    public const string Schools = "教育文体";
    public const string Environment = "环境保护";

    public static IReadOnlyList<LabeledText> Examples { get; } = Build();

    private static List<LabeledText> Build()
    {
        var places = new[] { "A市", "A1区", "A2区", "A3区", "B市", "A4区" };
        var roads = new[] { "公交车站台损坏", "道路拥堵红绿灯故障", "公交线路停运", "出租车拒载绕路", "地铁站台拥挤" };
        var schools = new[] { "学校违规补课收费", "幼儿园学位不足", "老师体罚学生", "中学食堂卫生差", "学校招生不公平" };
        var environment = new[] { "工厂排放污水", "夜间施工噪音扰民", "垃圾焚烧气味刺鼻", "河道污染严重", "工地扬尘污染空气" };
        var result = new List<LabeledText>();
        for (var i = 0; i < 15; i++)
        {
            var place = places[i % places.Length];
            result.Add(new LabeledText($"{place}{roads[i % roads.Length]}", $"{place}的{roads[(i + 1) % roads.Length]}，希望交通部门尽快处理公交和道路问题。", Roads));
            result.Add(new LabeledText($"{place}{schools[i % schools.Length]}", i % 3 == 0 ? null : $"{place}的{schools[(i + 2) % schools.Length]}，请教育局关注学校和学生。", Schools));
            result.Add(new LabeledText($"{place}{environment[i % environment.Length]}", $"{place}{environment[(i + 3) % environment.Length]}，请环保部门查处污染。", Environment));
        }

        return result;
    }
}

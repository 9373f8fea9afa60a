using System.Globalization;
using System.Text;

namespace Linli.Web.Features.Duplicates;

/// <summary>
/// Character-bigram cosine similarity for short Chinese texts: no segmentation needed, robust to word order.
/// Digits are kept (楼号 and 单元 matter: "3号楼" and "5号楼" are different incidents); punctuation and spaces are dropped.
/// </summary>
public static class TextSimilarity
{
    private static readonly HashSet<string> Stop = ["我们", "你们", "请问", "您好", "谢谢", "希望", "尽快", "处理", "解决", "反映", "问题", "一下", "相关", "部门"];

    public static Dictionary<string, int> Profile(string? title, string text)
    {
        var normalized = Normalize((title ?? "") + "。" + text);
        var profile = new Dictionary<string, int>();
        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            if (normalized[i] == '|' || normalized[i + 1] == '|')
            {
                continue;
            }
            var bigram = normalized.Substring(i, 2);
            if (!Stop.Contains(bigram))
            {
                profile[bigram] = profile.GetValueOrDefault(bigram) + 1;
            }
        }
        return profile;
    }

    public static double Cosine(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (key, count) in small)
        {
            if (large.TryGetValue(key, out var other))
            {
                dot += count * other;
            }
        }
        return dot / (Norm(a) * Norm(b));
    }

    private static double Norm(Dictionary<string, int> profile) => Math.Sqrt(profile.Values.Sum(v => (double)v * v));

    /// <summary>Full-width to half-width, lower case, and every run of punctuation or space becomes one separator.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '|')
            {
                builder.Append('|');
            }
        }
        return builder.ToString();
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Linli.Web.Features.Duplicates;

namespace Linli.Web.Tests.Features.Duplicates;

/// <summary>The bigram cosine behind duplicate detection: what it ignores, what it keeps, and that it agrees with the plain definition.</summary>
public class TextSimilarityTests
{
    private static double Similarity(string a, string b) => TextSimilarity.Cosine(TextSimilarity.Profile(null, a), TextSimilarity.Profile(null, b));

    [Fact]
    public void Identical_texts_are_fully_similar() =>
        Similarity("5号楼电梯停了，老人下不了楼，请尽快修", "5号楼电梯停了，老人下不了楼，请尽快修").ShouldBe(1, 1e-12);

    [Fact]
    public void Texts_without_a_common_bigram_are_not_similar() =>
        Similarity("电梯按钮失灵", "垃圾桶满了没人清运").ShouldBe(0);

    [Fact]
    public void An_empty_text_is_similar_to_nothing()
    {
        Similarity("", "电梯停了").ShouldBe(0);
        Similarity("！？。", "电梯停了").ShouldBe(0);
        TextSimilarity.Profile(null, "").Count.ShouldBe(0);
    }

    [Fact]
    public void Punctuation_spaces_width_and_case_do_not_matter()
    {
        Similarity("５号楼电梯停了！！老人下不了楼", "5号楼电梯停了, 老人下不了楼 ").ShouldBe(1, 1e-12);
        Similarity("ＡＢＣ小区\u3000ＷｉＦｉ坏了", "abc小区 wifi坏了").ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Building_numbers_tell_incidents_apart()
    {
        var third = TextSimilarity.Profile(null, "3号楼电梯停了");
        var fifth = TextSimilarity.Profile(null, "5号楼电梯停了");

        TextSimilarity.Cosine(third, fifth).ShouldBeLessThan(1);
        third.CountOf('3', '号').ShouldBe(1);
        fifth.CountOf('3', '号').ShouldBe(0);
        fifth.CountOf('5', '号').ShouldBe(1);
    }

    [Fact]
    public void Stop_bigrams_are_ignored()
    {
        var profile = TextSimilarity.Profile(null, "希望尽快处理");

        profile.CountOf('希', '望').ShouldBe(0);
        profile.CountOf('尽', '快').ShouldBe(0);
        profile.CountOf('处', '理').ShouldBe(0);
        profile.CountOf('望', '尽').ShouldBe(1);
        Similarity("您好，谢谢", "您好，谢谢").ShouldBe(0);
        Similarity("电梯坏了。您好，谢谢", "电梯坏了").ShouldBe(1, 1e-12);
    }

    [Theory]
    [InlineData("我们")]
    [InlineData("你们")]
    [InlineData("请问")]
    [InlineData("您好")]
    [InlineData("谢谢")]
    [InlineData("希望")]
    [InlineData("尽快")]
    [InlineData("处理")]
    [InlineData("解决")]
    [InlineData("反映")]
    [InlineData("问题")]
    [InlineData("一下")]
    [InlineData("相关")]
    [InlineData("部门")]
    public void Every_stop_bigram_is_ignored(string stop)
    {
        var profile = TextSimilarity.Profile(stop, $"电梯{stop}电梯，{stop}");
        profile.CountOf(stop[0], stop[1]).ShouldBe(0);
        profile.CountOf('电', '梯').ShouldBe(2);
    }

    [Fact]
    public void No_bigram_crosses_a_break_or_the_end_of_the_title()
    {
        TextSimilarity.Profile(null, "电梯，坏了").CountOf('梯', '坏').ShouldBe(0);
        TextSimilarity.Profile("电梯", "坏了").CountOf('梯', '坏').ShouldBe(0);
        TextSimilarity.Profile("电梯", "坏了").CountOf('电', '梯').ShouldBe(1);
    }

    [Fact]
    public void Repeated_bigrams_are_counted()
    {
        var profile = TextSimilarity.Profile(null, "停电停电停电");
        profile.CountOf('停', '电').ShouldBe(3);
        profile.CountOf('电', '停').ShouldBe(2);
        profile.Norm.ShouldBe(Math.Sqrt(13), 1e-12);
    }

    [Fact]
    public void Folding_a_character_agrees_with_the_framework_for_every_utf16_unit()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var expected = char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter ? char.ToLowerInvariant(c) : -1;
            if (TextSimilarity.Fold(c) != expected)
            {
                Assert.Fail($"U+{i:X4}: folded to {TextSimilarity.Fold(c)}, expected {expected}");
            }
        }
    }

    [Fact]
    public void Characters_taken_as_stable_need_no_normalisation()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (!TextSimilarity.IsStable(c) || char.IsSurrogate(c))
            {
                continue;
            }
            var alone = c.ToString();
            alone.Normalize(NormalizationForm.FormKD).ShouldBe(alone, $"U+{i:X4} has a decomposition");
            char.GetUnicodeCategory(c).ShouldNotBeOneOf(UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark);
            // Not the second half of any composition: it stays itself after a letter, a Hangul lead or a Hangul syllable.
            foreach (var before in new[] { "a", "e", "\u1100", "가", "が" })
            {
                (before + alone).IsNormalized(NormalizationForm.FormKC).ShouldBeTrue($"U+{i:X4} after {before}");
            }
        }
    }

    [Fact]
    public void Full_width_forms_fold_to_their_nfkc_mapping()
    {
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            c.ToString().Normalize(NormalizationForm.FormKC).ShouldBe(((char)(c - 0xFEE0)).ToString());
        }
        "\u3000".Normalize(NormalizationForm.FormKC).ShouldBe(" ");
    }

    [Fact]
    public void Agrees_with_the_dictionary_definition_on_awkward_texts()
    {
        string?[] titles = [null, "", "电梯故障", "ＷｉＦｉ信号差", "Ⅻ号楼①单元"];
        string[] texts =
        [
            "5号楼电梯停了，老人下不了楼，请尽快修",
            "５号楼的电梯又停了！！家里老人下不了楼。",
            "㈱物业公司不作为，ｶﾀｶﾅ半角，Café と café",
            "e\u0301 vs é, Ａ\u0301 vs Á, İstanbul ǅ ß",
            "emoji 😀 between 汉字😀汉字 and 𠀋𠀋 (surrogates)",
            "我们希望相关部门尽快处理解决这个问题，谢谢！",
            new string('停', 1500) + "电" + new string('电', 3000),
        ];
        var samples = titles.SelectMany(t => texts.Select(x => (t, x))).ToList();

        AssertAgreement(samples);
    }

    [ComplaintDataFact]
    public void Agrees_with_the_dictionary_definition_on_real_complaints()
    {
        var rows = ReadComplaints(ComplaintDataFactAttribute.TrainCsv!, 60);
        rows.Count.ShouldBeGreaterThan(10);

        AssertAgreement(rows);
    }

    private static void AssertAgreement(IReadOnlyList<(string? Title, string Text)> samples)
    {
        var fast = samples.Select(s => TextSimilarity.Profile(s.Title, s.Text)).ToList();
        var reference = samples.Select(s => Reference.Profile(s.Title, s.Text)).ToList();
        for (var i = 0; i < samples.Count; i++)
        {
            fast[i].Count.ShouldBe(reference[i].Count, $"distinct bigrams of sample {i}");
            for (var j = 0; j < samples.Count; j++)
            {
                TextSimilarity.Cosine(fast[i], fast[j]).ShouldBe(Reference.Cosine(reference[i], reference[j]), 1e-12, $"samples {i} and {j}");
            }
        }
    }

    /// <summary>Reads the title and detail of the first rows of the complaint CSV (quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<(string? Title, string Text)> ReadComplaints(string path, int take)
    {
        var content = File.ReadAllText(path);
        var rows = new List<(string?, string)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var header = true;
        for (var i = 0; i < content.Length && rows.Count < take; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                if (!header && fields.Count >= 3)
                {
                    rows.Add((fields[1], fields[2]));
                }
                header = false;
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }

    /// <summary>The straightforward definition (a dictionary of substrings), kept here as the oracle for the fast one.</summary>
    private static class Reference
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
            double dot = 0;
            foreach (var (key, count) in a)
            {
                if (b.TryGetValue(key, out var other))
                {
                    dot += count * other;
                }
            }
            return dot / (Norm(a) * Norm(b));
        }

        private static double Norm(Dictionary<string, int> profile) => Math.Sqrt(profile.Values.Sum(v => (double)v * v));

        private static string Normalize(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormKC))
            {
                if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)
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
}

/// <summary>
/// A fact that needs the public complaint data set, which lives beside the repository and never inside it (no licence to
/// redistribute); skipped with the reason when it is absent.
/// </summary>
public sealed class ComplaintDataFactAttribute : FactAttribute
{
    public const string RelativePath = "shared/data/complaints/train.csv";

    public static string? TrainCsv { get; } = Locate();

    public ComplaintDataFactAttribute()
    {
        if (TrainCsv is null)
        {
            Skip = $"Complaint data not found: no '{RelativePath}' in any directory above the test binaries or sources; " +
                "put the data set beside the repository to compare with real complaints.";
        }
    }

    // Binaries may live outside the tree (LINLI_BUILD_SLOT puts them under /tmp), so the search also starts from this source file.
    private static string? Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
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

using Linli.Classification.Text;

namespace Linli.Classification.Tests.Text;

public class WordSegmenterTests
{
    [Theory]
    [InlineData("我来到北京清华大学", "我/来到/北京/清华大学")]
    [InlineData("小区物业公司违规收取停车费", "小区/物业/公司/违规/收取/停车费")]
    [InlineData("业主多次投诉，无果！", "业主/多次/投诉/|/无果")]
    [InlineData("A3区wifi信号差", "a0/区/wifi/信号/差")]
    public void Segment_TakesJiebasMaximumProbabilityRoute(string text, string expected)
    {
        Segment(text).ShouldBe(expected);
    }

    [Fact]
    public void Segment_CharactersNoWordCovers_StandAlone()
    {
        Segment("鱻龘").ShouldBe("鱻/龘");
    }

    [Fact]
    public void Default_HoldsJiebasWordList()
    {
        WordDictionary.Default.WordCount.ShouldBeGreaterThan(130_000);
        WordDictionary.Default.TryLookup(Hash("北京"), out var word).ShouldBeTrue();
        float.IsNaN(word).ShouldBeFalse();
        word.ShouldBeLessThan(0);
    }

    [Fact]
    public void Read_KnowsPrefixesApartFromWords()
    {
        var dictionary = WordDictionary.Read(new StringReader("total 100\n停车费 10\n停车 20\n"));
        dictionary.TryLookup(Hash("停车费"), out var fee).ShouldBeTrue();
        fee.ShouldBe((float)Math.Log(0.1), tolerance: 1e-6);
        dictionary.TryLookup(Hash("停"), out var prefix).ShouldBeTrue();
        float.IsNaN(prefix).ShouldBeTrue();
        dictionary.TryLookup(Hash("车费"), out _).ShouldBeFalse();
    }

    private static string Segment(string text)
    {
        var buffer = new char[text.Length];
        var normalized = buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer, maskDigits: true, maskLatin: false));
        var tokens = new (int Start, int Length)[2];
        var count = new WordSegmenter().Segment(WordDictionary.Default, normalized, ref tokens);
        var words = new List<string>();
        for (var i = 0; i < count; i++)
        {
            words.Add(tokens[i].Length == 0 ? "|" : normalized.Slice(tokens[i].Start, tokens[i].Length).ToString());
        }

        return string.Join('/', words);
    }

    private static ulong Hash(string word)
    {
        var state = WordDictionary.Start;
        foreach (var c in word)
        {
            state = WordDictionary.Extend(state, c);
        }

        return state;
    }
}

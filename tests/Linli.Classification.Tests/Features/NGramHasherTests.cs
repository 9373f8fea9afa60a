using Linli.Classification.Features;

namespace Linli.Classification.Tests.Features;

public class NGramHasherTests
{
    private static ulong[] Hashes(string normalized, int minN, int maxN, int field = 0)
    {
        var buffer = new HashBuffer();
        NGramHasher.Append(normalized, minN, maxN, NGramHasher.FieldSalt(field), buffer);
        return buffer.Items.ToArray();
    }

    [Fact]
    public void Append_EmitsEveryNGramInRange()
    {
        // 3 unigrams + 2 bigrams + 1 trigram.
        Hashes("路灯坏", 1, 3).Length.ShouldBe(6);
        Hashes("路灯坏", 2, 3).Length.ShouldBe(3);
    }

    [Fact]
    public void Append_NeverSpansABoundary()
    {
        // "路灯" and "坏了" give 2 + 1 each; nothing crosses the space.
        Hashes("路灯 坏了", 1, 3).Length.ShouldBe(6);
    }

    [Fact]
    public void Append_SameNGramSameHash_DifferentFieldDifferentHash()
    {
        var first = Hashes("噪音", 2, 2);
        var again = Hashes("夜间噪音", 2, 2);
        again.ShouldContain(first[0]);
        Hashes("噪音", 2, 2, field: 1)[0].ShouldNotBe(first[0]);
    }

    [Fact]
    public void Append_DistinguishesNGramsOfDifferentLength()
    {
        Hashes("路路", 1, 2).Distinct().Count().ShouldBe(2);
    }
}

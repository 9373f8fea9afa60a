using Linli.Classification.Features;
using Linli.Classification.Tests.Support;
using Linli.Classification.Training;

namespace Linli.Classification.Tests.Features;

public class TextFeaturizerTests
{
    private static readonly FeatureSettings Settings = new() { TitleWeight = 0.5, BodyWeight = 1.0, WordWeight = 0.5 };

    [Fact]
    public void Featurize_EachFieldIsL2NormalizedToItsWeight()
    {
        var featurizer = FeatureMatrixBuilder.BuildFeaturizer(Settings, TinyCorpus.Examples, parallelism: 1);
        var scratch = new FeatureScratch();
        featurizer.Featurize("A1区公交车站台损坏", "公交车站台损坏，希望交通部门尽快处理。", scratch);

        var values = scratch.Values.AsSpan(0, scratch.Count).ToArray();
        var total = values.Sum(v => (double)v * v);

        // Title space has norm 0.5, body space norm 1, word space norm 0.5; the three are disjoint.
        total.ShouldBe((0.5 * 0.5) + 1.0 + (0.5 * 0.5), tolerance: 1e-5);
        scratch.Indices.AsSpan(0, scratch.Count).ToArray().Distinct().Count().ShouldBe(scratch.Count);
    }

    [Fact]
    public void Featurize_WordSpaceAddsDictionaryWords_AndCanBeTurnedOff()
    {
        var withWords = FeatureMatrixBuilder.BuildFeaturizer(Settings, TinyCorpus.Examples, parallelism: 1);
        var withoutWords = FeatureMatrixBuilder.BuildFeaturizer(Settings with { WordWeight = 0 }, TinyCorpus.Examples, parallelism: 1);
        withWords.Dimension.ShouldBeGreaterThan(withoutWords.Dimension);

        var scratch = new FeatureScratch();
        withoutWords.Featurize("A1区公交车站台损坏", null, scratch);
        var total = scratch.Values.AsSpan(0, scratch.Count).ToArray().Sum(v => (double)v * v);
        total.ShouldBe((0.5 * 0.5) + 1.0, tolerance: 1e-5);
    }

    [Fact]
    public void Featurize_UnknownText_GivesAnEmptyVector()
    {
        var featurizer = FeatureMatrixBuilder.BuildFeaturizer(Settings, TinyCorpus.Examples, parallelism: 1);
        var scratch = new FeatureScratch();
        featurizer.Featurize("ΩΨΦ", null, scratch);
        scratch.Count.ShouldBe(0);
    }

    [Fact]
    public void BuildFeaturizer_DropsNGramsBelowMinimumDocumentFrequency()
    {
        var loose = FeatureMatrixBuilder.BuildFeaturizer(Settings with { MinDocumentFrequency = 1 }, TinyCorpus.Examples, parallelism: 1);
        var strict = FeatureMatrixBuilder.BuildFeaturizer(Settings with { MinDocumentFrequency = 10 }, TinyCorpus.Examples, parallelism: 1);
        strict.Dimension.ShouldBeLessThan(loose.Dimension);
        strict.Dimension.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void BuildFeaturizer_DoesNotDependOnParallelism()
    {
        var one = FeatureMatrixBuilder.BuildFeaturizer(Settings, TinyCorpus.Examples, parallelism: 1);
        var four = FeatureMatrixBuilder.BuildFeaturizer(Settings, TinyCorpus.Examples, parallelism: 4);
        four.Keys.ToArray().ShouldBe(one.Keys.ToArray());
        four.Idf.ToArray().ShouldBe(one.Idf.ToArray());
    }

    [Fact]
    public void HashIndex_FindsEveryKeyAndRejectsOthers()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var index = new HashIndex(keys);
        for (var i = 0; i < keys.Length; i++)
        {
            index.TryGetValue(keys[i], out var value).ShouldBeTrue();
            value.ShouldBe(i);
        }

        index.TryGetValue(12345, out _).ShouldBeFalse();
    }
}

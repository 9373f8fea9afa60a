using Linli.Classification.Model;
using Linli.Classification.Tests.Support;

namespace Linli.Classification.Tests.Model;

public class ClassifierModelFileTests
{
    private static readonly Lazy<TextClassifier> Tiny = new(() => Models.Train(TinyCorpus.Examples));

    [Fact]
    public void SaveThenLoad_GivesIdenticalPredictionsAndMetadata()
    {
        var loaded = Models.Load(Models.Bytes(Tiny.Value));

        loaded.Metadata.ModelVersion.ShouldBe(Tiny.Value.Metadata.ModelVersion);
        loaded.Metadata.CreatedAt.ShouldBe(Tiny.Value.Metadata.CreatedAt);
        loaded.Metadata.Options.ShouldBe(Tiny.Value.Metadata.Options);
        loaded.Labels.ShouldBe(Tiny.Value.Labels);
        foreach (var e in TinyCorpus.Examples)
        {
            loaded.Predict(e.Title, e.Detail).Top.ShouldBe(Tiny.Value.Predict(e.Title, e.Detail).Top);
        }
    }

    [Fact]
    public void SaveLoadSave_IsByteIdentical()
    {
        var bytes = Models.Bytes(Tiny.Value);
        Models.Bytes(Models.Load(bytes)).ShouldBe(bytes);
    }

    [Fact]
    public void Save_StartsWithMagicAndAReadableHeader()
    {
        var bytes = Models.Bytes(Tiny.Value);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("LLTC");
        BitConverter.ToInt32(bytes, 4).ShouldBe(ClassifierModelFile.FormatVersion);
        var header = System.Text.Encoding.UTF8.GetString(bytes, 12, BitConverter.ToInt32(bytes, 8));
        header.ShouldContain("\"ModelVersion\":\"test-1\"");
        header.ShouldContain(TinyCorpus.Roads);
    }

    [Fact]
    public void Load_Version2File_ReadsAsAnUnstackedModelWithTheSamePredictions()
    {
        var unstacked = Models.Train(TinyCorpus.Examples, new TextClassifierOptions { Stacking = false });
        var bytes = Models.Bytes(unstacked);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), 2).ShouldBeTrue();
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - sizeof(ulong)), Fnv1a(bytes.AsSpan(0, bytes.Length - sizeof(ulong)))).ShouldBeTrue();

        var loaded = Models.Load(bytes);

        loaded.Metadata.Options.Stacking.ShouldBeFalse();
        loaded.Metadata.Options.PairwiseModels.ShouldBeFalse();
        foreach (var e in TinyCorpus.Examples)
        {
            loaded.Predict(e.Title, e.Detail).Top.ShouldBe(unstacked.Predict(e.Title, e.Detail).Top);
        }
    }

    [Fact]
    public void Load_DamagedFile_Throws()
    {
        var bytes = Models.Bytes(Tiny.Value);
        bytes[bytes.Length / 2] ^= 0xFF;
        Should.Throw<InvalidDataException>(() => Models.Load(bytes)).Message.ShouldContain("checksum");
    }

    [Fact]
    public void Load_NotAModel_Throws()
    {
        Should.Throw<InvalidDataException>(() => Models.Load(new byte[64])).Message.ShouldContain("magic");
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h;
    }
}

using Linli.Classification.Data;
using Linli.Classification.Model;

namespace Linli.Classification.Tests.Support;

public static class Models
{
    public static readonly ModelStamp Stamp = new("test-1", new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    public static TextClassifier Train(IReadOnlyList<LabeledText> examples, TextClassifierOptions? options = null) =>
        new TextClassifierTrainer(options ?? new TextClassifierOptions()).Train(examples, Stamp);

    public static byte[] Bytes(TextClassifier classifier)
    {
        using var stream = new MemoryStream();
        ClassifierModelFile.Save(classifier, stream);
        return stream.ToArray();
    }

    public static TextClassifier Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return ClassifierModelFile.Load(stream);
    }
}

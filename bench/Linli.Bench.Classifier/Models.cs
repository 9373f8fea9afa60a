using Linli.Classification;
using Linli.Classification.Model;

namespace Linli.Bench.Classifier;

internal static class Models
{
    /// <summary>Size of the saved model file in bytes.</summary>
    public static long Size(TextClassifier classifier)
    {
        using var stream = new MemoryStream();
        ClassifierModelFile.Save(classifier, stream);
        return stream.Length;
    }
}

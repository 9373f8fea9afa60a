using Linli.Classification.Text;

namespace Linli.Bench.Classifier;

/// <summary>Shows how the word space segments a text (<c>--segment TEXT</c>): normalized words separated by " / ".</summary>
internal static class Segmentation
{
    public static string Show(string text)
    {
        var buffer = new char[text.Length];
        var normalized = buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer, maskDigits: true, maskLatin: false));
        var tokens = new (int Start, int Length)[16];
        var count = new WordSegmenter().Segment(WordDictionary.Default, normalized, ref tokens);
        var words = new List<string>();
        for (var i = 0; i < count; i++)
        {
            words.Add(tokens[i].Length == 0 ? "|" : normalized.Slice(tokens[i].Start, tokens[i].Length).ToString());
        }

        return string.Join(" / ", words);
    }
}

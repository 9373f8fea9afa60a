namespace Linli.Classification.Features;

/// <summary>
/// Per-thread working memory for featurization, so that classifying a message allocates only its result.
/// </summary>
internal sealed class FeatureScratch
{
    private int[] _counts = [];

    public char[] Chars { get; private set; } = new char[512];

    public HashBuffer TitleHashes { get; } = new();

    public HashBuffer BodyHashes { get; } = new();

    public HashBuffer WordHashes { get; } = new();

    public Text.WordSegmenter Segmenter { get; } = new();

    public (int Start, int Length)[] Tokens = new (int, int)[256];

    /// <summary>The normalized title, kept while the body is normalized into <see cref="Chars"/>.</summary>
    public char[] TitleChars { get; private set; } = new char[128];

    public Span<char> TitleBuffer(int length)
    {
        if (TitleChars.Length < length)
        {
            TitleChars = new char[Math.Max(length, TitleChars.Length * 2)];
        }

        return TitleChars.AsSpan(0, length);
    }

    public int[] Indices { get; private set; } = new int[1024];

    public float[] Values { get; private set; } = new float[1024];

    public int Count { get; set; }

    /// <summary>Dense counts over the vocabulary; always left all-zero between uses.</summary>
    public int[] Counts(int vocabularySize)
    {
        if (_counts.Length < vocabularySize)
        {
            _counts = new int[vocabularySize];
        }

        return _counts;
    }

    public Span<char> CharBuffer(int length)
    {
        if (Chars.Length < length)
        {
            Chars = new char[Math.Max(length, Chars.Length * 2)];
        }

        return Chars.AsSpan(0, length);
    }

    public void EnsureFeatureCapacity(int capacity)
    {
        if (Indices.Length < capacity)
        {
            var size = Math.Max(capacity, Indices.Length * 2);
            var indices = new int[size];
            var values = new float[size];
            Indices.AsSpan(0, Count).CopyTo(indices);
            Values.AsSpan(0, Count).CopyTo(values);
            Indices = indices;
            Values = values;
        }
    }
}

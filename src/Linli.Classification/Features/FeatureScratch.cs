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

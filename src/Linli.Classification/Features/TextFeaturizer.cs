using Linli.Classification.Text;

namespace Linli.Classification.Features;

/// <summary>
/// Character n-gram TF-IDF over two feature spaces: the title alone and the body (detail, and by
/// default the title again). Each space is l2-normalized and then scaled by its weight, so a short
/// but telling title is not drowned by a long detail.
/// </summary>
internal sealed class TextFeaturizer
{
    private readonly HashIndex _index;
    private readonly float[] _idf;
    private readonly ulong[] _keys;

    private TextFeaturizer(FeatureSettings settings, ulong[] keys, float[] idf)
    {
        Settings = settings;
        _keys = keys;
        _idf = idf;
        _index = new HashIndex(keys);
    }

    public FeatureSettings Settings { get; }

    public int Dimension => _idf.Length;

    /// <summary>Sorted n-gram hashes; a feature's index is its position here.</summary>
    public ReadOnlySpan<ulong> Keys => _keys;

    public ReadOnlySpan<float> Idf => _idf;

    public static TextFeaturizer FromSaved(FeatureSettings settings, ulong[] keys, float[] idf)
    {
        if (keys.Length != idf.Length)
        {
            throw new ArgumentException("keys and idf must have the same length.", nameof(idf));
        }

        return new TextFeaturizer(settings, keys, idf);
    }

    /// <summary>Fills the scratch's title, body and word hash buffers for one message.</summary>
    public static void CollectHashes(FeatureSettings settings, string title, string? detail, FeatureScratch scratch)
    {
        scratch.TitleHashes.Clear();
        scratch.BodyHashes.Clear();
        scratch.WordHashes.Clear();
        var titleSalt = NGramHasher.FieldSalt(0);
        var bodySalt = NGramHasher.FieldSalt(1);
        var wordSalt = NGramHasher.FieldSalt(2);
        var words = settings.WordWeight > 0 ? WordDictionary.Default : null;

        var normalizedTitle = scratch.TitleBuffer(title.Length);
        normalizedTitle = normalizedTitle[..TextNormalizer.Normalize(title, normalizedTitle, settings.MaskDigits, settings.MaskLatin)];
        if (settings.TitleWeight > 0)
        {
            NGramHasher.Append(normalizedTitle, settings.MinNGram, settings.EffectiveTitleMaxNGram, titleSalt, scratch.TitleHashes);
        }

        if (settings.BodyWeight > 0 && settings.BodyIncludesTitle)
        {
            NGramHasher.Append(normalizedTitle, settings.MinNGram, settings.MaxNGram, bodySalt, scratch.BodyHashes);
        }

        if (words is not null)
        {
            AppendWords(settings, words, normalizedTitle, wordSalt, scratch);
        }

        var body = detail.AsSpan(0, Math.Min(detail?.Length ?? 0, settings.MaxDetailLength));
        if (body.IsEmpty || (settings.BodyWeight <= 0 && words is null))
        {
            return;
        }

        var buffer = scratch.CharBuffer(body.Length);
        var normalizedBody = buffer[..TextNormalizer.Normalize(body, buffer, settings.MaskDigits, settings.MaskLatin)];
        if (settings.BodyWeight > 0)
        {
            NGramHasher.Append(normalizedBody, settings.MinNGram, settings.MaxNGram, bodySalt, scratch.BodyHashes);
        }

        if (words is not null)
        {
            AppendWords(settings, words, normalizedBody, wordSalt, scratch);
        }
    }

    private static void AppendWords(FeatureSettings settings, WordDictionary words, ReadOnlySpan<char> normalized, ulong salt, FeatureScratch scratch)
    {
        var count = scratch.Segmenter.Segment(words, normalized, ref scratch.Tokens);
        NGramHasher.AppendWords(normalized, scratch.Tokens.AsSpan(0, count), settings.WordMinLength, settings.WordBigrams, salt, scratch.WordHashes);
    }

    /// <summary>
    /// Keeps the n-grams found in at least MinDocumentFrequency of <paramref name="documents"/> messages
    /// and gives them the smoothed IDF ln((1 + n) / (1 + df)) + 1. <paramref name="distinctPerDocument"/>
    /// holds every message's distinct hashes, so after sorting, a hash's run length is its document frequency.
    /// </summary>
    public static TextFeaturizer Build(FeatureSettings settings, ulong[] distinctPerDocument, int count, int documents)
    {
        Array.Sort(distinctPerDocument, 0, count);
        var keys = new List<ulong>();
        var idf = new List<float>();
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && distinctPerDocument[end] == distinctPerDocument[start])
            {
                end++;
            }

            var df = end - start;
            if (df >= settings.MinDocumentFrequency)
            {
                keys.Add(distinctPerDocument[start]);
                idf.Add((float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0));
            }

            start = end;
        }

        return new TextFeaturizer(settings, [.. keys], [.. idf]);
    }

    /// <summary>Appends the distinct hashes of the message last collected into the scratch.</summary>
    public static void AppendDistinct(FeatureScratch scratch, List<ulong> sink)
    {
        var all = new ulong[scratch.TitleHashes.Count + scratch.BodyHashes.Count + scratch.WordHashes.Count];
        scratch.TitleHashes.Items.CopyTo(all);
        scratch.BodyHashes.Items.CopyTo(all.AsSpan(scratch.TitleHashes.Count));
        scratch.WordHashes.Items.CopyTo(all.AsSpan(scratch.TitleHashes.Count + scratch.BodyHashes.Count));
        Array.Sort(all);
        for (var i = 0; i < all.Length; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
            {
                sink.Add(all[i]);
            }
        }
    }

    /// <summary>Featurizes one message into the scratch's Indices/Values (Count entries).</summary>
    public void Featurize(string title, string? detail, FeatureScratch scratch)
    {
        CollectHashes(Settings, title, detail, scratch);
        Vectorize(scratch);
    }

    /// <summary>Turns the hashes already collected in the scratch into the weighted TF-IDF vector.</summary>
    public void Vectorize(FeatureScratch scratch)
    {
        scratch.Count = 0;
        var counts = scratch.Counts(Dimension);
        AddField(scratch.TitleHashes.Items, Settings.TitleWeight, counts, scratch);
        AddField(scratch.BodyHashes.Items, Settings.BodyWeight, counts, scratch);
        AddField(scratch.WordHashes.Items, Settings.WordWeight, counts, scratch);
    }

    private void AddField(ReadOnlySpan<ulong> hashes, double weight, int[] counts, FeatureScratch scratch)
    {
        if (weight <= 0 || hashes.IsEmpty)
        {
            return;
        }

        var first = scratch.Count;
        scratch.EnsureFeatureCapacity(first + hashes.Length);
        var indices = scratch.Indices;
        var end = first;
        foreach (var h in hashes)
        {
            if (_index.TryGetValue(h, out var index) && counts[index]++ == 0)
            {
                indices[end++] = index;
            }
        }

        // Ascending indices give the dot products a fixed order and friendlier memory access.
        Array.Sort(indices, first, end - first);
        var values = scratch.Values;
        var sumSquares = 0.0;
        for (var i = first; i < end; i++)
        {
            var index = indices[i];
            var tf = counts[index];
            counts[index] = 0;
            var v = (Settings.SublinearTf ? 1.0 + Math.Log(tf) : tf) * _idf[index];
            values[i] = (float)v;
            sumSquares += v * v;
        }

        if (sumSquares > 0)
        {
            var scale = (float)(weight / Math.Sqrt(sumSquares));
            for (var i = first; i < end; i++)
            {
                values[i] *= scale;
            }
        }

        scratch.Count = end;
    }
}

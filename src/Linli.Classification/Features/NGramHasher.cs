using Linli.Classification.Text;

namespace Linli.Classification.Features;

/// <summary>
/// Turns normalized text into 64-bit n-gram hashes. Hashing with a per-field salt keeps title and
/// body n-grams in separate feature spaces without building strings; 64 bits make collisions
/// between the few hundred thousand n-grams of a corpus practically impossible.
/// </summary>
internal static class NGramHasher
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong FieldSalt(int field) => Mix(FnvOffset ^ ((ulong)(field + 1) * 0x9E3779B97F4A7C15UL));

    /// <summary>Appends the hash of every n-gram (minN..maxN chars) that does not span a boundary.</summary>
    public static void Append(ReadOnlySpan<char> normalized, int minN, int maxN, ulong salt, HashBuffer sink)
    {
        for (var start = 0; start < normalized.Length; start++)
        {
            var h = salt;
            var end = Math.Min(normalized.Length, start + maxN);
            for (var i = start; i < end; i++)
            {
                var c = normalized[i];
                if (c == TextNormalizer.Boundary)
                {
                    break;
                }

                h = (h ^ c) * FnvPrime;
                var n = i - start + 1;
                if (n >= minN)
                {
                    sink.Add(Mix(h ^ (ulong)n));
                }
            }
        }
    }

    /// <summary>Appends the hash of every word of at least <paramref name="minLength"/> chars and, if asked, every adjacent pair.</summary>
    public static void AppendWords(ReadOnlySpan<char> normalized, ReadOnlySpan<(int Start, int Length)> tokens, int minLength, bool pairs, ulong salt, HashBuffer sink)
    {
        var previous = 0UL;
        foreach (var (start, length) in tokens)
        {
            if (length == 0)
            {
                previous = 0;
                continue;
            }

            var h = salt;
            foreach (var c in normalized.Slice(start, length))
            {
                h = (h ^ c) * FnvPrime;
            }

            var word = Mix(h ^ (ulong)length);
            if (length >= minLength)
            {
                sink.Add(word);
            }

            if (pairs && previous != 0)
            {
                sink.Add(Mix((previous * FnvPrime) ^ word ^ 0x9E3779B97F4A7C15UL));
            }

            previous = word;
        }
    }

    // A finalizer (splitmix64) spreads FNV's weak low bits before the hash is used as a key.
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}

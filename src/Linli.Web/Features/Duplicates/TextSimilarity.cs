using System.Buffers;
using System.Globalization;
using System.Text;

namespace Linli.Web.Features.Duplicates;

/// <summary>
/// The character bigrams of a text with their counts: keys packed as <c>(first &lt;&lt; 16) | second</c>, sorted ascending,
/// so that two profiles are compared by one merge walk; the norm is computed once.
/// </summary>
public sealed class BigramProfile
{
    public static readonly BigramProfile Empty = new([], [], 0);

    private readonly uint[] keys;
    private readonly int[] counts;

    internal BigramProfile(uint[] keys, int[] counts, double norm)
    {
        this.keys = keys;
        this.counts = counts;
        Norm = norm;
    }

    /// <summary>Distinct bigrams.</summary>
    public int Count => keys.Length;

    /// <summary>Euclidean norm of the count vector.</summary>
    public double Norm { get; }

    public ReadOnlySpan<uint> Keys => keys;

    public ReadOnlySpan<int> Counts => counts;

    /// <summary>How often the bigram <paramref name="first"/><paramref name="second"/> occurs (0 when it does not).</summary>
    public int CountOf(char first, char second)
    {
        var index = Array.BinarySearch(keys, Pack(first, second));
        return index >= 0 ? counts[index] : 0;
    }

    internal static uint Pack(char first, char second) => ((uint)first << 16) | second;
}

/// <summary>
/// Character-bigram cosine similarity for short Chinese texts: no segmentation needed, robust to word order.
/// Digits are kept (楼号 and 单元 matter: "3号楼" and "5号楼" are different incidents); punctuation and spaces are dropped.
/// </summary>
/// <remarks>
/// Runs for every candidate of every intake (up to 200), so a profile is built without a string per bigram: the text is
/// normalised into a stack buffer, the bigrams are packed into integers, sorted and counted by runs.
/// </remarks>
public static class TextSimilarity
{
    // Above this size the buffers come from the pool rather than the stack (descriptions may reach 4,000 characters).
    private const int StackChars = 1024;

    private static readonly uint[] StopKeys = BuildStopKeys("我们", "你们", "请问", "您好", "谢谢", "希望", "尽快", "处理", "解决", "反映", "问题", "一下", "相关", "部门");

    // One bit per hash bucket of a stop bigram: almost every bigram is ruled out by one bit test, without a search.
    private static readonly ulong[] StopFilter = BuildStopFilter(StopKeys);

    /// <summary>
    /// The bigram profile of a title and text. Text is NFKC-normalised (full-width to half-width) and lower-cased; letters
    /// and digits are kept, and every run of anything else is a break that no bigram crosses (so is the title's end).
    /// </summary>
    public static BigramProfile Profile(string? title, string text)
    {
        title ??= "";
        var length = title.Length + 1 + text.Length;
        char[]? rentedRaw = null;
        Span<char> raw = length <= StackChars ? stackalloc char[length] : (rentedRaw = ArrayPool<char>.Shared.Rent(length));
        char[]? rentedNormalized = null;
        uint[]? rentedKeys = null;
        try
        {
            // Title and text are joined by an ideographic full stop, as a break between them.
            var stable = FoldWidth(title, raw);
            raw[title.Length] = '。';
            stable &= FoldWidth(text, raw[(title.Length + 1)..]);
            ReadOnlySpan<char> source = raw[..length];

            // After width folding most complaints are already in NFKC (often visibly so), and the normaliser rarely runs.
            if (!stable && !source.IsNormalized(NormalizationForm.FormKC))
            {
                rentedNormalized = ArrayPool<char>.Shared.Rent(source.GetNormalizedLength(NormalizationForm.FormKC));
                if (!source.TryNormalize(rentedNormalized, out var normalizedLength, NormalizationForm.FormKC))
                {
                    throw new InvalidOperationException("The normalised text outgrew its computed length.");
                }
                source = rentedNormalized.AsSpan(0, normalizedLength);
            }

            Span<uint> keys = source.Length <= StackChars ? stackalloc uint[source.Length] : (rentedKeys = ArrayPool<uint>.Shared.Rent(source.Length));
            var count = CollectBigrams(source, keys);
            return Count(keys[..count]);
        }
        finally
        {
            if (rentedRaw is not null)
            {
                ArrayPool<char>.Shared.Return(rentedRaw);
            }
            if (rentedNormalized is not null)
            {
                ArrayPool<char>.Shared.Return(rentedNormalized);
            }
            if (rentedKeys is not null)
            {
                ArrayPool<uint>.Shared.Return(rentedKeys);
            }
        }
    }

    /// <summary>Cosine of the two count vectors: 1 for the same bigrams in the same proportions, 0 for none in common.</summary>
    public static double Cosine(BigramProfile a, BigramProfile b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        ReadOnlySpan<uint> aKeys = a.Keys, bKeys = b.Keys;
        ReadOnlySpan<int> aCounts = a.Counts, bCounts = b.Counts;
        long dot = 0;
        int i = 0, j = 0;
        while (i < aKeys.Length && j < bKeys.Length)
        {
            uint x = aKeys[i], y = bKeys[j];
            if (x == y)
            {
                dot += (long)aCounts[i++] * bCounts[j++];
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return dot / (a.Norm * b.Norm);
    }

    /// <summary>
    /// Copies <paramref name="text"/>, turning full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space into
    /// their ASCII equivalents. These are exactly their NFKC mappings, and all are starters, so NFKC of the result
    /// equals NFKC of the original; it only spares the normaliser for the common full-width comma or digit.
    /// Returns false when a character outside <see cref="IsStable"/> remains, so that normalisation must be checked.
    /// </summary>
    private static bool FoldWidth(string text, Span<char> target)
    {
        var stable = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' and var wide => (char)(wide - 0xFEE0),
                '\u3000' => ' ',
                var other => other,
            };
            target[i] = c;
            stable &= IsStable(c);
        }
        return stable;
    }

    /// <summary>
    /// Characters that NFKC leaves alone in a text made only of them (no decomposition, not combining, never composed onto
    /// the character before): such a text is normalised, and even the normaliser's own check can be skipped.
    /// </summary>
    internal static bool IsStable(char c) =>
        c < '\u00A0' || c is (>= '\u4E00' and <= '\u9FFF') or '\u3001' or '\u3002' or (>= '\u3008' and <= '\u3011')
            or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2014' or '\u00B7';

    /// <summary>
    /// A character as it enters a bigram: letters and digits lower-cased invariantly, -1 for anything else (a break).
    /// Ideographs and ASCII are decided without <see cref="char.ToLowerInvariant"/>, which goes through ICU and was
    /// most of the cost; other letters only call it when they are upper- or title-case (the only ones it changes).
    /// </summary>
    internal static int Fold(char c)
    {
        if (c < '\u0080')
        {
            return c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                >= 'A' and <= 'Z' => c + ('a' - 'A'),
                _ => -1,
            };
        }
        if (c is >= '\u4E00' and <= '\u9FFF')
        {
            return c; // CJK Unified Ideographs: all OtherLetter, without case
        }
        if (!char.IsLetterOrDigit(c))
        {
            return -1;
        }
        return char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Writes the packed bigrams of adjacent kept characters, minus stop bigrams.</summary>
    private static int CollectBigrams(ReadOnlySpan<char> normalized, Span<uint> keys)
    {
        var count = 0;
        var previous = -1; // -1: at the start or just after a break
        foreach (var c in normalized)
        {
            var folded = Fold(c);
            if (folded >= 0 && previous >= 0)
            {
                var key = BigramProfile.Pack((char)previous, (char)folded);
                if (!IsStop(key))
                {
                    keys[count++] = key;
                }
            }
            previous = folded;
        }
        return count;
    }

    /// <summary>Sorts the packed bigrams and counts them by runs.</summary>
    private static BigramProfile Count(Span<uint> bigrams)
    {
        if (bigrams.IsEmpty)
        {
            return BigramProfile.Empty;
        }
        bigrams.Sort();
        var distinct = 1;
        for (var i = 1; i < bigrams.Length; i++)
        {
            if (bigrams[i] != bigrams[i - 1])
            {
                distinct++;
            }
        }
        var keys = new uint[distinct];
        var counts = new int[distinct];
        var k = 0;
        keys[0] = bigrams[0];
        counts[0] = 1;
        for (var i = 1; i < bigrams.Length; i++)
        {
            if (bigrams[i] == keys[k])
            {
                counts[k]++;
            }
            else
            {
                keys[++k] = bigrams[i];
                counts[k] = 1;
            }
        }
        double squares = 0;
        foreach (var c in counts)
        {
            squares += (double)c * c;
        }
        return new BigramProfile(keys, counts, Math.Sqrt(squares));
    }

    private static bool IsStop(uint key)
    {
        var bucket = StopBucket(key);
        return (StopFilter[bucket >> 6] & (1UL << (int)(bucket & 63))) != 0 && StopKeys.AsSpan().BinarySearch(key) >= 0;
    }

    // Fibonacci hashing into 1,024 buckets.
    private static uint StopBucket(uint key) => (key * 0x9E3779B1u) >> 22;

    private static ulong[] BuildStopFilter(uint[] keys)
    {
        var filter = new ulong[1024 / 64];
        foreach (var key in keys)
        {
            var bucket = StopBucket(key);
            filter[bucket >> 6] |= 1UL << (int)(bucket & 63);
        }
        return filter;
    }

    private static uint[] BuildStopKeys(params string[] bigrams)
    {
        var keys = bigrams.Select(b => BigramProfile.Pack(b[0], b[1])).ToArray();
        Array.Sort(keys);
        return keys;
    }
}

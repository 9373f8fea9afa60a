using System.IO.Compression;
using System.Text;

namespace Linli.Classification.Text;

/// <summary>
/// jieba's word list with frequencies (MIT; see Resources/README.md), held as an open-addressing table
/// of every word and every word prefix, keyed by a 64-bit hash of the normalized characters. A slot is
/// 8 bytes (a 32-bit fingerprint and the word's log-probability), so the ~200k entries fit in 4 MB and
/// a lookup is one cache miss.
/// </summary>
internal sealed class WordDictionary
{
    private const string ResourceName = "Linli.Classification.Resources.jieba-dict.txt.gz";
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly Lazy<WordDictionary> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Slot[] _slots;
    private readonly int _mask;

    private WordDictionary(Dictionary<ulong, float> entries, float unknownLogProbability, int words)
    {
        var capacity = 16;
        while (capacity < entries.Count * 2)
        {
            capacity <<= 1;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;

        // Sorted insertion makes the table layout (and so probe lengths) independent of hash-set order.
        var keys = entries.Keys.ToArray();
        Array.Sort(keys);
        foreach (var key in keys)
        {
            var slot = (int)key & _mask;
            while (_slots[slot].Fingerprint != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(Fingerprint(key), entries[key]);
        }

        UnknownLogProbability = unknownLogProbability;
        WordCount = words;
    }

    /// <summary>The dictionary shipped with the library, loaded once on first use (≤ 0.3 s on an idle core).</summary>
    public static WordDictionary Default => LazyDefault.Value;

    /// <summary>Log-probability given to a single character the dictionary does not know (jieba: frequency 1).</summary>
    public float UnknownLogProbability { get; }

    public int WordCount { get; }

    /// <summary>Hash state before the first character; extend it with <see cref="Extend"/>.</summary>
    public static ulong Start => FnvOffset;

    public static ulong Extend(ulong state, char c) => (state ^ c) * FnvPrime;

    /// <summary>
    /// Looks up the characters hashed so far: false when no word starts with them (stop extending);
    /// otherwise <paramref name="logProbability"/> is the word's log-probability, or NaN for a mere prefix.
    /// </summary>
    public bool TryLookup(ulong state, out float logProbability)
    {
        var key = Mix(state);
        var fingerprint = Fingerprint(key);
        var slots = _slots;
        var slot = (int)key & _mask;
        while (true)
        {
            ref readonly var entry = ref slots[slot];
            if (entry.Fingerprint == fingerprint)
            {
                logProbability = entry.LogProbability;
                return true;
            }

            if (entry.Fingerprint == 0)
            {
                logProbability = float.NaN;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Reads lines of <c>word frequency</c> after a first line <c>total N</c> (the corpus size).</summary>
    public static WordDictionary Read(TextReader reader)
    {
        var first = reader.ReadLine() ?? throw new InvalidDataException("word dictionary is empty.");
        var total = double.Parse(first.AsSpan(first.IndexOf(' ') + 1), System.Globalization.CultureInfo.InvariantCulture);
        var logTotal = Math.Log(total);
        var frequencies = new Dictionary<ulong, double>();
        var prefixes = new HashSet<ulong>();
        var buffer = new char[64];
        var words = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var word = line.AsSpan(0, space);
            if (word.Length > buffer.Length)
            {
                continue;
            }

            // Words are matched against normalized text, so they are normalized the same way.
            var length = TextNormalizer.Normalize(word, buffer, maskDigits: true, maskLatin: false);
            var normalized = buffer.AsSpan(0, length);
            if (length == 0 || normalized.Contains(TextNormalizer.Boundary))
            {
                continue;
            }

            var frequency = double.Parse(line.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture);
            var state = Start;
            for (var i = 0; i < normalized.Length; i++)
            {
                state = Extend(state, normalized[i]);
                if (i < normalized.Length - 1)
                {
                    prefixes.Add(Mix(state));
                }
            }

            var key = Mix(state);
            frequencies[key] = frequencies.GetValueOrDefault(key) + frequency;
            words++;
        }

        var entries = new Dictionary<ulong, float>(frequencies.Count + prefixes.Count);
        foreach (var prefix in prefixes)
        {
            entries[prefix] = float.NaN;
        }

        foreach (var (key, frequency) in frequencies)
        {
            // jieba ignores zero-frequency entries as words (they are prefixes only).
            entries[key] = frequency > 0 ? (float)(Math.Log(frequency) - logTotal) : float.NaN;
        }

        return new WordDictionary(entries, (float)-logTotal, words);
    }

    private static WordDictionary LoadDefault()
    {
        using var stream = typeof(WordDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Read(reader);
    }

    private static uint Fingerprint(ulong key) => (uint)(key >> 32) | 1;

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    private readonly record struct Slot(uint Fingerprint, float LogProbability);
}

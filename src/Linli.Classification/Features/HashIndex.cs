namespace Linli.Classification.Features;

/// <summary>
/// Maps n-gram hashes to feature indices with open addressing. The keys are already well-mixed
/// 64-bit hashes, so their low bits pick the slot directly; this is several times faster than a
/// Dictionary in the per-n-gram lookup that dominates classification time.
/// </summary>
internal sealed class HashIndex
{
    private const ulong Empty = 0;
    // Key and value share a slot so that a lookup costs one cache miss, not two.
    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _zeroKeyIndex = -1;

    public HashIndex(ReadOnlySpan<ulong> keys)
    {
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _entries = new Entry[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            // 0 marks an empty slot, so a key of 0 (one chance in 2^64) is kept aside.
            if (keys[i] == Empty)
            {
                _zeroKeyIndex = i;
                continue;
            }

            var slot = (int)keys[i] & _mask;
            while (_entries[slot].Key != Empty)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(keys[i], i);
        }
    }

    public bool TryGetValue(ulong key, out int value)
    {
        if (key == Empty)
        {
            value = _zeroKeyIndex;
            return value >= 0;
        }

        var entries = _entries;
        var slot = (int)key & _mask;
        while (true)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }

            if (entry.Key == Empty)
            {
                value = -1;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private readonly record struct Entry(ulong Key, int Value);
}

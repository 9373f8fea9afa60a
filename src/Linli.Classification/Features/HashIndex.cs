namespace Linli.Classification.Features;

/// <summary>
/// Maps n-gram hashes to feature indices with open addressing. The keys are already well-mixed
/// 64-bit hashes, so their low bits pick the slot directly; this is several times faster than a
/// Dictionary in the per-n-gram lookup that dominates classification time.
/// </summary>
internal sealed class HashIndex
{
    private const ulong Empty = 0;
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;
    private readonly int _zeroKeyIndex = -1;

    public HashIndex(ReadOnlySpan<ulong> keys)
    {
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _keys = new ulong[capacity];
        _values = new int[capacity];
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
            while (_keys[slot] != Empty)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = keys[i];
            _values[slot] = i;
        }
    }

    public bool TryGetValue(ulong key, out int value)
    {
        if (key == Empty)
        {
            value = _zeroKeyIndex;
            return value >= 0;
        }

        var keys = _keys;
        var slot = (int)key & _mask;
        while (true)
        {
            var k = keys[slot];
            if (k == key)
            {
                value = _values[slot];
                return true;
            }

            if (k == Empty)
            {
                value = -1;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }
}

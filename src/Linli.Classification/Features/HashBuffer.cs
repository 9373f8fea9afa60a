namespace Linli.Classification.Features;

/// <summary>A reusable growable buffer of hashes; avoids a List's per-call overhead in the hot path.</summary>
internal sealed class HashBuffer
{
    private ulong[] _items = new ulong[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Items => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(ulong value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }
}

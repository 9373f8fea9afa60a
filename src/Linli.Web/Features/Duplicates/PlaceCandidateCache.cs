using System.Collections.Concurrent;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Duplicates;

/// <summary>
/// The open, unmerged orders of each place that the duplicate check compares new reports with, kept in memory between
/// intake batches: the latest <see cref="Keep"/> of each category and of all, as of a version of the place
/// (<see cref="PlaceVersions"/>). A batch of the intake writer reads its places' versions under its place locks
/// (<see cref="View"/>); where the kept copy has that version it is what the database holds, on any instance, and no
/// candidate query runs; otherwise the place is read again. After the batch commits, its new orders are added to the copies
/// whose version it advanced by exactly one (nobody else changed the place meanwhile); the others are dropped.
/// docs/adr/0015-duplicate-candidates-in-memory.md.
/// </summary>
public sealed class PlaceCandidateCache
{
    /// <summary>How many of each category (and of all) a place keeps: as many as the duplicate check compares with.</summary>
    public const int Keep = DetectDuplicatesHandler.MaxCandidates;

    /// <summary>Places kept at most; beyond, the cache starts afresh.</summary>
    public const int MaxPlaces = 20_000;

    /// <summary>A place with more open orders in the window is not kept: its checks read the database as before.</summary>
    public const int MaxRowsRead = 5_000;

    private readonly ConcurrentDictionary<string, PlaceCandidates> _places = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>
    /// The view of a batch's orders' places (each order's building, and the compound it was placed in), whose versions
    /// <paramref name="reads"/> reads, to run in the batch's transaction and under its place locks before the view is used.
    /// </summary>
    internal PlaceCandidateView View(SqlBatch reads, IEnumerable<(Guid? Building, string? Compound)> orders)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (building, compound) in orders)
        {
            if (building is { } b)
            {
                places.Add(PlaceVersions.OfBuilding(b));
            }
            if (compound is { } c)
            {
                places.Add(PlaceVersions.OfCompound(c));
            }
        }
        return new PlaceCandidateView(this, PlaceVersions.Read(reads, places));
    }

    internal PlaceCandidates? Find(string place) => _places.GetValueOrDefault(place);

    internal void Store(string place, PlaceCandidates candidates)
    {
        if (!_places.ContainsKey(place) && Volatile.Read(ref _count) >= MaxPlaces)
        {
            _places.Clear();
            Volatile.Write(ref _count, 0);
        }
        if (_places.TryAdd(place, candidates))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _places[place] = candidates;
        }
    }

    internal void Forget(string place)
    {
        if (_places.TryRemove(place, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}

/// <summary>
/// One intake batch's look at the <see cref="PlaceCandidateCache"/>: the versions its transaction read, the places it has
/// read again, and, once it has committed, the cache brought up to date with its new orders (<see cref="Written"/>).
/// </summary>
public sealed class PlaceCandidateView
{
    private readonly PlaceCandidateCache _cache;
    private readonly Dictionary<string, long> _versions;

    internal PlaceCandidateView(PlaceCandidateCache cache, Dictionary<string, long> versions)
    {
        _cache = cache;
        _versions = versions;
    }

    /// <summary>
    /// The latest <paramref name="count"/> open, unmerged orders received since <paramref name="since"/> at the building, and
    /// those placed in the compound without a building, of the category or none (latest first; as the candidate queries of
    /// <see cref="DetectDuplicatesHandler"/> read them). Null when a place was not read by this batch or is too big to keep.
    /// </summary>
    public async Task<List<DuplicateCandidateSummary>?> AtPlaceAsync(LinliDbContext db, Guid building, string? compound, DateTime since, Guid? category,
        int count, CancellationToken ct)
    {
        if (await PlaceAsync(db, PlaceVersions.OfBuilding(building), building, null, since, ct) is not { } atBuilding)
        {
            return null;
        }
        var found = atBuilding.Latest(category, since);
        if (compound is not null)
        {
            if (await PlaceAsync(db, PlaceVersions.OfCompound(compound), null, compound, since, ct) is not { } inCompound)
            {
                return null;
            }
            found = found.Concat(inCompound.Latest(category, since));
        }
        return [.. found.OrderByDescending(c => c.ReceivedAt).Take(count)];
    }

    /// <summary>The kept open orders of a building, or of those placed in a compound without one.</summary>
    private async Task<PlaceCandidates?> PlaceAsync(LinliDbContext db, string place, Guid? building, string? compound, DateTime since, CancellationToken ct)
    {
        if (!_versions.TryGetValue(place, out var version))
        {
            return null;
        }
        if (_cache.Find(place) is { } kept && kept.Version == version && kept.Since <= since)
        {
            return kept;
        }
        // Read after the version: a change committed in between is in the rows, and its own version makes the copy stale.
        var rows = new List<DuplicateCandidateSummary>();
        var read = building is { } b
            ? DetectDuplicatesHandler.OpenAtBuilding(db, b, since, PlaceCandidateCache.MaxRowsRead + 1)
            : DetectDuplicatesHandler.OpenInCompound(db, compound!, since, PlaceCandidateCache.MaxRowsRead + 1);
        await foreach (var row in read.WithCancellation(ct))
        {
            rows.Add(row);
        }
        if (rows.Count > PlaceCandidateCache.MaxRowsRead)
        {
            _cache.Forget(place);
            return null;
        }
        var fresh = PlaceCandidates.From(version, since, rows);
        _cache.Store(place, fresh);
        return fresh;
    }

    /// <summary>
    /// After the batch's commit: <paramref name="advanced"/> are the places' versions as the batch left them; where that is
    /// one more than the version read, the kept copy gains the batch's new open orders there (with their compounds); other
    /// copies of the batch's places are dropped.
    /// </summary>
    public void Written(IEnumerable<(WorkOrder Order, string? Compound)> orders, IReadOnlyDictionary<string, long> advanced)
    {
        var added = new Dictionary<string, List<DuplicateCandidateSummary>>(StringComparer.Ordinal);
        foreach (var (order, compound) in orders)
        {
            if (order.ParentId is not null || !DetectDuplicatesHandler.IsOpen(order.Status)
                || PlaceVersions.Of(order.BuildingId, compound) is not { } place)
            {
                continue;
            }
            if (!added.TryGetValue(place, out var list))
            {
                added[place] = list = [];
            }
            list.Add(DetectDuplicatesHandler.Summary(order, inCompound: order.BuildingId is null));
        }
        foreach (var (place, version) in advanced)
        {
            if (_versions.TryGetValue(place, out var read) && version == read + 1 && _cache.Find(place) is { } kept && kept.Version == read)
            {
                _cache.Store(place, kept.With(version, added.GetValueOrDefault(place) ?? []));
            }
            else
            {
                _cache.Forget(place);
            }
        }
    }
}

/// <summary>
/// The open, unmerged orders of one place as of one version (received since <see cref="Since"/>): the latest
/// <see cref="PlaceCandidateCache.Keep"/> of each category (<see cref="Guid.Empty"/>: none), and of all. Immutable.
/// </summary>
internal sealed class PlaceCandidates
{
    private readonly Dictionary<Guid, DuplicateCandidateSummary[]> _byCategory;
    private readonly DuplicateCandidateSummary[] _latest;

    private PlaceCandidates(long version, DateTime since, Dictionary<Guid, DuplicateCandidateSummary[]> byCategory, DuplicateCandidateSummary[] latest)
    {
        Version = version;
        Since = since;
        _byCategory = byCategory;
        _latest = latest;
    }

    public long Version { get; }

    public DateTime Since { get; }

    public static PlaceCandidates From(long version, DateTime since, IEnumerable<DuplicateCandidateSummary> orders)
    {
        var byCategory = orders.GroupBy(o => o.CategoryId ?? Guid.Empty).ToDictionary(g => g.Key, g => LatestOf(g));
        return new PlaceCandidates(version, since, byCategory, LatestOf(byCategory.Values.SelectMany(o => o)));
    }

    /// <summary>The same place one version on, with <paramref name="added"/> (just received).</summary>
    public PlaceCandidates With(long version, IReadOnlyCollection<DuplicateCandidateSummary> added)
    {
        if (added.Count == 0)
        {
            return new PlaceCandidates(version, Since, _byCategory, _latest);
        }
        var byCategory = new Dictionary<Guid, DuplicateCandidateSummary[]>(_byCategory);
        foreach (var group in added.GroupBy(o => o.CategoryId ?? Guid.Empty))
        {
            byCategory[group.Key] = LatestOf(group.Concat(byCategory.GetValueOrDefault(group.Key) ?? []));
        }
        return new PlaceCandidates(version, Since, byCategory, LatestOf(added.Concat(_latest)));
    }

    /// <summary>Of the category or none (any, for an order without one), received since <paramref name="since"/>; not in order.</summary>
    public IEnumerable<DuplicateCandidateSummary> Latest(Guid? category, DateTime since)
    {
        IEnumerable<DuplicateCandidateSummary> found = category is { } c
            ? (_byCategory.GetValueOrDefault(c) ?? []).Concat(c == Guid.Empty ? [] : _byCategory.GetValueOrDefault(Guid.Empty) ?? [])
            : _latest;
        return found.Where(o => o.ReceivedAt >= since);
    }

    private static DuplicateCandidateSummary[] LatestOf(IEnumerable<DuplicateCandidateSummary> orders) =>
        [.. orders.OrderByDescending(o => o.ReceivedAt).Take(PlaceCandidateCache.Keep)];
}

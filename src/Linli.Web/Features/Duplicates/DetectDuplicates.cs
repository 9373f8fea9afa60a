using System.Linq.Expressions;
using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Duplicates;

/// <summary>Settings under <c>Linli:Duplicates</c>.</summary>
public sealed class DuplicateOptions
{
    /// <summary><c>Merge</c> (default), <c>Suggest</c> (record only, for the dispatcher) or <c>Off</c>.</summary>
    public string Mode { get; set; } = "Merge";

    /// <summary>Open orders within this distance count as the same place (FixMyStreet uses 250 m).</summary>
    public double RadiusMeters { get; set; } = 250;

    public double WindowHours { get; set; } = 72;

    /// <summary>The combined score above which an order is taken for a duplicate.</summary>
    public double Threshold { get; set; } = 0.55;
}

/// <summary>
/// What duplicate detection reads of an earlier open order: enough to place it and to merge under it. Its words are read
/// apart, only when their bigram profile is not cached yet (<see cref="BigramProfileCache"/>). Initialized member by member,
/// so that EF can read the candidate queries as one UNION ALL; <see cref="InCompound"/> says which of them found it.
/// </summary>
public sealed class DuplicateCandidateSummary
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public Guid? BuildingId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public Guid? CategoryId { get; init; }
    public DateTime ReceivedAt { get; init; }
    public WorkOrderStatus Status { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>Found as an order of the same compound (one of the two reports has no building).</summary>
    public bool InCompound { get; init; }
}

/// <summary>The best earlier open order the new one repeats, with the evidence.</summary>
public sealed record DuplicateCandidate(DuplicateCandidateSummary Parent, double Score, double TextSimilarity, double? DistanceMeters, bool SameBuilding, bool SameCategory,
    double MinutesApart, string Explanation);

/// <summary>
/// One incident, many reporters (an elevator stopped for 300 households): compares a new order with the open orders of
/// the same building or within <see cref="DuplicateOptions.RadiusMeters"/> over the last <see cref="DuplicateOptions.WindowHours"/>,
/// by text similarity, place and category, and merges it under the earliest match (or only records the suggestion).
/// The evidence is kept in DuplicateMatches and written into the merge's history comment.
/// </summary>
public sealed class DetectDuplicatesHandler(LinliDbContext db, IConfiguration configuration, BigramProfileCache profiles, Grids.GridMap map)
{
    public static readonly Actor Detector = new(null, SystemText.Get("Actor.DuplicateDetector"), "System");

    private static readonly WorkOrderStatus[] Open = [WorkOrderStatus.Received, WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted];

    public DuplicateOptions Options { get; } = configuration.GetSection("Linli:Duplicates").Get<DuplicateOptions>() ?? new DuplicateOptions();

    /// <summary>
    /// Looks for the order this one repeats; merges it when configured to. Returns the match, if any, and adds its evidence
    /// (a <see cref="DuplicateMatch"/>) to <paramref name="newRows"/>, to be stored with the order. <paramref name="peers"/>
    /// are orders taken in just before this one and not saved yet (the same batch of the intake writer), with their compounds.
    /// </summary>
    public async Task<DuplicateCandidate?> ApplyAsync(WorkOrder order, string? compound, DateTime now, ICollection<object> newRows, CancellationToken ct,
        IReadOnlyList<(WorkOrder Order, string? Compound)>? peers = null, PlaceCandidateView? known = null)
    {
        if (Options.Mode.Equals("Off", StringComparison.OrdinalIgnoreCase) || order.Status != WorkOrderStatus.Received)
        {
            return null;
        }
        var match = await FindAsync(order, compound, now, ct, peers, known);
        if (match is null)
        {
            return null;
        }
        var merge = Options.Mode.Equals("Merge", StringComparison.OrdinalIgnoreCase)
            && order.Merge(match.Parent.Id, match.Parent.Status, match.Parent.ParentId, match.Explanation, Detector, now).IsSuccess;
        newRows.Add(new DuplicateMatch
        {
            Id = Guid.CreateVersion7(),
            WorkOrderId = order.Id,
            CandidateId = match.Parent.Id,
            Score = Math.Round(match.Score, 4),
            TextSimilarity = Math.Round(match.TextSimilarity, 4),
            DistanceMeters = match.DistanceMeters is { } d ? Math.Round(d, 1) : null,
            SameBuilding = match.SameBuilding,
            SameCategory = match.SameCategory,
            MinutesApart = Math.Round(match.MinutesApart, 1),
            Action = merge ? "Merged" : "Suggested",
            Explanation = match.Explanation,
            At = now,
        });
        return match;
    }

    /// <summary>
    /// The earliest-best open order the new one repeats. <paramref name="compound"/> is the registered compound its place
    /// was found in (<see cref="Grids.Place.Compound"/>): orders placed only by the compound's name are compared with the
    /// compound's other orders, and orders at a building with those placed only by the compound. <paramref name="known"/>:
    /// the intake batch's look at the open orders kept in memory (<see cref="PlaceCandidateCache"/>), read instead of the
    /// database where it holds the order's place.
    /// </summary>
    public async Task<DuplicateCandidate?> FindAsync(WorkOrder order, string? compound, DateTime now, CancellationToken ct,
        IReadOnlyList<(WorkOrder Order, string? Compound)>? peers = null, PlaceCandidateView? known = null)
    {
        var since = now.AddHours(-Options.WindowHours);
        if (order.BuildingId is null && (order.Latitude is null || order.Longitude is null) && compound is null)
        {
            return null; // without a place, text alone is too weak to merge people's requests
        }
        // Compiled queries, one per kind of place, each planned on its own indexes: the building's and the compound's
        // orders, those within the box around a point, those at the buildings of a compound named alone.
        var list = new List<DuplicateCandidateSummary>();
        var category = order.CategoryId;
        if (known is not null && order.BuildingId is { } building
            && await known.AtPlaceAsync(db, building, compound, since, category, MaxCandidates, ct) is { } kept)
        {
            list.AddRange(kept);
        }
        else if (order.BuildingId is not null || compound is not null)
        {
            await ReadAsync(AtPlace(db, order.Id, since, category, order.BuildingId ?? Guid.Empty, compound ?? NoCompound), list, ct);
        }
        if (order.Latitude is { } lat && order.Longitude is { } lon)
        {
            var (dLat, dLon) = Box(lat, Options.RadiusMeters);
            await ReadAsync(InBox(db, order.Id, since, category, lat - dLat, lat + dLat, lon - dLon, lon + dLon), list, ct);
        }
        if (compound is not null && order.BuildingId is null)
        {
            var buildings = (await map.GetAsync(ct)).BuildingsOf(compound).Select(b => b.Id).ToList();
            await ReadAsync(AtBuildings(db, order.Id, since, category, buildings), list, ct);
        }
        // The latest MaxCandidates, as from one query, compared earliest first: of equal scores the earliest report wins.
        list = [.. list.OrderByDescending(c => c.ReceivedAt).Take(MaxCandidates).OrderBy(c => c.ReceivedAt)];
        if (peers is { Count: > 0 })
        {
            list.AddRange(PeerCandidates(order, compound, since, peers));
        }
        var placed = new List<(DuplicateCandidateSummary Candidate, bool SameBuilding, double? Distance)>(list.Count);
        List<Guid>? unprofiled = null;
        foreach (var candidate in list.GroupBy(c => c.Id).Select(g => g.OrderByDescending(c => c.InCompound).First()))
        {
            var sameBuilding = order.BuildingId is not null && candidate.BuildingId == order.BuildingId;
            double? distance = order.Latitude is { } a && order.Longitude is { } b && candidate.Latitude is { } c && candidate.Longitude is { } d
                ? Haversine(a, b, c, d)
                : null;
            if (!sameBuilding && !candidate.InCompound && (distance is null || distance > Options.RadiusMeters))
            {
                continue;
            }
            placed.Add((candidate, sameBuilding, distance));
            if (!profiles.Contains(candidate.Id))
            {
                (unprofiled ??= []).Add(candidate.Id);
            }
        }
        if (unprofiled is not null)
        {
            var words = await db.WorkOrders.AsNoTracking().Where(o => unprofiled.Contains(o.Id))
                .Select(o => new { o.Id, o.Title, o.Description }).ToListAsync(ct);
            foreach (var w in words)
            {
                profiles.Add(w.Id, w.Title, w.Description);
            }
        }

        var text = profiles.Add(order.Id, order.Title, order.Description); // later reports compare with this one from memory
        (DuplicateCandidateSummary Candidate, double Score, double Similarity, double? Distance, bool SameBuilding, bool SameCategory, bool ByDistance)? best = null;
        foreach (var (candidate, sameBuilding, distance) in placed)
        {
            if (profiles.Find(candidate.Id) is not { } profile)
            {
                continue; // gone from the cache between the two reads (it started afresh): compared on a later intake
            }
            var sameCategory = order.CategoryId is not null && candidate.CategoryId == order.CategoryId;
            var similarity = TextSimilarity.Cosine(text, profile);
            // The same building is surest; within the radius, less with distance; the same compound as much as 200 m off.
            var byDistance = distance is { } m && m <= Options.RadiusMeters ? 1.0 - 0.5 * (m / Options.RadiusMeters) : 0;
            var byCompound = candidate.InCompound ? SameCompoundPlace : 0;
            var place = sameBuilding ? 1.0 : Math.Max(byDistance, byCompound);
            // Text carries the decision; place and category confirm it.
            var score = (0.6 * similarity) + (0.25 * place) + (sameCategory ? 0.15 : 0);
            if (score < Options.Threshold || (best is not null && score <= best.Value.Score))
            {
                continue;
            }
            best = (candidate, score, similarity, distance, sameBuilding, sameCategory, byDistance >= byCompound);
        }
        if (best is not { } found)
        {
            return null;
        }
        // The explanation of the best only.
        var minutes = (now - found.Candidate.ReceivedAt).TotalMinutes;
        var where = found.SameBuilding ? SystemText.Get("Duplicate.SameBuilding")
            : found.ByDistance ? SystemText.Format("Duplicate.Distance", found.Distance)
            : SystemText.Format("Duplicate.SameCompound", compound);
        return new DuplicateCandidate(found.Candidate, found.Score, found.Similarity, found.Distance, found.SameBuilding, found.SameCategory, minutes,
            SystemText.Format("Duplicate.Explanation", found.Candidate.Number, where, found.SameCategory ? SystemText.Get("Duplicate.SameCategory") : "",
                found.Similarity, FormatMinutes(minutes), found.Score));
    }

    /// <summary>
    /// The unsaved orders of the same batch that the queries above would have found had they been saved: open, not merged,
    /// of the same category or none, and sharing the compound when one of the two has no building (the building and the
    /// radius are checked by the caller's loop, as for the orders read).
    /// </summary>
    private static IEnumerable<DuplicateCandidateSummary> PeerCandidates(WorkOrder order, string? compound, DateTime since,
        IReadOnlyList<(WorkOrder Order, string? Compound)> peers)
    {
        foreach (var (peer, peerCompound) in peers)
        {
            if (peer.Id == order.Id || peer.ParentId is not null || !IsOpen(peer.Status) || peer.ReceivedAt < since
                || (order.CategoryId is { } category && peer.CategoryId is not null && peer.CategoryId != category))
            {
                continue;
            }
            yield return Summary(peer, inCompound: compound is not null && peerCompound == compound && (order.BuildingId is null || peer.BuildingId is null));
        }
    }

    /// <summary>Whether an order in this status is compared with new reports (received, dispatched or accepted).</summary>
    public static bool IsOpen(WorkOrderStatus status) => Open.Contains(status);

    /// <summary>An order not saved yet, as the candidate queries read it (their projections, compiled once).</summary>
    public static DuplicateCandidateSummary Summary(WorkOrder order, bool inCompound) => (inCompound ? SummaryInCompound : SummaryNear)(order);

    /// <summary>Matches no compound: compound names are never empty.</summary>
    private const string NoCompound = "";

    private static async Task ReadAsync(IAsyncEnumerable<DuplicateCandidateSummary> rows, List<DuplicateCandidateSummary> list, CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
    }

    // The candidate queries, compiled once: EF's per-call work on composed queries of this size (evaluating and comparing
    // their expression trees) cost about two thirds of the duplicate check's CPU (perf, intake bench). Each branch takes
    // the latest MaxCandidates in its own index order (backwards), so that the UNION stays small. Only open orders that are not
    // merged, of the window, and of the same category or none (an elevator and a full dustbin in one building are never one
    // incident). The compound's orders placed without a building are found from the (Compound, BuildingId, LocatedAt)
    // index outward: the window on LocatedAt, the intake's moment, is what makes SQLite's planner start there.

    // Declared before the queries that use them (static fields initialize in order).
    private static readonly Expression<Func<WorkOrder, DuplicateCandidateSummary>> AsNear = As(inCompound: false);

    private static readonly Expression<Func<WorkOrder, DuplicateCandidateSummary>> AsInCompound = As(inCompound: true);

    private static readonly Func<WorkOrder, DuplicateCandidateSummary> SummaryNear = AsNear.Compile();

    private static readonly Func<WorkOrder, DuplicateCandidateSummary> SummaryInCompound = AsInCompound.Compile();

    private static Expression<Func<WorkOrder, DuplicateCandidateSummary>> As(bool inCompound) => o => new DuplicateCandidateSummary
    {
        Id = o.Id,
        Number = o.Number,
        BuildingId = o.BuildingId,
        Latitude = o.Latitude,
        Longitude = o.Longitude,
        CategoryId = o.CategoryId,
        ReceivedAt = o.ReceivedAt,
        Status = o.Status,
        ParentId = o.ParentId,
        InCompound = inCompound,
    };

    /// <summary>
    /// The orders of a building (through the open orders' (BuildingId, ReceivedAt)) and the compound's orders placed without a building
    /// (through (Compound, BuildingId, LocatedAt)); <see cref="Guid.Empty"/> and <see cref="NoCompound"/> match nothing.
    /// </summary>
    private static readonly Func<LinliDbContext, Guid, DateTime, Guid?, Guid, string, IAsyncEnumerable<DuplicateCandidateSummary>> AtPlace =
        EF.CompileAsyncQuery((LinliDbContext db, Guid id, DateTime since, Guid? category, Guid building, string compound) =>
            db.WorkOrders
                .Where(o => o.BuildingId == building && o.Id != id && o.ParentId == null && Open.Contains(o.Status) && o.ReceivedAt >= since
                    && (category == null || o.CategoryId == null || o.CategoryId == category))
                .OrderByDescending(o => o.ReceivedAt).Take(MaxCandidates).Select(AsNear)
                .Concat((
                    from l in db.WorkOrderLocations
                    where l.Compound == compound && l.BuildingId == null && l.LocatedAt >= since
                    join o in db.WorkOrders on l.WorkOrderId equals o.Id
                    where o.Id != id && o.ParentId == null && Open.Contains(o.Status) && o.ReceivedAt >= since
                        && (category == null || o.CategoryId == null || o.CategoryId == category)
                    select o).OrderByDescending(o => o.ReceivedAt).Take(MaxCandidates).Select(AsInCompound))
                .OrderByDescending(o => o.ReceivedAt).Take(MaxCandidates));

    /// <summary>The orders within a box around a point (through the open orders' Latitude index).</summary>
    private static readonly Func<LinliDbContext, Guid, DateTime, Guid?, double, double, double, double, IAsyncEnumerable<DuplicateCandidateSummary>> InBox =
        EF.CompileAsyncQuery((LinliDbContext db, Guid id, DateTime since, Guid? category, double lat0, double lat1, double lon0, double lon1) =>
            db.WorkOrders
                .Where(o => o.Latitude != null && o.Latitude >= lat0 && o.Latitude <= lat1 && o.Longitude >= lon0 && o.Longitude <= lon1
                    && o.Id != id && o.ParentId == null && Open.Contains(o.Status) && o.ReceivedAt >= since
                    && (category == null || o.CategoryId == null || o.CategoryId == category))
                .OrderByDescending(o => o.ReceivedAt).Take(MaxCandidates).Select(AsNear));

    /// <summary>The orders at the buildings of a compound (through (BuildingId, ReceivedAt)), for an order placed only by the compound.</summary>
    private static readonly Func<LinliDbContext, Guid, DateTime, Guid?, List<Guid>, IAsyncEnumerable<DuplicateCandidateSummary>> AtBuildings =
        EF.CompileAsyncQuery((LinliDbContext db, Guid id, DateTime since, Guid? category, List<Guid> buildings) =>
            db.WorkOrders
                .Where(o => o.BuildingId != null && buildings.Contains(o.BuildingId.Value) && o.Id != id && o.ParentId == null && Open.Contains(o.Status)
                    && o.ReceivedAt >= since && (category == null || o.CategoryId == null || o.CategoryId == category))
                .OrderByDescending(o => o.ReceivedAt).Take(MaxCandidates).Select(AsInCompound));

    /// <summary>Every open, unmerged order of a building received since a moment, latest first (<see cref="PlaceCandidateCache"/>).</summary>
    internal static readonly Func<LinliDbContext, Guid, DateTime, int, IAsyncEnumerable<DuplicateCandidateSummary>> OpenAtBuilding =
        EF.CompileAsyncQuery((LinliDbContext db, Guid building, DateTime since, int limit) =>
            db.WorkOrders
                .Where(o => o.BuildingId == building && o.ParentId == null && Open.Contains(o.Status) && o.ReceivedAt >= since)
                .OrderByDescending(o => o.ReceivedAt).Take(limit).Select(AsNear));

    /// <summary>Every open, unmerged order placed in a compound without a building, received since a moment, latest first.</summary>
    internal static readonly Func<LinliDbContext, string, DateTime, int, IAsyncEnumerable<DuplicateCandidateSummary>> OpenInCompound =
        EF.CompileAsyncQuery((LinliDbContext db, string compound, DateTime since, int limit) =>
            (from l in db.WorkOrderLocations
             where l.Compound == compound && l.BuildingId == null && l.LocatedAt >= since
             join o in db.WorkOrders on l.WorkOrderId equals o.Id
             where o.ParentId == null && Open.Contains(o.Status) && o.ReceivedAt >= since
             select o).OrderByDescending(o => o.ReceivedAt).Take(limit).Select(AsInCompound));

    /// <summary>
    /// How many open orders one intake compares with at most: the latest ones. In Merge mode the open, unmerged orders of
    /// one category at one place are its distinct incidents, a handful; a report of a new incident is compared with the
    /// latest, where a cap on the earliest would hide it behind old ones. Each candidate costs a row read and a comparison.
    /// </summary>
    internal const int MaxCandidates = 32;

    /// <summary>The place score of two reports in one compound, at least one of them without a building.</summary>
    private const double SameCompoundPlace = 0.6;

    private static string FormatMinutes(double minutes) =>
        minutes < 60 ? SystemText.Format("Duplicate.Minutes", minutes)
        : minutes < 48 * 60 ? SystemText.Format("Duplicate.Hours", minutes / 60)
        : SystemText.Format("Duplicate.Days", minutes / 1440);

    private static (double Lat, double Lon) Box(double latitude, double meters)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        return (dLat, dLon);
    }

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

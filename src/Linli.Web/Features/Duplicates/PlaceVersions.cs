using System.Security.Cryptography;
using System.Text;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Grids;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Linli.Web.Features.Duplicates;

/// <summary>
/// A counter per place (a row of NumberSequences: <c>pb:{building}</c>, <c>pc:{compound}</c> for the orders placed
/// in a compound without a building), advanced in the same transaction by every save that adds, removes or changes an order
/// there in a way the duplicate check looks at (status, parent, category, place, time received). One read of it tells the
/// <see cref="PlaceCandidateCache"/> whether its copy of a place's open orders is still what the database holds, whichever
/// instance saved the change. <see cref="LinliDbContext"/> advances it on every save; the intake writer advances its batch's
/// places itself. docs/adr/0015-duplicate-candidates-in-memory.md.
/// </summary>
public static class PlaceVersions
{
    private static readonly string[] Watched = [nameof(WorkOrder.Status), nameof(WorkOrder.ParentId), nameof(WorkOrder.CategoryId), nameof(WorkOrder.BuildingId), nameof(WorkOrder.ReceivedAt)];

    // Keys fit NumberSequences' 32 characters: "pb:" and a building's id, "pc:" and a digest of a compound's name (base64).
    public static string OfBuilding(Guid building) => "pb:" + Convert.ToBase64String(building.ToByteArray()).TrimEnd('=');

    public static string OfCompound(string compound) =>
        "pc:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(compound)))[..22];

    /// <summary>The place of a new order as the duplicate check reads it: its building, else the compound it was placed in.</summary>
    public static string? Of(Guid? building, string? compound) =>
        building is { } b ? OfBuilding(b) : compound is { } c ? OfCompound(c) : null;

    /// <summary>The places whose open orders the pending save of <paramref name="db"/> changes; empty when none.</summary>
    public static async Task<SortedSet<string>> ChangedAsync(LinliDbContext db, CancellationToken ct)
    {
        var places = new SortedSet<string>(StringComparer.Ordinal);
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        if (detect)
        {
            tracker.DetectChanges(); // once here, not again for each look at the entries below
            tracker.AutoDetectChangesEnabled = false;
        }
        try
        {
            await CollectAsync(db, places, ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        return places;
    }

    private static async Task CollectAsync(LinliDbContext db, SortedSet<string> places, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var locations = new Dictionary<Guid, EntityEntry<WorkOrderLocation>>();
        foreach (var entry in tracker.Entries<WorkOrderLocation>())
        {
            locations[entry.Entity.WorkOrderId] = entry;
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                AddCompound(places, entry, original: entry.State != EntityState.Added);
                AddCompound(places, entry, original: false);
            }
        }
        List<Guid>? compoundUnknown = null;
        foreach (var entry in tracker.Entries<WorkOrder>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted)
                && !(entry.State == EntityState.Modified && Watched.Any(p => entry.Property(p).IsModified)))
            {
                continue;
            }
            var current = entry.State == EntityState.Deleted ? null : entry.Entity.BuildingId;
            var original = entry.State == EntityState.Added ? null : (Guid?)entry.Property(nameof(WorkOrder.BuildingId)).OriginalValue;
            foreach (var building in new[] { current, original })
            {
                if (building is { } b)
                {
                    places.Add(OfBuilding(b));
                }
            }
            if ((current is null || original is null) && !locations.ContainsKey(entry.Entity.Id))
            {
                (compoundUnknown ??= []).Add(entry.Entity.Id); // placed without a building: its compound is on its location row
            }
        }
        if (compoundUnknown is not null)
        {
            foreach (var compound in await db.WorkOrderLocations.AsNoTracking()
                .Where(l => compoundUnknown.Contains(l.WorkOrderId) && l.BuildingId == null && l.Compound != null)
                .Select(l => l.Compound!).Distinct().ToListAsync(ct))
            {
                places.Add(OfCompound(compound));
            }
        }
    }

    private static void AddCompound(SortedSet<string> places, EntityEntry<WorkOrderLocation> entry, bool original)
    {
        var building = original ? (Guid?)entry.Property(nameof(WorkOrderLocation.BuildingId)).OriginalValue : entry.Entity.BuildingId;
        var compound = original ? (string?)entry.Property(nameof(WorkOrderLocation.Compound)).OriginalValue : entry.Entity.Compound;
        if (building is null && compound is not null)
        {
            places.Add(OfCompound(compound));
        }
    }

    /// <summary>
    /// The places' counters as this transaction sees them (0: never advanced), read when <paramref name="batch"/> runs:
    /// until then the dictionary holds zeros.
    /// </summary>
    internal static Dictionary<string, long> Read(SqlBatch batch, IReadOnlyCollection<string> places)
    {
        var versions = places.ToDictionary(p => p, _ => 0L, StringComparer.Ordinal);
        foreach (var chunk in places.Chunk(500))
        {
            var sql = $"SELECT \"Key\", \"Value\" FROM \"NumberSequences\" WHERE \"Key\" IN ({DirectSql.In(0, chunk.Length)})";
            batch.Query(sql, chunk, r => versions[r.GetString(0)] = r.GetInt64(1));
        }
        return versions;
    }

    /// <summary>
    /// Advances the places' counters by one, in key order (two transactions sharing places wait for each other rather than
    /// deadlock), and returns the new values. Each row stays locked until the transaction ends.
    /// </summary>
    public static async Task<Dictionary<string, long>> AdvanceAsync(LinliDbContext db, IEnumerable<string> places, CancellationToken ct)
    {
        var batch = new SqlBatch();
        var advanced = Advance(batch, places);
        await batch.ExecuteAsync(db, ct);
        return advanced;
    }

    /// <summary><see cref="AdvanceAsync"/> as statements of <paramref name="batch"/>: the new values are there once it has run.</summary>
    internal static Dictionary<string, long> Advance(SqlBatch batch, IEnumerable<string> places)
    {
        var advanced = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in places.Distinct().Order(StringComparer.Ordinal).Chunk(500))
        {
            // One statement both providers understand: a multi-row upsert that returns the new values.
            var values = string.Join(", ", chunk.Select((_, i) => "(@p" + i + ", 1)"));
            var upsert = "INSERT INTO \"NumberSequences\" (\"Key\", \"Value\") VALUES " + values
                + " ON CONFLICT (\"Key\") DO UPDATE SET \"Value\" = \"NumberSequences\".\"Value\" + 1 RETURNING \"Key\", \"Value\"";
            batch.Query(upsert, chunk, r => advanced[r.GetString(0)] = r.GetInt64(1));
        }
        return advanced;
    }
}

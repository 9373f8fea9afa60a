using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Linli.Web.Persistence;

/// <summary>
/// Inserts new rows (the ones a context has added, and new entities it does not track) with PostgreSQL's binary COPY, one
/// COPY per table, on the context's own connection and transaction, from the EF model's mapping (tables, columns, store
/// types, value converters). The copied tracked rows are then Unchanged, so that the SaveChanges after it writes only what
/// else changed. For the intake writer's batches
/// (Features/Intake/IntakeWriter): EF's SaveChanges of a few hundred new rows (one INSERT statement each, with a parameter
/// per column) was a sixth of the host's CPU per intake, and PostgreSQL executes one COPY per table for less than the
/// statements (docs/adr/0014-intake-copy.md). No library here does this (dependencies.md); see Persistence/README.md.
/// <list type="bullet">
/// <item>Entity types whose rows EF must complete (database-generated values, a table shared with another type) are left
/// to SaveChanges, and so are the types that depend on them, so that a copied row never precedes the row it refers to.</item>
/// <item>Tables are copied principals first (foreign keys). A failure reaches the caller as a <see cref="DbUpdateException"/>,
/// as from SaveChanges (a unique index lost to a concurrent retry).</item>
/// </list>
/// </summary>
public static class PostgresCopy
{
    /// <summary><paramref name="Getters"/>: one per column when every column is a CLR property (rows the context does not track can be read), else none.</summary>
    private sealed record Table(string Sql, IProperty[] Columns, IClrPropertyGetter[] Getters, ValueConverter?[] Converters, string[] StoreTypes, int Rank)
    {
        public bool ReadsObjects => Getters.Length == Columns.Length;
    }

    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    /// <summary>
    /// Copies <paramref name="untracked"/> (new entities the context does not track, read through the model's property
    /// getters) together with every added row of the context the model allows, unless one of the untracked rows is of a
    /// type that cannot be copied: then it copies nothing and returns 0 (the caller adds the untracked rows to the context
    /// instead). Returns how many rows were copied.
    /// </summary>
    public static async Task<int> InsertAsync(DbContext db, IReadOnlyList<object> untracked, CancellationToken ct)
    {
        var added = new Dictionary<IEntityType, (Table Table, List<object> Rows)>();
        foreach (var row in untracked)
        {
            var type = db.Model.FindEntityType(row.GetType());
            if (type is null || Describe(type) is not { ReadsObjects: true } described)
            {
                return 0;
            }
            if (!added.TryGetValue(type, out var group))
            {
                added[type] = group = (described, []);
            }
            group.Rows.Add(row);
        }
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }
            if (!added.TryGetValue(entry.Metadata, out var group))
            {
                if (Describe(entry.Metadata) is not { } described)
                {
                    continue; // left to SaveChanges
                }
                added[entry.Metadata] = group = (described, []);
            }
            group.Rows.Add(entry);
        }
        if (added.Count == 0)
        {
            return 0;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copied = 0;
        try
        {
            foreach (var (table, rows) in added.Values.OrderBy(g => g.Table.Rank))
            {
                await using var import = await connection.BeginBinaryImportAsync(table.Sql, ct);
                foreach (var row in rows)
                {
                    await import.StartRowAsync(ct);
                    for (var i = 0; i < table.Columns.Length; i++)
                    {
                        var value = row is EntityEntry entry ? entry.CurrentValues[table.Columns[i]] : table.Getters[i].GetClrValue(row);
                        if (value is not null && table.Converters[i] is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        if (value is null)
                        {
                            await import.WriteNullAsync(ct);
                        }
                        else
                        {
                            await import.WriteAsync(value, table.StoreTypes[i], ct);
                        }
                    }
                }
                await import.CompleteAsync(ct);
                copied += rows.Count;
            }
        }
        catch (NpgsqlException e)
        {
            throw new DbUpdateException("A COPY of added rows failed: " + e.Message, e);
        }
        foreach (var (_, rows) in added.Values)
        {
            foreach (var row in rows)
            {
                if (row is EntityEntry entry)
                {
                    entry.State = EntityState.Unchanged; // stored: SaveChanges leaves it alone
                }
            }
        }
        return copied;
    }

    /// <summary>How a type's rows are copied, or null when they are left to SaveChanges.</summary>
    private static Table? Describe(IEntityType type) => Tables.TryGetValue(type, out var known) ? known : Build(type, []);

    // path: the types whose description waits for this one. A foreign key back to one of them is a cycle, whose types are
    // left to SaveChanges (it orders such rows itself).
    private static Table? Build(IEntityType type, HashSet<IEntityType> path)
    {
        if (Tables.TryGetValue(type, out var known))
        {
            return known;
        }
        if (!path.Add(type))
        {
            return null;
        }
        try
        {
            var described = DescribeNew(type, path);
            Tables.TryAdd(type, described); // a principal reached twice (two foreign keys, two paths) is described once
            return described;
        }
        finally
        {
            path.Remove(type);
        }
    }

    private static Table? DescribeNew(IEntityType type, HashSet<IEntityType> path)
    {
        var name = type.GetTableName();
        if (name is null || type.GetViewName() is not null)
        {
            return null;
        }
        var schema = type.GetSchema();
        var store = StoreObjectIdentifier.Table(name, schema);
        var shared = type.Model.GetEntityTypes().Any(t => t != type && t.GetTableName() == name && t.GetSchema() == schema);
        var columns = new List<IProperty>();
        foreach (var property in type.GetProperties())
        {
            if (property.GetColumnName(store) is null)
            {
                continue;
            }
            // A value the database makes (identity, default, computed, row version) would have to be read back.
            var generated = property.ValueGenerated != ValueGenerated.Never
                && !(property.IsPrimaryKey() && property.ClrType == typeof(Guid) && property.GetDefaultValueSql() is null);
            if (generated || property.GetComputedColumnSql() is not null)
            {
                return null;
            }
            columns.Add(property);
        }
        // Principals first; a type whose principal is left to SaveChanges is left there too.
        var rank = 0;
        foreach (var key in type.GetForeignKeys())
        {
            var principal = key.PrincipalEntityType;
            if (principal == type)
            {
                continue;
            }
            if (Build(principal, path) is not { } described)
            {
                return null;
            }
            rank = Math.Max(rank, described.Rank + 1);
        }
        if (shared)
        {
            return null;
        }
        var quoted = string.Join(", ", columns.Select(c => Quote(c.GetColumnName(store)!)));
        var target = schema is null ? Quote(name) : Quote(schema) + "." + Quote(name);
        return new Table($"COPY {target} ({quoted}) FROM STDIN (FORMAT BINARY)", [.. columns],
            columns.Any(c => c.IsShadowProperty()) ? [] : [.. columns.Select(c => c.GetGetter())],
            [.. columns.Select(c => c.GetTypeMapping().Converter)], [.. columns.Select(c => StoreType(c.GetColumnType(store)))], rank);
    }

    /// <summary>The type name Npgsql writes: without length or precision ("character varying(64)" is "character varying").</summary>
    private static string StoreType(string columnType)
    {
        var open = columnType.IndexOf('(');
        return open < 0 ? columnType : (columnType[..open] + columnType[(columnType.IndexOf(')') + 1)..]).Trim();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

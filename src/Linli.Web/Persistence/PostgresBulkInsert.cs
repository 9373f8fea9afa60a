using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Linli.Web.Persistence;

/// <summary>
/// Inserts new rows (the ones a context has added, and new entities it does not track) on the context's own connection and
/// transaction, one statement per table that takes each column as an array (<c>INSERT … SELECT * FROM unnest($1, $2, …)</c>),
/// from the EF model's mapping (tables, columns, store types, value converters). The statements can join other statements
/// in one round trip (<see cref="SqlBatch"/>); the inserted tracked rows are then Unchanged (<see cref="Stored"/>), so that
/// a SaveChanges after it writes only what else changed. For the intake writer's batches (Features/Intake/IntakeWriter):
/// EF's SaveChanges of a few hundred new rows (one INSERT statement each, with a parameter per column) was a sixth of the
/// host's CPU per intake; a binary COPY per table cost two round trips each, which is what the writer then waited on
/// (docs/adr/0014-intake-copy.md). No library here does this (dependencies.md); see Persistence/README.md.
/// <list type="bullet">
/// <item>Entity types whose rows EF must complete (database-generated values, a table shared with another type) are left
/// to SaveChanges, and so are the types that depend on them, so that an inserted row never precedes the row it refers to.</item>
/// <item>Tables are inserted principals first (foreign keys). A failure of <see cref="InsertAsync"/> reaches the caller as a
/// <see cref="DbUpdateException"/>, as from SaveChanges (a unique index lost to a concurrent retry).</item>
/// </list>
/// </summary>
public sealed class PostgresBulkInsert
{
    /// <summary><paramref name="Getters"/>: one per column when every column is a CLR property (rows the context does not track can be read), else none.</summary>
    private sealed record Table(string Sql, IProperty[] Columns, IClrPropertyGetter[] Getters, ValueConverter?[] Converters, string[] ArrayTypes, Type[] ElementTypes,
        int Rank)
    {
        public bool ReadsObjects => Getters.Length == Columns.Length;
    }

    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    private readonly List<(Table Table, List<object> Rows)> _tables;

    private PostgresBulkInsert(List<(Table Table, List<object> Rows)> tables)
    {
        _tables = tables;
        Count = tables.Sum(t => t.Rows.Count);
    }

    /// <summary>How many rows the statements insert.</summary>
    public int Count { get; }

    /// <summary>
    /// The inserts of <paramref name="untracked"/> (new entities the context does not track, read through the model's
    /// property getters) together with every added row of the context the model allows; null when there is nothing to
    /// insert, or when one of the untracked rows is of a type that cannot be inserted this way (the caller then adds the
    /// untracked rows to the context instead).
    /// </summary>
    public static PostgresBulkInsert? Prepare(DbContext db, IReadOnlyList<object> untracked)
    {
        var added = new Dictionary<IEntityType, (Table Table, List<object> Rows)>();
        foreach (var row in untracked)
        {
            var type = db.Model.FindEntityType(row.GetType());
            if (type is null || Describe(type) is not { ReadsObjects: true } described)
            {
                return null;
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
        return added.Count == 0 ? null : new PostgresBulkInsert([.. added.Values.OrderBy(g => g.Table.Rank)]);
    }

    /// <summary>One statement per table, principals first, each column's values as one array parameter.</summary>
    public IEnumerable<DbBatchCommand> Commands()
    {
        foreach (var (table, rows) in _tables)
        {
            var command = new NpgsqlBatchCommand(table.Sql);
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var values = Array.CreateInstance(table.ElementTypes[i], rows.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    var value = rows[r] is EntityEntry entry ? entry.CurrentValues[table.Columns[i]] : table.Getters[i].GetClrValue(rows[r]);
                    if (value is not null && table.Converters[i] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    values.SetValue(value, r);
                }
                command.Parameters.Add(new NpgsqlParameter { Value = values, DataTypeName = table.ArrayTypes[i] });
            }
            yield return command;
        }
    }

    /// <summary>After the statements ran: the inserted tracked rows are Unchanged, so that SaveChanges leaves them alone.</summary>
    public void Stored()
    {
        foreach (var (_, rows) in _tables)
        {
            foreach (var row in rows)
            {
                if (row is EntityEntry entry)
                {
                    entry.State = EntityState.Unchanged;
                }
            }
        }
    }

    /// <summary>
    /// Inserts now, in one round trip (see <see cref="Prepare"/>); returns how many rows were inserted (0: none, or an
    /// untracked row that cannot be inserted this way, and then nothing was).
    /// </summary>
    public static async Task<int> InsertAsync(DbContext db, IReadOnlyList<object> untracked, CancellationToken ct)
    {
        if (Prepare(db, untracked) is not { } insert)
        {
            return 0;
        }
        var batch = new SqlBatch();
        batch.Add(insert.Commands());
        await batch.WriteAsync(db, ct);
        insert.Stored();
        return insert.Count;
    }

    /// <summary>How a type's rows are inserted, or null when they are left to SaveChanges.</summary>
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
        var arrays = string.Join(", ", columns.Select((_, i) => "$" + (i + 1)));
        return new Table($"INSERT INTO {target} ({quoted}) SELECT * FROM unnest({arrays})", [.. columns],
            columns.Any(c => c.IsShadowProperty()) ? [] : [.. columns.Select(c => c.GetGetter())],
            [.. columns.Select(c => c.GetTypeMapping().Converter)], [.. columns.Select(c => StoreType(c.GetColumnType(store)) + "[]")],
            [.. columns.Select(ElementType)], rank);
    }

    /// <summary>The type name Npgsql sends: without length or precision ("character varying(64)" is "character varying").</summary>
    private static string StoreType(string columnType)
    {
        var open = columnType.IndexOf('(');
        return open < 0 ? columnType : (columnType[..open] + columnType[(columnType.IndexOf(')') + 1)..]).Trim();
    }

    /// <summary>The array's element type: the value as the provider stores it, nullable where the column is.</summary>
    private static Type ElementType(IProperty column)
    {
        var type = column.GetTypeMapping().Converter?.ProviderClrType ?? column.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsValueType && column.IsNullable ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Persistence;

/// <summary>
/// A statement on a context's connection and in its transaction, past EF's query pipeline. For the intake writer's few
/// statements per batch (place locks, versions, repeats), where EF's building, caching and materializing of a query took
/// the host 0.1–0.2 ms per statement (perf, intake bench), more than the database spent running it. Parameters are
/// <c>@p0</c>, <c>@p1</c>, … in the order given; <see cref="In"/> writes a list of them for <c>IN (…)</c>.
/// </summary>
internal static class DirectSql
{
    /// <summary><c>@p{first}, @p{first + 1}, …</c> for <paramref name="count"/> parameters.</summary>
    public static string In(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => "@p" + i));

    public static async Task<List<T>> QueryAsync<T>(DbContext db, string sql, IReadOnlyList<object> parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task ExecuteAsync(DbContext db, string sql, IReadOnlyList<object> parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbContext db, string sql, IReadOnlyList<object> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

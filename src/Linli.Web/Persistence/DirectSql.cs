using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Persistence;

/// <summary>
/// Statements on a context's connection and in its transaction, past EF's query pipeline (<see cref="SqlBatch"/>). For the
/// intake writer's few statements per batch (place locks, versions, repeats), where EF's building, caching and
/// materializing of a query took the host 0.1–0.2 ms per statement (perf, intake bench), more than the database spent
/// running it. Parameters are <c>@p0</c>, <c>@p1</c>, … in the order given; <see cref="In"/> writes a list of them for
/// <c>IN (…)</c>.
/// </summary>
internal static class DirectSql
{
    /// <summary><c>@p{first}, @p{first + 1}, …</c> for <paramref name="count"/> parameters.</summary>
    public static string In(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => "@p" + i));

    /// <summary>Adds <paramref name="values"/> as <c>@p0</c>, <c>@p1</c>, … to a command's parameters.</summary>
    public static void Parameters(DbParameterCollection parameters, Func<DbParameter> create, IReadOnlyList<object> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = create();
            parameter.ParameterName = "@p" + i;
            parameter.Value = values[i];
            parameters.Add(parameter);
        }
    }
}

/// <summary>
/// Statements sent together, on a context's connection and in its transaction: on PostgreSQL in one round trip (a
/// <see cref="DbBatch"/>), on SQLite (in the process, nothing to save) one after another. Queries come with a callback that
/// reads each of their rows; the statements run in the order added. For the intake writer, whose batches waited more on
/// round trips than on either side's work (docs/adr/0014).
/// </summary>
internal sealed class SqlBatch
{
    private readonly List<(string Sql, IReadOnlyList<object> Parameters, Action<DbDataReader> Read)> _queries = [];
    private readonly List<DbBatchCommand> _commands = [];

    public bool IsEmpty => _queries.Count == 0 && _commands.Count == 0;

    /// <summary>A query (parameters <c>@p0</c>, <c>@p1</c>, …, as <see cref="DirectSql"/>); <paramref name="read"/> sees each row.</summary>
    public void Query(string sql, IReadOnlyList<object> parameters, Action<DbDataReader> read)
    {
        if (_commands.Count > 0)
        {
            throw new InvalidOperationException("Queries come before the commands that return no rows.");
        }
        _queries.Add((sql, parameters, read));
    }

    /// <summary>Adds the statements of <paramref name="other"/> after these.</summary>
    public void Append(SqlBatch other)
    {
        foreach (var (sql, parameters, read) in other._queries)
        {
            Query(sql, parameters, read);
        }
        Add(other._commands);
    }

    /// <summary>Commands that return no rows, built for the connection's provider, after the queries (PostgreSQL only).</summary>
    public void Add(IEnumerable<DbBatchCommand> commands) => _commands.AddRange(commands);

    /// <summary>
    /// Runs a batch that writes rows: a failure reaches the caller as a <see cref="DbUpdateException"/>, as from SaveChanges
    /// (a unique index lost to a concurrent retry), so that callers handle both alike.
    /// </summary>
    public async Task WriteAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(db, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("Writing rows failed: " + e.Message, e);
        }
    }

    public async Task ExecuteAsync(DbContext db, CancellationToken ct)
    {
        if (IsEmpty)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (!connection.CanCreateBatch)
            {
                await OneByOneAsync(db, ct);
                return;
            }
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (sql, parameters, _) in _queries)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                DirectSql.Parameters(command.Parameters, command.CreateParameter, parameters);
                batch.BatchCommands.Add(command);
            }
            foreach (var command in _commands)
            {
                batch.BatchCommands.Add(command);
            }
            if (_queries.Count == 0)
            {
                await batch.ExecuteNonQueryAsync(ct);
                return;
            }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < _queries.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException("A query of the batch returned no result.");
                }
                while (await reader.ReadAsync(ct))
                {
                    _queries[i].Read(reader);
                }
            }
            while (await reader.NextResultAsync(ct))
            {
                // the commands' errors surface here
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task OneByOneAsync(DbContext db, CancellationToken ct)
    {
        if (_commands.Count > 0)
        {
            throw new NotSupportedException("Prepared batch commands need a provider that sends batches.");
        }
        foreach (var (sql, parameters, read) in _queries)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            DirectSql.Parameters(command.Parameters, command.CreateParameter, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                read(reader);
            }
        }
    }
}

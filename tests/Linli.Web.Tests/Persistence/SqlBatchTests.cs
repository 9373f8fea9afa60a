using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Duplicates;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Persistence;

/// <summary>
/// Statements sent together (the intake writer's round trips): they run in the order added, in the context's transaction,
/// each query's rows reach its own callback, and a failing statement after the queries fails the whole batch. On whichever
/// database the suite runs (SQLite: one after another; PostgreSQL: one round trip).
/// </summary>
public class SqlBatchTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task Statements_run_in_order_and_each_query_reads_its_own_rows()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] places = ["t:a-" + run, "t:b-" + run];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var batch = new SqlBatch();
            var before = PlaceVersions.Read(batch, [.. places, "t:c-" + run]);
            var advanced = PlaceVersions.Advance(batch, places);
            var after = PlaceVersions.Read(batch, [places[0]]);
            var again = PlaceVersions.Advance(batch, [places[0]]);

            await batch.ExecuteAsync(db, CancellationToken.None);

            before.Values.ShouldAllBe(v => v == 0);
            advanced.ShouldBe(new Dictionary<string, long> { [places[0]] = 1, [places[1]] = 1 }, ignoreOrder: true);
            after[places[0]].ShouldBe(1);
            again[places[0]].ShouldBe(2);
            await transaction.RollbackAsync();
        }

        (await app.WithDbAsync(d => d.NumberSequences.CountAsync(s => places.Contains(s.Key)))).ShouldBe(0);
    }

    [PostgresFact]
    public async Task A_failing_insert_after_the_queries_fails_the_batch_and_leaves_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        var order = WorkOrder.Receive(new NewWorkOrder("20261120-9201", Channel.Hotline12345, null, "路灯不亮", null, Urgency.Normal,
            new Reporter(null, null, null, null, null), new Location(null, "丽泽路", null, null, null), null), Actor.System,
            new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc)).Value!;
        // The same order twice: the second row breaks the primary key.
        var insert = PostgresBulkInsert.Prepare(db, [order, .. order.History, order])!;
        var batch = new SqlBatch();
        var advanced = PlaceVersions.Advance(batch, ["t:d-" + run]);
        batch.Add(insert.Commands());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Should.ThrowAsync<System.Data.Common.DbException>(() => batch.ExecuteAsync(db, CancellationToken.None));
        }

        advanced.Count.ShouldBe(1); // the query before the failing insert did run, and was rolled back with it
        (await app.WithDbAsync(d => d.WorkOrders.AnyAsync(o => o.Id == order.Id))).ShouldBeFalse();
        (await app.WithDbAsync(d => d.NumberSequences.AnyAsync(s => s.Key == "t:d-" + run))).ShouldBeFalse();
    }

    [Fact]
    public void Queries_come_before_the_commands_that_return_no_rows()
    {
        var batch = new SqlBatch();
        batch.Add([new Npgsql.NpgsqlBatchCommand("DELETE FROM \"NumberSequences\" WHERE false")]);
        Should.Throw<InvalidOperationException>(() => batch.Query("SELECT 1", [], _ => { }));
    }
}

using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Duplicates;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Persistence;

/// <summary>
/// The intake writer's COPY of new rows on PostgreSQL stores every column as EF would: each row read back holds, property
/// by property, what its entity held (converters, enums as text, UTC times, nulls, shadow keys, a child and its parent in
/// one COPY).
/// </summary>
public class PostgresCopyTests(LinliApp app) : IClassFixture<LinliApp>
{
    private static readonly DateTime At = new(2026, 11, 20, 2, 15, 30, DateTimeKind.Utc);

    [PostgresFact]
    public async Task Copied_rows_read_back_property_by_property_as_their_entities_held_them()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        var actor = new Actor(null, "12345热线", "Channel");
        var building = LinliApp.BuildingId("G0102", 1);
        WorkOrder Receive(string number, string description, string? reference, Location location) => WorkOrder.Receive(
            new NewWorkOrder(number, Channel.Hotline12345, "电梯停运", description, LinliApp.CategoryId("0103"), Urgency.High,
                new Reporter(null, null, "刘女士", "enc:v1:abc", "139****1111"), location, reference), actor, At).Value!;
        var parent = Receive("20261120-9001", "5号楼电梯停了，老人下不了楼", "12345-COPY-1",
            new Location(building, "莲花小区1号楼", 39.8801234, 116.3212345, LinliApp.UnitId("G0102")));
        var child = Receive("20261120-9002", "5号楼的电梯又停了", null, new Location(null, null, null, null, null));
        child.Merge(parent, "同一楼栋，同一类别", actor, At.AddMinutes(1)).IsSuccess.ShouldBeTrue();
        db.AddRange(parent, child);
        db.Add(WorkOrderLocation.For(parent.Id, new Place(LocatedBy.Building, 1.0, null, building, LinliApp.UnitId("G0102"),
            "莲花小区1号楼", null, "莲花小区"), At));
        db.Add(new WorkOrderSuggestion
        {
            WorkOrderId = parent.Id,
            Source = "Model",
            ModelVersion = "v7",
            CategoryId = LinliApp.CategoryId("0103"),
            Confidence = 0.8734,
            CandidatesJson = """[{"categoryId":"x","confidence":0.8734}]""",
            Urgency = Urgency.High,
            UrgencyReason = "电梯困人",
            Applied = true,
            At = At,
        });
        db.Add(new DuplicateMatch
        {
            Id = Guid.CreateVersion7(),
            WorkOrderId = child.Id,
            CandidateId = parent.Id,
            Score = 0.91,
            TextSimilarity = 0.72,
            DistanceMeters = null,
            SameBuilding = true,
            SameCategory = true,
            MinutesApart = 1,
            Action = "Merged",
            Explanation = "同一楼栋",
            At = At.AddMinutes(1),
        });
        db.Add(IdempotencyRecord.Create("key:copy", "k-1", "hash", parent.Id, At));
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        var held = added.Select(e => (e.Metadata, Values: e.CurrentValues.Clone(), Key: e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.CurrentValues[p]).ToArray())).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var copied = await PostgresCopy.InsertAddedAsync(db, 0, CancellationToken.None);
            copied.ShouldBe(added.Count); // every row of an intake goes by COPY, none is left to SaveChanges
            added.ShouldAllBe(e => e.State == EntityState.Unchanged);
            (await db.SaveChangesAsync()).ShouldBe(0);
            await transaction.CommitAsync();
        }

        held.Select(h => h.Metadata.ClrType).Distinct().ShouldBe([typeof(WorkOrder), typeof(WorkOrderHistoryEntry), typeof(WorkOrderLocation),
            typeof(WorkOrderSuggestion), typeof(DuplicateMatch), typeof(IdempotencyRecord)], ignoreOrder: true);
        using var readScope = app.Services.CreateScope();
        var read = readScope.ServiceProvider.GetRequiredService<LinliDbContext>();
        foreach (var (type, values, key) in held)
        {
            var stored = await read.FindAsync(type.ClrType, key);
            stored.ShouldNotBeNull($"{type.DisplayName()} {string.Join(",", key)}");
            var entry = read.Entry(stored);
            foreach (var property in type.GetProperties())
            {
                entry.CurrentValues[property].ShouldBe(values[property], $"{type.DisplayName()}.{property.Name}");
            }
        }
    }

    [PostgresFact]
    public async Task A_row_that_breaks_a_unique_index_fails_as_from_SaveChanges_and_leaves_nothing()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
        var order = WorkOrder.Receive(new NewWorkOrder("20261120-9101", Channel.Hotline12345, null, "路灯不亮", null, Urgency.Normal,
            new Reporter(null, null, null, null, null), new Location(null, "丽泽路", null, null, null), null), Actor.System, At).Value!;
        db.Add(order);
        db.Add(IdempotencyRecord.Create("key:copy", "k-unique", "hash", order.Id, At));
        db.Add(IdempotencyRecord.Create("key:copy", "k-unique", "hash", order.Id, At));
        db.ChangeTracker.DetectChanges();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Should.ThrowAsync<DbUpdateException>(() => PostgresCopy.InsertAddedAsync(db, 0, CancellationToken.None));
        }

        (await app.WithDbAsync(d => d.WorkOrders.AnyAsync(o => o.Id == order.Id))).ShouldBeFalse();
    }
}

/// <summary>A fact about PostgreSQL only; skipped, saying so, in the SQLite pass of the suite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES")))
        {
            Skip = "PostgreSQL only: runs in the suite's PostgreSQL pass (LINLI_TEST_POSTGRES).";
        }
    }
}

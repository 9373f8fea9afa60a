using System.Data.Common;
using Linli.Domain.WorkOrders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Features.Intake;

/// <summary>
/// The database's answer to an intake batch's COMMIT is lost after the commit took effect (a connection dropped at that
/// moment), as EF's own transaction events let a test make it happen.
/// </summary>
public sealed class LostCommitAnswer : DbTransactionInterceptor
{
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Only the intake writer's commit: the one whose context saved new work orders.
        if (eventData.Context?.ChangeTracker.Entries<WorkOrder>().Any() == true && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new InvalidOperationException("The connection was lost while the COMMIT's answer was on its way (simulated).");
        }
        return Task.CompletedTask;
    }
}

public sealed class LostCommitAnswerApp : LinliApp
{
    public LostCommitAnswer LostAnswer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(LostAnswer));
    }
}

public class LostCommitAnswerTests(LostCommitAnswerApp app) : IClassFixture<LostCommitAnswerApp>
{
    [Fact]
    public async Task An_order_whose_batch_committed_but_whose_answer_was_lost_is_answered_once_and_stored_once()
    {
        var resident = await app.As("resident");
        app.LostAnswer.Arm();

        // No Idempotency-Key and no case number: nothing but the order's own id tells that it was stored.
        var order = await resident.SubmitOkAsync(new
        {
            description = "楼下的快递柜屏幕坏了，取不了件（提交时连接中断）",
            categoryId = LinliApp.CategoryId("0402"),
            buildingId = LinliApp.BuildingId("G0101", 2),
        });

        var stored = await app.WithDbAsync(db => db.WorkOrders.Where(o => o.Description.Contains("提交时连接中断"))
            .Select(o => new { o.Id, o.Number }).ToListAsync());
        stored.Count.ShouldBe(1);
        order.GetProperty("id").GetGuid().ShouldBe(stored[0].Id);
        order.Str("number").ShouldBe(stored[0].Number);
        order.Str("status").ShouldBe("Dispatched");
    }
}

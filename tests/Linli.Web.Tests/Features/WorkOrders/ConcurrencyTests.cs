using System.Net;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Features.WorkOrders;

/// <summary>Two people acting on one order at once: one wins, the other gets 409 and nothing of theirs is half-written.</summary>
public class ConcurrencyTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task A_stale_if_match_is_refused()
    {
        var dispatcher = await app.As("dispatcher");
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "过期版本" });
        var version = order.GetProperty("version").GetInt32();
        await dispatcher.ActOkAsync(order, "supervise", new { note = "先督办一下" });

        var response = await dispatcher.ActAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") }, ifMatch: version);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "WorkOrder.ConcurrentUpdate");
        var current = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{order.Str("id")}");
        current.Str("status").ShouldBe("Received");
        (await dispatcher.ActAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") }, ifMatch: current.GetProperty("version").GetInt32()))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_handlers_saving_the_same_order_at_once_one_wins_the_other_gets_a_conflict()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "两人同时接单" });
        order = await (await app.As("dispatcher")).ActOkAsync(order, "dispatch", new { unitId = LinliApp.UnitId("G0101") });
        var id = order.GetProperty("id").GetGuid();
        var handler = await CallerAsync("handler");

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<WorkOrderCommands>();
        var b = second.ServiceProvider.GetRequiredService<WorkOrderCommands>();

        // A has loaded the order; while it decides, B loads, accepts and saves. Then A saves.
        var result = await a.RunAsync(id, handler, WorkOrderTrigger.Accept, null, async (loaded, now, ct) =>
        {
            var other = await b.RunAsync(id, handler, WorkOrderTrigger.Return, null,
                (o, n, _) => Task.FromResult(o.Return("不属于本网格", handler.AsActor(), n)), ct);
            other.IsSuccess.ShouldBeTrue();
            return loaded.Accept(handler.AsActor(), now);
        }, CancellationToken.None);

        result.Error!.Code.ShouldBe("WorkOrder.ConcurrentUpdate");
        var stored = await (await app.As("dispatcher")).GetJsonAsync($"/api/v1/work-orders/{id}");
        stored.Str("status").ShouldBe("Received");
        stored.GetProperty("history").EnumerateArray().Select(h => h.Str("trigger")).ShouldBe(["Receive", "Dispatch", "Return"]);
    }

    private async Task<Caller> CallerAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        var signIn = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<User>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
        var context = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<CallerFactory>().GetAsync(context, CancellationToken.None);
    }
}

using System.Net;
using System.Net.Http.Json;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Tests.Features.Accounts;

/// <summary>
/// Channel API keys are looked up in memory (ChannelKeyRing): a key revoked on this instance must be refused on the very
/// next request, and a key created on another instance accepted at once.
/// </summary>
public class ChannelKeyRingTests(LinliApp app) : IClassFixture<LinliApp>
{
    private async Task<(string Id, HttpClient Bridge)> NewKeyAsync(HttpClient admin, string name)
    {
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/channel-keys", new { name, channel = "Hotline12345" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var bridge = app.CreateClient();
        bridge.DefaultRequestHeaders.Add(AccountsSetup.ApiKeyHeader, created.Str("key"));
        return (created.Str("id"), bridge);
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient bridge, string text) =>
        bridge.SubmitAsync(new { description = text, reporter = new { name = "钱先生" } });

    [Fact]
    public async Task A_key_revoked_through_the_admin_api_is_refused_on_the_next_request()
    {
        var admin = await app.As("admin");
        var (revokedId, revoked) = await NewKeyAsync(admin, "旧对接");
        var (_, kept) = await NewKeyAsync(admin, "新对接");
        await (await ReportAsync(revoked, "吊销前的来电")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ReportAsync(kept, "另一条对接的来电")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ReportAsync(revoked, "吊销前的第二次来电")).ShouldBeAsync(HttpStatusCode.Created);

        (await admin.PostAsync($"/api/v1/admin/channel-keys/{revokedId}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ReportAsync(revoked, "吊销后的来电")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await revoked.GetAsync("/api/v1/work-orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await ReportAsync(kept, "吊销后另一条对接的来电")).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_key_revoked_by_an_ef_save_is_refused_on_the_next_request()
    {
        var admin = await app.As("admin");
        var (id, bridge) = await NewKeyAsync(admin, "直接吊销");
        // Twice, so that the key is surely in the ring (a first use may be what makes the ring rebuild).
        await (await ReportAsync(bridge, "吊销前的来电")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ReportAsync(bridge, "吊销前的第二次来电")).ShouldBeAsync(HttpStatusCode.Created);

        await app.WithDbAsync(async db =>
        {
            var key = await db.ChannelApiKeys.SingleAsync(k => k.Id == Guid.Parse(id));
            key.Revoke(app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        (await ReportAsync(bridge, "吊销后的来电")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_created_on_another_instance_is_accepted_at_once()
    {
        var admin = await app.As("admin");
        var (_, known) = await NewKeyAsync(admin, "本实例创建");
        await (await ReportAsync(known, "本实例的来电")).ShouldBeAsync(HttpStatusCode.Created);

        // Another instance's context: its save does not reach this instance's snapshots.
        const string Secret = "llk_0badcafe_created-on-another-instance";
        await using (var elsewhere = await app.AnotherInstanceAsync())
        {
            elsewhere.ChannelApiKeys.Add(ChannelApiKey.Create("别的实例创建", Channel.Hotline12345, "0badcafe", AccountsSetup.HashApiKey(Secret), null,
                app.Clock.GetUtcNow().UtcDateTime));
            await elsewhere.SaveChangesAsync();
        }
        using var bridge = app.CreateClient();
        bridge.DefaultRequestHeaders.Add(AccountsSetup.ApiKeyHeader, Secret);

        await (await ReportAsync(bridge, "别的实例对接的来电")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ReportAsync(bridge, "别的实例对接的第二次来电")).ShouldBeAsync(HttpStatusCode.Created);
    }
}

using Linli.Domain.Categories;
using Linli.Web.Features.Categories;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Infrastructure;

/// <summary>
/// Reference snapshots (docs/adr/0012): an edit saved on this instance is seen by the very next read; an edit made on
/// another instance is picked up once the snapshot is older than 30 s, by a reload in the background while readers go on
/// with the snapshot they have.
/// </summary>
public class ReferenceSnapshotTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task A_category_saved_on_this_instance_is_in_the_next_read()
    {
        var catalog = app.Services.GetRequiredService<CategoryCatalog>();
        var id = Guid.NewGuid();
        (await catalog.GetAsync(CancellationToken.None)).Find(id).ShouldBeNull();

        await app.WithDbAsync(async db =>
        {
            db.Categories.Add(Category.Create(id, "T-LOCAL", "本实例新增类别", null));
            return await db.SaveChangesAsync();
        });

        (await catalog.GetAsync(CancellationToken.None)).Find(id)!.Name.ShouldBe("本实例新增类别");
    }

    [Fact]
    public async Task A_category_saved_on_another_instance_arrives_after_max_age_without_blocking_readers()
    {
        var catalog = app.Services.GetRequiredService<CategoryCatalog>();
        var before = await catalog.GetAsync(CancellationToken.None);
        var id = Guid.NewGuid();
        await using (var elsewhere = await app.AnotherInstanceAsync())
        {
            elsewhere.Categories.Add(Category.Create(id, "T-REMOTE", "别的实例新增类别", null));
            await elsewhere.SaveChangesAsync();
        }

        // Within the 30 s the snapshot stands; past them the first reader still gets it at once and starts a reload.
        (await catalog.GetAsync(CancellationToken.None)).ShouldBeSameAs(before);
        app.AdvanceTime(TimeSpan.FromSeconds(31));
        (await catalog.GetAsync(CancellationToken.None)).ShouldBeSameAs(before);

        CategoryCatalog.Snapshot current;
        for (var wait = 0; (current = await catalog.GetAsync(CancellationToken.None)).Find(id) is null && wait < 500; wait++)
        {
            await Task.Delay(20); // the background reload runs on the thread pool
        }
        current.Find(id)!.Name.ShouldBe("别的实例新增类别");
    }
}

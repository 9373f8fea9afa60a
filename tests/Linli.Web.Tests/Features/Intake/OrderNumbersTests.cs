using Linli.Testing;
using Linli.Web.Features.Intake;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Web.Tests.Features.Intake;

/// <summary>
/// Order numbers (yyyyMMdd-NNNN per site-local day) from blocks reserved in the database: gap-free one at a time while
/// orders come slowly; under load in growing blocks, the next reserved ahead; unique across instances; a new day starts at
/// 0001. Each test numbers a day of its own (the days are years ahead of the suite's other orders).
/// </summary>
public class OrderNumbersTests(LinliApp app) : IClassFixture<LinliApp>
{
    private OrderNumbers Numbers(FakeTimeProvider clock) => new(app.Services.GetRequiredService<IServiceScopeFactory>(),
        app.Services.GetRequiredService<SiteTime>(), clock, app.Services.GetRequiredService<IntakeWriteGate>());

    /// <summary>Noon at the site (UTC+8) on <paramref name="day"/> of January 2031.</summary>
    private static DateTime Noon(int day) => new(2031, 1, day, 4, 0, 0, DateTimeKind.Utc);

    private Task<long> ReservedAsync(int day) => app.WithDbAsync(d => d.NumberSequences.Where(s => s.Key == $"order:203101{day:00}")
        .Select(s => s.Value).FirstOrDefaultAsync());

    [Fact]
    public async Task Orders_that_come_slowly_are_numbered_one_by_one_without_gaps()
    {
        var clock = new FakeTimeProvider(Noon(1));
        using var numbers = Numbers(clock);
        var taken = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            taken.Add(await numbers.NextAsync(Noon(1), CancellationToken.None));
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        taken.ShouldBe(["20310101-0001", "20310101-0002", "20310101-0003", "20310101-0004", "20310101-0005"]);
        (await ReservedAsync(1)).ShouldBe(5); // nothing reserved ahead: a restart now leaves no gap
    }

    [Fact]
    public async Task Under_load_numbers_stay_consecutive_and_the_next_block_is_reserved_ahead()
    {
        var clock = new FakeTimeProvider(Noon(2));
        using var numbers = Numbers(clock);
        var taken = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            taken.Add(await numbers.NextAsync(Noon(2), CancellationToken.None)); // all within the same instant: busy
        }

        taken.ShouldBe(Enumerable.Range(1, 500).Select(n => $"20310102-{n:0000}"));
        await numbers.ReservingAhead;
        // Blocks of 1, 2, 4, … 64, then 64 each: the 500th number is in the block 448–511, more than half of which is
        // handed out, so the next 64 (512–575) are reserved already.
        (await ReservedAsync(2)).ShouldBe(511 + OrderNumbers.MaxBlock);
    }

    [Fact]
    public async Task A_new_day_starts_again_at_one_even_with_a_block_reserved_ahead_for_the_day_before()
    {
        var clock = new FakeTimeProvider(Noon(3));
        using var numbers = Numbers(clock);
        for (var i = 0; i < 100; i++)
        {
            await numbers.NextAsync(Noon(3), CancellationToken.None);
        }

        var nextDay = await numbers.NextAsync(Noon(4), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var after = await numbers.NextAsync(Noon(4), CancellationToken.None);

        nextDay.ShouldBe("20310104-0001");
        after.ShouldBe("20310104-0002");
    }

    [Fact]
    public async Task Two_instances_under_load_never_hand_out_the_same_number()
    {
        var clock = new FakeTimeProvider(Noon(5));
        using var first = Numbers(clock);
        using var second = Numbers(clock);
        var taken = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => (i % 2 == 0 ? first : second).NextAsync(Noon(5), CancellationToken.None)));

        taken.Distinct().Count().ShouldBe(400);
        taken.ShouldAllBe(n => n.StartsWith("20310105-", StringComparison.Ordinal));
    }
}

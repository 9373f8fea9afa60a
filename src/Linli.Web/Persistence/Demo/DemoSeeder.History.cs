using Linli.Domain.Units;

namespace Linli.Web.Persistence.Demo;

public sealed partial class DemoSeeder
{
    // Filled in by the demo-data slice: ~300 residents with realistic names, and historical orders over 90 days.
    private Task SeedResidentsAsync(List<Building> buildings, CancellationToken ct) => Task.CompletedTask;

    private Task SeedHistoryAsync(int count, CancellationToken ct) => Task.CompletedTask;
}

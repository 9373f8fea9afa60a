using Linli.Web.Persistence.Demo;

namespace Linli.Web.Tests.Features.Grids;

/// <summary>Ids of the demo street's grids, as DemoSeeder.Grids.cs makes them.</summary>
public static class DemoGrid
{
    public static Guid Id(string code) => DemoIds.For("grid:" + code);
}

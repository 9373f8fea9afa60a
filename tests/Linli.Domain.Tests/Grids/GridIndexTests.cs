using Linli.Domain.Grids;

namespace Linli.Domain.Tests.Grids;

public class GridIndexTests
{
    private static IndexedGrid Grid(string code, int level, string wkt) =>
        new(Guid.NewGuid(), code, level, GridGeometry.ParseWkt(wkt).Value);

    // Two block grids side by side sharing the edge x = 1, a micro-grid inside A, and the community around them.
    private static readonly IndexedGrid Community = Grid("C01", 2, "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))");
    private static readonly IndexedGrid A = Grid("G0101", 3, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    private static readonly IndexedGrid B = Grid("G0102", 3, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");
    private static readonly IndexedGrid Micro = Grid("G0101-01", 4, "POLYGON ((0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.4, 0.2 0.2))");
    private static readonly GridIndex Index = new([Community, A, B, Micro]);

    [Theory]
    // latitude, longitude, expected grid, on a boundary
    [InlineData(0.5, 0.5, "G0101", false)]
    [InlineData(0.5, 1.5, "G0102", false)]
    [InlineData(0.3, 0.3, "G0101-01", false)]   // the micro-grid is deeper than its block grid
    [InlineData(0.2, 0.3, "G0101-01", true)]    // on the micro-grid's edge: still inside it
    [InlineData(0.5, 1.0, "G0101", true)]       // on the edge A and B share: the lower code, flagged
    [InlineData(1.0, 1.0, "G0101", true)]       // on the vertex A and B share
    [InlineData(0.0, 0.0, "G0101", true)]       // on A's outer vertex
    [InlineData(0.0, 1.5, "G0102", true)]       // on B's outer edge
    [InlineData(1.0, 2.0, "G0102", true)]       // B's far corner
    public void Locates_points_inside_on_edges_and_on_vertices(double latitude, double longitude, string code, bool onBoundary)
    {
        var hit = Index.Locate(latitude, longitude);
        hit.Grid!.Code.ShouldBe(code);
        hit.OnBoundary.ShouldBe(onBoundary);
    }

    [Fact]
    public void On_a_shared_edge_both_grids_are_reported()
    {
        Index.Locate(0.5, 1.0).Grids.Select(g => g.Code).ShouldBe(["G0101", "G0102"]);
    }

    [Theory]
    [InlineData(1.0000001, 0.5)]
    [InlineData(-0.0000001, 0.5)]
    [InlineData(0.5, 2.0000001)]
    [InlineData(39.9, 116.3)]
    public void A_point_just_outside_every_grid_is_in_none(double latitude, double longitude)
    {
        Index.Locate(latitude, longitude).Grid.ShouldBeNull();
    }

    [Fact]
    public void A_level_cap_skips_micro_grids()
    {
        Index.Locate(0.3, 0.3, maxLevel: 3).Grid!.Code.ShouldBe("G0101");
    }

    [Fact]
    public void An_empty_index_locates_nothing()
    {
        new GridIndex([]).Locate(0.5, 0.5).ShouldBe(PointHit.None);
    }

    [Fact]
    public void A_thousand_grids_answer_a_point_quickly()
    {
        // 30 × 30 cells of 0.001°: the tree narrows each lookup to a cell or two.
        var grids = new List<IndexedGrid>();
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 30; j++)
            {
                double x = 116 + i * 0.001, y = 39 + j * 0.001;
                grids.Add(Grid($"G{i:00}{j:00}", 3, FormattableString.Invariant($"POLYGON (({x} {y}, {x + 0.001} {y}, {x + 0.001} {y + 0.001}, {x} {y + 0.001}, {x} {y}))")));
            }
        }
        var index = new GridIndex(grids);
        index.Locate(39.0155, 116.0205).Grid!.Code.ShouldBe("G2015");
    }
}

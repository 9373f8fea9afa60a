using System.Text.Json.Nodes;
using Linli.Domain.Grids;
using NetTopologySuite.Geometries;

namespace Linli.Domain.Tests.Grids;

public class GridGeometryTests
{
    private static Geometry Wkt(string wkt) => GridGeometry.ParseWkt(wkt).Value;

    // A street 0.02° square, split into two communities, each a jagged half.
    private static readonly Geometry Street = Wkt("POLYGON ((116.30 39.88, 116.32 39.88, 116.32 39.90, 116.30 39.90, 116.30 39.88))");
    private static readonly Geometry West = Wkt("POLYGON ((116.30 39.88, 116.31 39.88, 116.312 39.89, 116.31 39.90, 116.30 39.90, 116.30 39.88))");
    private static readonly Geometry East = Wkt("POLYGON ((116.31 39.88, 116.32 39.88, 116.32 39.90, 116.31 39.90, 116.312 39.89, 116.31 39.88))");

    [Theory]
    [InlineData("")]
    [InlineData("not wkt")]
    [InlineData("POINT (116.3 39.9)")]
    [InlineData("LINESTRING (116.3 39.9, 116.4 39.9)")]
    [InlineData("POLYGON ((116.30 39.88, 116.32 39.90, 116.32 39.88, 116.30 39.90, 116.30 39.88))")] // a bow tie
    [InlineData("POLYGON ((200 39.88, 201 39.88, 201 39.90, 200 39.88))")]
    public void A_boundary_must_be_a_valid_polygon_on_the_globe(string wkt) =>
        GridGeometry.ParseWkt(wkt).Error!.Code.ShouldBe("Grid.InvalidBoundary");

    [Fact]
    public void Siblings_that_share_a_jagged_edge_are_accepted()
    {
        GridGeometry.CheckPlacement(East, new GridShape("S", Street), [new GridShape("W", West)], []).ShouldBeNull();
    }

    [Fact]
    public void A_child_outside_its_parent_is_refused()
    {
        var outside = Wkt("POLYGON ((116.31 39.89, 116.33 39.89, 116.33 39.895, 116.31 39.895, 116.31 39.89))");
        GridGeometry.CheckPlacement(outside, new GridShape("S", Street), [], [])!.Code.ShouldBe("Grid.OutsideParent");
    }

    [Fact]
    public void A_child_a_hair_outside_its_parent_is_within_tolerance()
    {
        // 0.000005° of longitude is about 0.4 m here: drawing noise, not a real overlap.
        var hair = Wkt("POLYGON ((116.299995 39.88, 116.31 39.88, 116.31 39.89, 116.299995 39.89, 116.299995 39.88))");
        GridGeometry.CheckPlacement(hair, new GridShape("S", Street), [], []).ShouldBeNull();
    }

    [Fact]
    public void Overlapping_siblings_are_refused_with_the_overlap_in_square_metres()
    {
        var greedy = Wkt("POLYGON ((116.305 39.88, 116.32 39.88, 116.32 39.90, 116.305 39.90, 116.305 39.88))");
        var error = GridGeometry.CheckPlacement(greedy, new GridShape("S", Street), [new GridShape("W", West)], [])!;
        error.Code.ShouldBe("Grid.OverlapsSibling");
        error.Details!["sibling"].ShouldBe("W");
        ((double)error.Details["overlapSquareMetres"]!).ShouldBeGreaterThan(100_000);
    }

    [Fact]
    public void Shrinking_a_parent_below_its_children_is_refused()
    {
        var small = Wkt("POLYGON ((116.30 39.88, 116.31 39.88, 116.31 39.89, 116.30 39.89, 116.30 39.88))");
        GridGeometry.CheckPlacement(small, null, [], [new GridShape("E", East)])!.Code.ShouldBe("Grid.ChildOutside");
    }

    [Fact]
    public void The_interior_point_of_a_c_shaped_grid_is_inside_it_while_its_centroid_is_not()
    {
        var c = Wkt("POLYGON ((0 0, 10 0, 10 2, 2 2, 2 8, 10 8, 10 10, 0 10, 0 0))");
        c.Covers(c.Centroid).ShouldBeFalse();
        c.Covers(GridGeometry.InteriorPoint(c)).ShouldBeTrue();
    }

    [Fact]
    public void Square_metres_are_about_right_at_beijing()
    {
        // 0.01° × 0.01° at 39.9° N ≈ 1113 m × 854 m ≈ 0.95 km².
        var cell = Wkt("POLYGON ((116.30 39.89, 116.31 39.89, 116.31 39.90, 116.30 39.90, 116.30 39.89))");
        GridGeometry.SquareMetres(cell).ShouldBe(950_000, 10_000);
    }

    [Fact]
    public void GeoJson_round_trips_polygons_with_holes_and_multipolygons()
    {
        var holed = Wkt("POLYGON ((116.30 39.88, 116.32 39.88, 116.32 39.90, 116.30 39.90, 116.30 39.88), (116.305 39.885, 116.306 39.885, 116.306 39.886, 116.305 39.885))");
        var multi = Wkt("MULTIPOLYGON (((116.30 39.88, 116.31 39.88, 116.31 39.89, 116.30 39.88)), ((116.32 39.88, 116.33 39.88, 116.33 39.89, 116.32 39.88)))");
        foreach (var geometry in new[] { holed, multi, West })
        {
            var json = GeoJson.Write(geometry).ToJsonString();
            var back = GeoJson.Read(json).Value;
            back.EqualsExact(geometry).ShouldBeTrue(json);
        }
    }

    [Fact]
    public void GeoJson_positions_are_longitude_first()
    {
        var json = GeoJson.Write(GridGeometry.Factory.CreatePoint(new Coordinate(116.31, 39.89)));
        json.ToJsonString().ShouldBe("""{"type":"Point","coordinates":[116.31,39.89]}""");
    }

    [Fact]
    public void A_feature_collection_round_trips_with_its_properties()
    {
        var features = new[]
        {
            new GeoJsonFeature(West, new JsonObject { ["code"] = "C01", ["level"] = 2 }),
            new GeoJsonFeature(East, new JsonObject { ["code"] = "C02", ["name"] = "太平桥社区" }),
        };
        var text = GeoJson.WriteFeatureCollection(features).ToJsonString();

        var back = GeoJson.ReadFeatures(JsonNode.Parse(text)).Value;

        back.Count.ShouldBe(2);
        back[0].Geometry.EqualsExact(West).ShouldBeTrue();
        back[0].Properties["level"]!.GetValue<int>().ShouldBe(2);
        back[1].Properties["name"]!.GetValue<string>().ShouldBe("太平桥社区");
    }

    [Fact]
    public void An_unclosed_ring_is_closed_on_reading()
    {
        var geometry = GeoJson.Read("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""").Value;
        geometry.Coordinates.Length.ShouldBe(5);
        geometry.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"type":"Polygon"}""")]
    [InlineData("""{"type":"Circle","coordinates":[0,0]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,"a"],[1,0],[1,1],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""")]
    [InlineData("[1,2]")]
    [InlineData("{")]
    public void Malformed_geojson_is_a_coded_error(string json) =>
        GeoJson.Read(json).Error!.Code.ShouldBe("Grid.InvalidGeoJson");

    [Fact]
    public void A_feature_collection_without_features_is_refused() =>
        GeoJson.ReadFeatures(JsonNode.Parse("""{"type":"FeatureCollection"}""")).Error!.Code.ShouldBe("Grid.InvalidGeoJson");
}

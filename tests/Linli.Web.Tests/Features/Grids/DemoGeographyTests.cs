using System.Text.Json;
using System.Text.Json.Nodes;
using Linli.Domain.Grids;
using NetTopologySuite.Geometries;

namespace Linli.Web.Tests.Features.Grids;

/// <summary>The demo street's polygons are valid, nested and tiled, and every building lies in its grid.</summary>
public class DemoGeographyTests(LinliApp app) : IClassFixture<LinliApp>
{
    private static Geometry Polygon(JsonElement grid) => GeoJson.Read(JsonNode.Parse(grid.GetProperty("polygon").GetRawText())).Value;

    private static Point Center(JsonElement grid) => GridGeometry.Factory.CreatePoint(new Coordinate(
        grid.GetProperty("center").GetProperty("longitude").GetDouble(), grid.GetProperty("center").GetProperty("latitude").GetDouble()));

    [Fact]
    public async Task Level_3_grids_list_their_unit_and_a_center_inside_their_polygon()
    {
        var grids = (await (await app.As("dispatcher")).GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().ToList();

        grids.Count.ShouldBe(9);
        foreach (var grid in grids)
        {
            grid.GetProperty("level").GetInt32().ShouldBe(3);
            grid.GetProperty("unitId").GetGuid().ShouldBe(LinliApp.UnitId(grid.Str("code")));
            grid.GetProperty("parentId").GetGuid().ShouldNotBe(Guid.Empty);
            grid.GetProperty("polygon").Str("type").ShouldBe("Polygon");
            Polygon(grid).Covers(Center(grid)).ShouldBeTrue(grid.Str("code"));
            Polygon(grid).Boundary.Distance(Center(grid)).ShouldBeGreaterThan(0.0005, "the center is well inside, not on an edge");
        }
    }

    [Fact]
    public async Task Every_level_nests_in_its_parent_and_tiles_it_without_overlap()
    {
        var all = (await (await app.As("admin")).GetJsonAsync("/api/v1/grids")).EnumerateArray().ToList();
        all.Count.ShouldBe(1 + 3 + 9 + 36);
        var byId = all.ToDictionary(g => g.GetProperty("id").GetGuid());
        foreach (var grid in all.Where(g => g.GetProperty("level").GetInt32() > 1))
        {
            var parent = byId[grid.GetProperty("parentId").GetGuid()];
            parent.GetProperty("level").GetInt32().ShouldBe(grid.GetProperty("level").GetInt32() - 1);
            var siblings = all.Where(s => s.GetProperty("parentId").ValueKind == JsonValueKind.String
                && s.GetProperty("parentId").GetGuid() == parent.GetProperty("id").GetGuid() && s.Str("id") != grid.Str("id"));
            GridGeometry.CheckPlacement(Polygon(grid), new GridShape(parent.Str("code"), Polygon(parent)),
                siblings.Select(s => new GridShape(s.Str("code"), Polygon(s))), []).ShouldBeNull(grid.Str("code"));
        }
        foreach (var parent in all.Where(g => g.GetProperty("level").GetInt32() is 1 or 2))
        {
            // The children cover the parent: communities tile the street, block grids tile their community.
            var children = all.Where(c => c.GetProperty("parentId").ValueKind == JsonValueKind.String && c.GetProperty("parentId").GetGuid() == parent.GetProperty("id").GetGuid());
            var union = GridGeometry.Factory.BuildGeometry(children.Select(Polygon).ToList()).Union();
            GridGeometry.SquareMetres(Polygon(parent).Difference(union)).ShouldBeLessThan(1.0, parent.Str("code"));
        }
    }

    [Fact]
    public async Task Polygons_are_irregular_not_boxes()
    {
        var grids = (await (await app.As("dispatcher")).GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().ToList();
        foreach (var grid in grids)
        {
            var polygon = Polygon(grid);
            polygon.Coordinates.Length.ShouldBeGreaterThan(5);
            polygon.Area.ShouldBeLessThan(polygon.Envelope.Area * 0.999, grid.Str("code"));
        }
    }

    [Fact]
    public async Task Every_demo_building_lies_in_its_grid_and_in_its_micro_grid()
    {
        var admin = await app.As("admin");
        var blocks = (await admin.GetJsonAsync("/api/v1/grids?level=3")).EnumerateArray().ToDictionary(g => g.GetProperty("unitId").GetGuid(), Polygon);
        var micro = (await admin.GetJsonAsync("/api/v1/grids?level=4")).EnumerateArray().ToDictionary(g => g.GetProperty("buildingId").GetGuid(), Polygon);
        var buildings = (await admin.GetJsonAsync("/api/v1/buildings")).EnumerateArray().ToList();

        buildings.Count.ShouldBe(36);
        foreach (var building in buildings)
        {
            var point = GridGeometry.Factory.CreatePoint(new Coordinate(building.GetProperty("longitude").GetDouble(), building.GetProperty("latitude").GetDouble()));
            blocks[building.GetProperty("gridUnitId").GetGuid()].Covers(point).ShouldBeTrue(building.Str("name"));
            micro[building.GetProperty("id").GetGuid()].Covers(point).ShouldBeTrue(building.Str("name"));
        }
    }

    [Fact]
    public async Task Grids_export_as_a_geojson_feature_collection_that_imports_back_unchanged()
    {
        var admin = await app.As("admin");
        var response = await admin.GetAsync("/api/v1/grids/export?level=3");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        var exported = await response.Content.ReadAsStringAsync();
        var features = JsonNode.Parse(exported)!["features"]!.AsArray();
        features.Count.ShouldBe(9);
        features[0]!["properties"]!["parentCode"]!.GetValue<string>().ShouldBe("C01");

        var imported = await (await admin.PostRawAsync("/api/v1/grids/import", exported)).ShouldBeAsync(System.Net.HttpStatusCode.OK);

        imported.GetProperty("created").GetArrayLength().ShouldBe(0);
        imported.GetProperty("updated").GetArrayLength().ShouldBe(9);
        var again = await (await admin.GetAsync("/api/v1/grids/export?level=3")).Content.ReadAsStringAsync();
        var before = GeoJson.ReadFeatures(JsonNode.Parse(exported)).Value;
        var after = GeoJson.ReadFeatures(JsonNode.Parse(again)).Value;
        after.Zip(before).ShouldAllBe(p => p.First.Geometry.EqualsExact(p.Second.Geometry, 1e-9));
    }
}

using System.Text.Json.Nodes;

namespace Linli.Web.Shared;

/// <summary>Turns a grid's GeoJSON boundary (longitude first, from the grids slice) into Leaflet's [latitude, longitude] ring.</summary>
public static class GridOutlines
{
    public static IReadOnlyList<double[]> OuterRing(JsonObject? geometry)
    {
        var type = geometry?["type"]?.GetValue<string>();
        var coordinates = geometry?["coordinates"] as JsonArray;
        var ring = type switch
        {
            "Polygon" => coordinates?[0] as JsonArray,
            "MultiPolygon" => (coordinates?[0] as JsonArray)?[0] as JsonArray,
            _ => null,
        };
        return ring is null
            ? []
            : [.. ring.OfType<JsonArray>().Select(p => new[] { p[1]!.GetValue<double>(), p[0]!.GetValue<double>() })];
    }
}

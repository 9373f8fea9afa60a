using System.Text.Json;
using System.Text.Json.Nodes;
using Linli.Domain.Common;
using NetTopologySuite.Geometries;

namespace Linli.Domain.Grids;

/// <summary>One GeoJSON feature: a geometry and its properties.</summary>
public sealed record GeoJsonFeature(Geometry Geometry, JsonObject Properties);

/// <summary>
/// A small GeoJSON (RFC 7946) reader and writer for what grids need: Point, LineString, Polygon, MultiPolygon, Feature and
/// FeatureCollection. Positions are [longitude, latitude]; a missing ring closure is added; anything else is refused with
/// a coded <c>Grid.InvalidGeoJson</c> error. No GeoJSON package is available here, and this much is easy to own.
/// </summary>
public static class GeoJson
{
    public static JsonObject Write(Geometry geometry) => geometry switch
    {
        Point p => new JsonObject { ["type"] = "Point", ["coordinates"] = Position(p.Coordinate) },
        LineString l => new JsonObject { ["type"] = "LineString", ["coordinates"] = Positions(l.Coordinates) },
        Polygon p => new JsonObject { ["type"] = "Polygon", ["coordinates"] = Rings(p) },
        MultiPolygon m => new JsonObject
        {
            ["type"] = "MultiPolygon",
            ["coordinates"] = new JsonArray([.. m.Geometries.Cast<Polygon>().Select(p => (JsonNode)Rings(p))]),
        },
        _ => throw new ArgumentException($"GeoJSON output of {geometry.GeometryType} is not supported.", nameof(geometry)),
    };

    public static JsonObject WriteFeatureCollection(IEnumerable<GeoJsonFeature> features) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray([.. features.Select(f => (JsonNode)new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = Write(f.Geometry),
            ["properties"] = f.Properties.DeepClone(),
        })]),
    };

    public static Result<Geometry> Read(JsonNode? node)
    {
        try
        {
            return ReadGeometry(node);
        }
        catch (GeoJsonException e)
        {
            return GridErrors.InvalidGeoJson(e.Message);
        }
    }

    public static Result<Geometry> Read(string json)
    {
        try
        {
            return Read(JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            return GridErrors.InvalidGeoJson("not JSON");
        }
    }

    /// <summary>Reads a FeatureCollection (or a single Feature) into features.</summary>
    public static Result<IReadOnlyList<GeoJsonFeature>> ReadFeatures(JsonNode? node)
    {
        try
        {
            var root = node as JsonObject ?? throw new GeoJsonException("expected an object");
            var type = TypeOf(root);
            if (type == "Feature")
            {
                return new[] { ReadFeature(root) };
            }
            if (type != "FeatureCollection")
            {
                throw new GeoJsonException($"expected a FeatureCollection, got {type}");
            }
            var features = root["features"] as JsonArray ?? throw new GeoJsonException("features must be an array");
            return features.Select(f => ReadFeature(f as JsonObject ?? throw new GeoJsonException("a feature must be an object"))).ToList();
        }
        catch (GeoJsonException e)
        {
            return GridErrors.InvalidGeoJson(e.Message);
        }
    }

    private static GeoJsonFeature ReadFeature(JsonObject feature)
    {
        if (TypeOf(feature) != "Feature")
        {
            throw new GeoJsonException("expected a Feature");
        }
        var properties = feature["properties"] switch
        {
            null => new JsonObject(),
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => throw new GeoJsonException("properties must be an object or null"),
        };
        return new GeoJsonFeature(ReadGeometry(feature["geometry"]), properties);
    }

    private static Geometry ReadGeometry(JsonNode? node)
    {
        var geometry = node as JsonObject ?? throw new GeoJsonException("geometry must be an object");
        var coordinates = geometry["coordinates"] as JsonArray ?? throw new GeoJsonException("coordinates must be an array");
        var factory = GridGeometry.Factory;
        return TypeOf(geometry) switch
        {
            "Point" => factory.CreatePoint(ReadPosition(coordinates)),
            "LineString" => factory.CreateLineString(ReadPositions(coordinates, 2)),
            "Polygon" => ReadPolygon(coordinates),
            "MultiPolygon" => factory.CreateMultiPolygon([.. coordinates.Select(p => ReadPolygon(p as JsonArray ?? throw new GeoJsonException("a polygon must be an array")))]),
            var other => throw new GeoJsonException($"geometry type {other} is not supported"),
        };
    }

    private static Polygon ReadPolygon(JsonArray rings)
    {
        if (rings.Count == 0)
        {
            throw new GeoJsonException("a polygon needs an outer ring");
        }
        var linear = rings.Select(r => GridGeometry.Factory.CreateLinearRing(ReadRing(r as JsonArray ?? throw new GeoJsonException("a ring must be an array")))).ToList();
        return GridGeometry.Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
    }

    private static Coordinate[] ReadRing(JsonArray ring)
    {
        var positions = ReadPositions(ring, 3).ToList();
        if (!positions[0].Equals2D(positions[^1]))
        {
            positions.Add(positions[0].Copy());
        }
        if (positions.Count < 4)
        {
            throw new GeoJsonException("a ring needs at least four positions");
        }
        return [.. positions];
    }

    private static Coordinate[] ReadPositions(JsonArray positions, int minimum)
    {
        if (positions.Count < minimum)
        {
            throw new GeoJsonException($"expected at least {minimum} positions");
        }
        return [.. positions.Select(p => ReadPosition(p as JsonArray ?? throw new GeoJsonException("a position must be an array")))];
    }

    private static Coordinate ReadPosition(JsonArray position)
    {
        if (position.Count < 2)
        {
            throw new GeoJsonException("a position needs longitude and latitude");
        }
        return new Coordinate(Number(position[0]), Number(position[1]));
    }

    private static double Number(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number))
        {
            return number;
        }
        throw new GeoJsonException("a coordinate must be a finite number");
    }

    private static string TypeOf(JsonObject node) =>
        node["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : throw new GeoJsonException("missing type");

    private static JsonArray Position(Coordinate c) => new(Round(c.X), Round(c.Y));

    private static JsonArray Positions(IEnumerable<Coordinate> coordinates) => new([.. coordinates.Select(c => (JsonNode)Position(c))]);

    private static JsonArray Rings(Polygon polygon) =>
        new([(JsonNode)Positions(polygon.ExteriorRing.Coordinates), .. polygon.InteriorRings.Select(r => (JsonNode)Positions(r.Coordinates))]);

    /// <summary>Nine decimals of a degree are about a tenth of a millimetre: more is noise, less could move a shared edge.</summary>
    private static double Round(double degrees) => Math.Round(degrees, 9);

    private sealed class GeoJsonException(string message) : Exception(message);
}

using Linli.Domain.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Linli.Domain.Grids;

/// <summary>A grid's boundary as a geometry, with the code it is reported under.</summary>
public sealed record GridShape(string Code, Geometry Boundary);

/// <summary>
/// The geometry rules of grids: what a valid boundary is, that a child lies within its parent and that siblings do not
/// overlap (both up to a small tolerance, because hand-drawn neighbours never share an edge to the last digit).
/// Coordinates are WGS 84 degrees, x = longitude, y = latitude; areas and distances are converted to metres locally.
/// </summary>
public static class GridGeometry
{
    /// <summary>How far (metres) a child may stick out of its parent before it is refused.</summary>
    public const double ContainmentToleranceMetres = 1.0;

    /// <summary>How much area (square metres) two siblings may share before they are refused.</summary>
    public const double OverlapToleranceSquareMetres = 10.0;

    private const double MetresPerDegreeLatitude = 111_320.0;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Parses and checks a stored or submitted WKT boundary.</summary>
    public static Result<Geometry> ParseWkt(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
        {
            return GridErrors.InvalidBoundary("empty");
        }
        Geometry geometry;
        try
        {
            geometry = new WKTReader(Factory.GeometryServices).Read(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            return GridErrors.InvalidBoundary("not WKT");
        }
        return Check(geometry);
    }

    /// <summary>A boundary must be a non-empty, valid polygon or multipolygon with coordinates on the globe.</summary>
    public static Result<Geometry> Check(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            return GridErrors.InvalidBoundary("not a polygon");
        }
        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                return GridErrors.InvalidBoundary("coordinates out of range");
            }
        }
        if (!geometry.IsValid)
        {
            return GridErrors.InvalidBoundary("self-intersecting or badly formed ring");
        }
        geometry.SRID = 4326;
        return geometry;
    }

    public static string ToWkt(Geometry geometry) => new WKTWriter().Write(geometry);

    /// <summary>
    /// Checks a grid's boundary against its neighbourhood: inside its parent, not overlapping its siblings, holding its children.
    /// Returns the first problem found, or null.
    /// </summary>
    public static Error? CheckPlacement(Geometry boundary, GridShape? parent, IEnumerable<GridShape> siblings, IEnumerable<GridShape> children)
    {
        if (parent is not null && !Within(boundary, parent.Boundary))
        {
            return GridErrors.OutsideParent(parent.Code);
        }
        foreach (var sibling in siblings)
        {
            if (!boundary.EnvelopeInternal.Intersects(sibling.Boundary.EnvelopeInternal))
            {
                continue;
            }
            var shared = SquareMetres(boundary.Intersection(sibling.Boundary));
            if (shared > OverlapToleranceSquareMetres)
            {
                return GridErrors.OverlapsSibling(sibling.Code, shared);
            }
        }
        foreach (var child in children)
        {
            if (!Within(child.Boundary, boundary))
            {
                return GridErrors.ChildOutside(child.Code);
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="inner"/> lies inside <paramref name="outer"/>, give or take the containment tolerance.</summary>
    public static bool Within(Geometry inner, Geometry outer)
    {
        if (outer.Covers(inner))
        {
            return true;
        }
        var tolerance = ContainmentToleranceMetres / MetresPerDegreeLongitude(outer.EnvelopeInternal.Centre.Y);
        return outer.Buffer(tolerance).Covers(inner);
    }

    /// <summary>A point guaranteed to lie inside the boundary (unlike the centroid of an L- or C-shaped grid).</summary>
    public static Point InteriorPoint(Geometry boundary) => boundary.InteriorPoint;

    /// <summary>The area in square metres (equirectangular approximation: fine at the scale of a street).</summary>
    public static double SquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return 0;
        }
        var latitude = geometry.EnvelopeInternal.Centre.Y;
        return geometry.Area * MetresPerDegreeLatitude * MetresPerDegreeLongitude(latitude);
    }

    private static double MetresPerDegreeLongitude(double latitude) =>
        Math.Max(1.0, MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180.0));
}

using System.Text.Json.Nodes;
using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Web.Features.Units;
using Linli.Web.Persistence;

namespace Linli.Web.Features.Grids;

/// <summary>How an import went: grids created and updated, by code.</summary>
public sealed record ImportGridsResponse(IReadOnlyList<string> Created, IReadOnlyList<string> Updated);

/// <summary>
/// Grids as a GeoJSON FeatureCollection, for GIS tools and for moving a street between installations. Each feature carries
/// <c>code</c>, <c>name</c>, <c>level</c>, <c>parentCode</c>, <c>unitCode</c> (and, on export, ids and the interior
/// <c>center</c>). Import matches grids by code: new codes are created, known ones get the feature's name, unit, parent and
/// polygon. The whole file is checked against the resulting grid set before anything is saved: all or nothing.
/// </summary>
public sealed class ImportExportGridsHandler(LinliDbContext db, GridMap map, UnitTree units, SaveGridHandler grids)
{
    public async Task<JsonObject> ExportAsync(int? level, CancellationToken ct)
    {
        var snapshot = await map.GetAsync(ct);
        var tree = await units.GetAsync(ct);
        var features = snapshot.Grids.Where(g => g.IsActive && (level is null || g.Level == level))
            .OrderBy(g => g.Level).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var center = g.Center;
                return new GeoJsonFeature(g.Boundary, new JsonObject
                {
                    ["id"] = g.Id.ToString(),
                    ["code"] = g.Code,
                    ["name"] = g.Name,
                    ["level"] = g.Level,
                    ["parentCode"] = g.ParentId is { } p ? snapshot.Find(p)?.Code : null,
                    ["unitCode"] = tree.Find(g.UnitId)?.Code,
                    ["unitId"] = g.UnitId.ToString(),
                    ["buildingId"] = g.BuildingId?.ToString(),
                    ["center"] = new JsonArray(center.X, center.Y),
                });
            });
        return GeoJson.WriteFeatureCollection(features);
    }

    public async Task<Result<ImportGridsResponse>> ImportAsync(JsonNode? body, CancellationToken ct)
    {
        var read = GeoJson.ReadFeatures(body);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }
        var tree = await units.GetAsync(ct);
        var all = await grids.WorkingSetAsync(ct);
        var byCode = all.ToDictionary(g => g.Grid.Code, StringComparer.Ordinal);
        var created = new List<string>();
        var updated = new List<string>();
        var touched = new List<WorkingGrid>();
        // Parents before children, so that a file may bring a whole new street at once.
        foreach (var feature in read.Value.OrderBy(f => Int(f.Properties, "level") ?? 0))
        {
            var code = Text(feature.Properties, "code");
            var level = Int(feature.Properties, "level");
            if (code is null || level is null)
            {
                return GridErrors.InvalidGeoJson("every feature needs code and level");
            }
            var boundary = GridGeometry.Check(feature.Geometry);
            if (!boundary.IsSuccess)
            {
                return With(boundary.Error!, code);
            }
            var unit = Text(feature.Properties, "unitCode") is { } unitCode
                ? tree.All.FirstOrDefault(u => u.Code == unitCode && u.IsActive)
                : byCode.TryGetValue(code, out var existingGrid) ? tree.Find(existingGrid.Grid.UnitId) : null;
            if (unit is null)
            {
                return With(GridErrors.UnknownUnit, code);
            }
            Guid? parentId = null;
            if (Text(feature.Properties, "parentCode") is { } parentCode)
            {
                if (!byCode.TryGetValue(parentCode, out var parent))
                {
                    return With(GridErrors.InvalidParent, code);
                }
                parentId = parent.Grid.Id;
            }
            var name = Text(feature.Properties, "name") ?? code;
            var wkt = GridGeometry.ToWkt(boundary.Value);
            if (byCode.TryGetValue(code, out var existing))
            {
                if (existing.Grid.Level != level)
                {
                    return With(GridErrors.InvalidLevel, code);
                }
                var edited = existing.Grid.Edit(name, unit.Id, wkt);
                if (!edited.IsSuccess)
                {
                    return With(edited.Error!, code);
                }
                if (parentId is { } newParent && newParent != existing.Grid.ParentId)
                {
                    var moved = existing.Grid.MoveTo(newParent);
                    if (!moved.IsSuccess)
                    {
                        return With(moved.Error!, code);
                    }
                }
                existing.Boundary = boundary.Value;
                touched.Add(existing);
                updated.Add(code);
            }
            else
            {
                var grid = Grid.Create(Guid.CreateVersion7(), code, name, level.Value, parentId, unit.Id, null, wkt);
                if (!grid.IsSuccess)
                {
                    return With(grid.Error!, code);
                }
                var working = new WorkingGrid(grid.Value, boundary.Value);
                all.Add(working);
                byCode[code] = working;
                touched.Add(working);
                db.Grids.Add(grid.Value);
                created.Add(code);
            }
        }
        foreach (var grid in touched)
        {
            if (GridPlacement.Check(grid, all) is { } placement)
            {
                return With(placement, grid.Grid.Code);
            }
        }
        await db.SaveChangesAsync(ct);
        map.Invalidate();
        return new ImportGridsResponse(created, updated);
    }

    /// <summary>Names the feature an error is about, so a GIS user can find it in a file of hundreds.</summary>
    private static Error With(Error error, string code)
    {
        var details = error.Details is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(error.Details);
        details["feature"] = code;
        return error with { Details = details };
    }

    private static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static int? Int(JsonObject properties, string name) =>
        properties[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}

using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Web.Features.Grids.Pages;

public sealed record GridShape(string Name, string Code, int Level, string? UnitName, IReadOnlyList<double[]> Outline);

/// <summary>网格地图 (Admin): every grid's boundary from <see cref="ListGridsHandler"/>, drawn with Leaflet from our own data.</summary>
public sealed class MapModel(ListGridsHandler grids) : PageModel
{
    public List<GridShape> Grids { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Grids = [.. (await grids.HandleAsync(new ListGridsQuery(null, null, false), ct))
            .Select(g => new GridShape(g.Name, g.Code, g.Level, g.UnitName, GridOutlines.OuterRing(g.Polygon)))];
}

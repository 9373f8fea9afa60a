namespace Linli.Domain.Grids;

/// <summary>How the place of a request was found, from the surest to the vaguest.</summary>
public enum LocatedBy
{
    /// <summary>The channel named the building.</summary>
    Building,
    /// <summary>The address text was matched to a registered compound (and building).</summary>
    Address,
    /// <summary>The map point fell in a grid's polygon.</summary>
    Point,
    /// <summary>Nothing was said about the place: the resident's own building is assumed.</summary>
    ReporterHome,
    /// <summary>Nothing usable: the channel's area or the street.</summary>
    Fallback,
    /// <summary>The request's own words named a registered compound (and building): "京铁家园3号楼电梯停了".</summary>
    Text,
}

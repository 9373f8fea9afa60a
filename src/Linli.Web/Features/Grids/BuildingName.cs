using Linli.Web.Resources;

namespace Linli.Web.Features.Grids;

/// <summary>
/// A building's name as the system writes it into records, reports and default addresses (e.g. "阳光花园3号楼"):
/// SystemText "Building.DisplayName". Queries select Compound and Number and name the building in memory.
/// </summary>
public static class BuildingName
{
    public static string Of(string compound, string number) => SystemText.Format("Building.DisplayName", compound, number);
}

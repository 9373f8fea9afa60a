using Linli.Domain.Units;

namespace Linli.Domain.Grids;

/// <summary>A building as address matching needs it.</summary>
public sealed record KnownBuilding(Guid Id, string Compound, string Number);

/// <summary>How an address text was matched to the register.</summary>
public enum AddressMatchKind
{
    /// <summary>The compound's registered name or an alias appears in the text.</summary>
    Name,
    /// <summary>Only the core of the name (without 小区, 家园, 苑 ...) appears.</summary>
    Core,
}

/// <summary>The compound (and building, when the number is known there) an address text points to.</summary>
public sealed record AddressMatch(ParsedAddress Parsed, string Compound, AddressMatchKind Kind, KnownBuilding? Building)
{
    /// <summary>How sure the match is: a building by its registered name is near certain, a compound by the core of its name less so.</summary>
    public double Confidence => (Building is not null, Kind) switch
    {
        (true, AddressMatchKind.Name) => 0.95,
        (true, AddressMatchKind.Core) => 0.8,
        (false, AddressMatchKind.Name) => 0.7,
        (false, AddressMatchKind.Core) => 0.55,
    };
}

/// <summary>
/// The compounds and buildings of the register, searchable by free address text: the longest registered name or alias
/// found in the text wins; failing that, the core of a name (莲花 for 莲花小区) inside the parsed compound part.
/// </summary>
public sealed class CompoundDirectory
{
    private static readonly string[] GenericSuffixes = ["小区", "家园", "花园", "公寓", "新村", "社区", "苑", "园", "里", "院"];

    private readonly List<(string Name, string Compound)> _names;
    private readonly List<(string Core, string Compound)> _cores;
    private readonly Dictionary<(string Compound, string Number), KnownBuilding> _buildings;

    public CompoundDirectory(IEnumerable<KnownBuilding> buildings, IEnumerable<CompoundAlias> aliases)
    {
        var list = buildings.ToList();
        _buildings = list.GroupBy(b => (b.Compound, ChineseAddress.Parse(b.Number + "号楼").Building ?? b.Number))
            .ToDictionary(g => g.Key, g => g.First());
        var compounds = list.Select(b => b.Compound).Distinct().ToList();
        _names = [.. compounds.Select(c => (ChineseAddress.Normalize(c), c))
            .Concat(aliases.Where(a => compounds.Contains(a.Compound)).Select(a => (ChineseAddress.Normalize(a.Alias), a.Compound)))
            .Where(n => n.Item1.Length > 0)
            .OrderByDescending(n => n.Item1.Length).ThenBy(n => n.Item1, StringComparer.Ordinal)];
        _cores = [.. _names.Select(n => (Core(n.Name), n.Compound)).Where(n => n.Item1.Length >= 2)
            .OrderByDescending(n => n.Item1.Length).ThenBy(n => n.Item1, StringComparer.Ordinal)];
    }

    public AddressMatch? Match(string? address)
    {
        var parsed = ChineseAddress.Parse(address);
        if (parsed.Normalized.Length == 0)
        {
            return null;
        }
        var byName = _names.FirstOrDefault(n => parsed.Normalized.Contains(n.Name, StringComparison.Ordinal));
        if (byName.Compound is not null)
        {
            return new AddressMatch(parsed, byName.Compound, AddressMatchKind.Name, BuildingOf(byName.Compound, parsed.Building));
        }
        if (parsed.Compound is { Length: >= 2 } part)
        {
            var core = _cores.FirstOrDefault(n => part.Contains(n.Core, StringComparison.Ordinal) || Core(part) == n.Core);
            if (core.Compound is not null)
            {
                return new AddressMatch(parsed, core.Compound, AddressMatchKind.Core, BuildingOf(core.Compound, parsed.Building));
            }
        }
        return null;
    }

    private KnownBuilding? BuildingOf(string compound, string? number) =>
        number is not null && _buildings.TryGetValue((compound, number), out var building) ? building : null;

    private static string Core(string name)
    {
        foreach (var suffix in GenericSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }
}

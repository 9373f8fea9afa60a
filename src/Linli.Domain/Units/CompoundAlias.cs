namespace Linli.Domain.Units;

/// <summary>Another name residents use for a compound (old name, short name, the name on the gate): 莲花池小区 for 莲花小区.</summary>
public sealed class CompoundAlias
{
    private CompoundAlias()
    {
        Alias = null!;
        Compound = null!;
    }

    public CompoundAlias(Guid id, string alias, string compound)
    {
        Id = id;
        Alias = alias;
        Compound = compound;
    }

    public Guid Id { get; private set; }
    public string Alias { get; private set; }
    public string Compound { get; private set; }
}

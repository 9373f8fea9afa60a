namespace Linli.Domain.Common;

/// <summary>Who did something: recorded in every history entry. <see cref="UserId"/> is null for the system and channel integrations.</summary>
public sealed record Actor(Guid? UserId, string Name, string Role)
{
    public static readonly Actor System = new(null, "system", "System");
}

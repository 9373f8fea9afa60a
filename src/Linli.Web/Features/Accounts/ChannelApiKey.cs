using Linli.Domain.WorkOrders;

namespace Linli.Web.Features.Accounts;

/// <summary>
/// A key a channel integration (e.g. the 12345 bridge) signs its calls with. Only a SHA-256 hash is stored;
/// the key itself is shown once, at creation. Revoked keys stop working at once.
/// </summary>
public sealed class ChannelApiKey
{
    private ChannelApiKey()
    {
        Name = null!;
        Prefix = null!;
        KeyHash = null!;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Channel Channel { get; private set; }

    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public string Prefix { get; private set; }

    public string KeyHash { get; private set; }

    /// <summary>The area the channel's orders belong to when they carry no place.</summary>
    public Guid? AreaUnitId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public static ChannelApiKey Create(string name, Channel channel, string prefix, string keyHash, Guid? areaUnitId, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Channel = channel,
        Prefix = prefix,
        KeyHash = keyHash,
        AreaUnitId = areaUnitId,
        CreatedAt = at,
    };

    public void Revoke(DateTime at) => RevokedAt ??= at;
}

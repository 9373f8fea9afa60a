using System.Security.Cryptography;
using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Accounts;

public sealed record CreateChannelApiKeyRequest(string? Name, Channel Channel, Guid? AreaUnitId);

/// <summary>The only time the key itself is shown.</summary>
public sealed record CreatedChannelApiKey(Guid Id, string Name, Channel Channel, string Prefix, string Key);

public sealed record ChannelApiKeySummary(Guid Id, string Name, Channel Channel, string Prefix, Guid? AreaUnitId, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>Admin use cases for channel API keys: create (key shown once), list, revoke.</summary>
public sealed class ChannelApiKeysHandler(LinliDbContext db, TimeProvider clock)
{
    public async Task<Result<CreatedChannelApiKey>> CreateAsync(CreateChannelApiKeyRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 64)
        {
            return Error.Validation("ApiKey.NameRequired");
        }
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var key = $"llk_{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var entity = ChannelApiKey.Create(request.Name.Trim(), request.Channel, prefix, AccountsSetup.HashApiKey(key), request.AreaUnitId, clock.GetUtcNow().UtcDateTime);
        db.ChannelApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedChannelApiKey(entity.Id, entity.Name, entity.Channel, prefix, key);
    }

    public Task<List<ChannelApiKeySummary>> ListAsync(CancellationToken ct) =>
        db.ChannelApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new ChannelApiKeySummary(k.Id, k.Name, k.Channel, k.Prefix, k.AreaUnitId, k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct);

    public async Task<Result<ChannelApiKeySummary>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ChannelApiKeys.FindAsync([id], ct);
        if (key is null)
        {
            return Error.NotFound("ApiKey.NotFound");
        }
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new ChannelApiKeySummary(key.Id, key.Name, key.Channel, key.Prefix, key.AreaUnitId, key.CreatedAt, key.RevokedAt);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

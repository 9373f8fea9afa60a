using Linli.Classification;
using Linli.Classification.Model;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

/// <summary>A model loaded from the registry, with the registry row it came from.</summary>
public sealed record LoadedModel(Guid Id, string Version, TextClassifier Model);

/// <summary>
/// Holds the active category and urgency models in memory for the whole host. Every instance reads the registry at
/// most once a minute (or at once after <see cref="Invalidate"/>) and reloads when another model was activated.
/// </summary>
public sealed class ActiveClassifier(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public const string CategoryTarget = "category";
    public const string UrgencyTarget = "urgency";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedModel? _category;
    private LoadedModel? _urgency;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public void Invalidate() => _checkedAt = DateTimeOffset.MinValue;

    public void Dispose() => _gate.Dispose();

    public async Task<(LoadedModel? Category, LoadedModel? Urgency)> GetAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _checkedAt < CheckEvery)
        {
            return (_category, _urgency);
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _checkedAt < CheckEvery)
            {
                return (_category, _urgency);
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LinliDbContext>();
            var active = await db.ClassifierModels.AsNoTracking().Where(m => m.IsActive)
                .Select(m => new { m.Id, m.Target }).ToListAsync(ct);
            _category = await ReloadAsync(db, _category, active.FirstOrDefault(m => m.Target == CategoryTarget)?.Id, ct);
            _urgency = await ReloadAsync(db, _urgency, active.FirstOrDefault(m => m.Target == UrgencyTarget)?.Id, ct);
            _checkedAt = clock.GetUtcNow();
            return (_category, _urgency);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<LoadedModel?> ReloadAsync(LinliDbContext db, LoadedModel? current, Guid? activeId, CancellationToken ct)
    {
        if (activeId is null)
        {
            return null;
        }
        if (current?.Id == activeId)
        {
            return current;
        }
        var row = await db.ClassifierModels.AsNoTracking().Where(m => m.Id == activeId).Select(m => new { m.Version, m.Content }).FirstAsync(ct);
        using var stream = new MemoryStream(row.Content);
        return new LoadedModel(activeId.Value, row.Version, ClassifierModelFile.Load(stream));
    }
}

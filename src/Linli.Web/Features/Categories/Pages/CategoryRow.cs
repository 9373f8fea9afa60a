using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Categories.Pages;

/// <summary>A category as the administration page lists it (the same rows as <c>GET /api/v1/categories</c>, inactive ones too).</summary>
public sealed record CategoryRow(Guid Id, string Code, string Name, int Level, bool IsActive)
{
    public static Task<List<CategoryRow>> ListAsync(LinliDbContext db, CancellationToken ct) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryRow(c.Id, c.Code, c.Name, c.Level, c.IsActive)).ToListAsync(ct);
}

using Linli.Web.Features.Accounts;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Categories;

public sealed record CategorySummary(Guid Id, string Code, string Name, Guid? ParentId, int Level);

/// <summary>/api/v1/categories: the site's request taxonomy, for every signed-in caller (residents pick one when reporting).</summary>
public static class CategoriesEndpoints
{
    public static IEndpointRouteBuilder MapCategories(this IEndpointRouteBuilder api)
    {
        api.MapGet("/categories", (LinliDbContext db, CancellationToken ct) =>
                db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
                    .Select(c => new CategorySummary(c.Id, c.Code, c.Name, c.ParentId, c.Level)).ToListAsync(ct))
            .WithTags("Categories")
            .RequireAuthorization(AccountsSetup.Policies.Signed);
        return api;
    }
}

using Linli.Classification.Data;
using Linli.Domain.Categories;
using Linli.Domain.Common;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Categories;

public sealed record ImportCategoriesResponse(int Rows, int Created, int Existing);

/// <summary>
/// Imports a taxonomy from CSV with one path per row (<c>level1,level2,level3</c>, header optional; shorter paths allowed).
/// Idempotent: a category already present under the same parent and name is reused. New codes extend the parent's code.
/// </summary>
public sealed class ImportCategoriesHandler(LinliDbContext db)
{
    public const int MaxRows = 5000;

    public async Task<Result<ImportCategoriesResponse>> HandleAsync(TextReader csv, CancellationToken ct)
    {
        var rows = CsvReader.ReadRows(csv).Take(MaxRows + 2).ToList();
        if (rows.Count > 0 && rows[0].Length > 0 && rows[0][0].Trim().Equals("level1", StringComparison.OrdinalIgnoreCase))
        {
            rows.RemoveAt(0);
        }
        if (rows.Count is 0 or > MaxRows || rows.Any(r => r.Length > 3 || r.Any(c => c.Trim().Length > 64)))
        {
            return Error.Validation("Category.ImportInvalid");
        }
        var all = await db.Categories.ToListAsync(ct);
        int created = 0, existing = 0;
        foreach (var row in rows)
        {
            Category? parent = null;
            foreach (var name in row.Select(c => c.Trim()).Where(c => c.Length > 0))
            {
                var found = all.FirstOrDefault(c => c.ParentId == parent?.Id && c.Name == name);
                if (found is null)
                {
                    var siblings = all.Count(c => c.ParentId == parent?.Id);
                    var code = NextCode(all, parent, siblings);
                    found = Category.Create(Guid.CreateVersion7(), code, name, parent);
                    all.Add(found);
                    db.Categories.Add(found);
                    created++;
                }
                else
                {
                    existing++;
                }
                parent = found;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportCategoriesResponse(rows.Count, created, existing);
    }

    private static string NextCode(List<Category> all, Category? parent, int siblings)
    {
        for (var n = siblings + 1; ; n++)
        {
            var code = (parent?.Code ?? "") + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            if (all.All(c => c.Code != code))
            {
                return code;
            }
        }
    }
}

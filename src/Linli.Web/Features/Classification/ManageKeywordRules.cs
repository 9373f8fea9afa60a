using Linli.Domain.Common;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

public sealed record KeywordRuleRequest(Guid? CategoryId, string? Keywords, bool? IsActive);

public sealed record KeywordRuleSummary(Guid Id, Guid CategoryId, string? CategoryName, string Keywords, bool IsActive);

/// <summary>Admin use cases for the cold-start keyword rules.</summary>
public sealed class ManageKeywordRulesHandler(LinliDbContext db)
{
    public static readonly Error Invalid = Error.Validation("KeywordRule.Invalid");
    public static readonly Error NotFound = Error.NotFound("KeywordRule.NotFound");

    public Task<List<KeywordRuleSummary>> ListAsync(CancellationToken ct) =>
        (from r in db.KeywordRules.AsNoTracking()
         join c in db.Categories.AsNoTracking() on r.CategoryId equals c.Id into cs
         from c in cs.DefaultIfEmpty()
         orderby c.Code
         select new KeywordRuleSummary(r.Id, r.CategoryId, c.Name, r.Keywords, r.IsActive)).ToListAsync(ct);

    public async Task<Result<KeywordRuleSummary>> SaveAsync(Guid? id, KeywordRuleRequest request, CancellationToken ct)
    {
        var keywords = string.Join(",", SuggestCategoryHandler.SplitKeywords(request.Keywords ?? ""));
        if (request.CategoryId is not { } categoryId || keywords.Length is 0 or > 500)
        {
            return Invalid;
        }
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
        {
            return Error.Validation("WorkOrder.UnknownCategory");
        }
        KeywordRule? rule;
        if (id is { } existing)
        {
            rule = await db.KeywordRules.FirstOrDefaultAsync(r => r.Id == existing, ct);
            if (rule is null)
            {
                return NotFound;
            }
        }
        else
        {
            rule = new KeywordRule { Id = Guid.CreateVersion7() };
            db.KeywordRules.Add(rule);
        }
        rule.CategoryId = categoryId;
        rule.Keywords = keywords;
        rule.IsActive = request.IsActive ?? true;
        await db.SaveChangesAsync(ct);
        return new KeywordRuleSummary(rule.Id, rule.CategoryId, category.Name, rule.Keywords, rule.IsActive);
    }

    public async Task<Result<Done>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.KeywordRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound;
        }
        db.KeywordRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return default(Done);
    }
}

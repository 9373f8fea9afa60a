using Linli.Domain.Common;
using Linli.Domain.Sla;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Sla;

/// <summary><c>clock</c> is <c>"24x7"</c> or <c>"working"</c>; no <c>categoryId</c> sets the site default for the urgency.</summary>
public sealed record SaveTimeLimitPolicyRequest(Guid? CategoryId, string? Urgency, string? Clock, int? ResponseMinutes, int? CompletionMinutes);

public sealed record TimeLimitPolicySummary(Guid Id, Guid? CategoryId, string? CategoryName, Urgency Urgency, string Clock,
    int ResponseMinutes, int CompletionMinutes, DateTime UpdatedAt);

/// <summary>Creates or replaces the time-limit policy of a category × urgency; lists and removes policies.</summary>
public sealed class ManageTimeLimitPoliciesHandler(LinliDbContext db, TimeLimits limits, TimeProvider clock)
{
    public const string TwentyFourSeven = "24x7";
    public const string Working = "working";

    public static string ClockName(SlaClockKind kind) => kind switch
    {
        SlaClockKind.TwentyFourSeven => TwentyFourSeven,
        SlaClockKind.Working => Working,
    };

    public async Task<List<TimeLimitPolicySummary>> ListAsync(CancellationToken ct)
    {
        var rows = await (from p in db.TimeLimitPolicies.AsNoTracking()
                          join c in db.Categories.AsNoTracking() on p.CategoryId equals c.Id into categories
                          from c in categories.DefaultIfEmpty()
                          select new { Policy = p, CategoryName = c == null ? null : c.Name, CategoryCode = c == null ? null : c.Code })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.CategoryCode ?? "", StringComparer.Ordinal).ThenBy(r => r.Policy.Urgency)
            .Select(r => Summary(r.Policy, r.CategoryName))];
    }

    public async Task<Result<(TimeLimitPolicySummary Policy, bool Created)>> SaveAsync(SaveTimeLimitPolicyRequest request, CancellationToken ct)
    {
        if (!Enum.TryParse<Urgency>(request.Urgency, ignoreCase: true, out var urgency) || !Enum.IsDefined(urgency) || int.TryParse(request.Urgency, out _))
        {
            return SlaErrors.UnknownUrgency;
        }
        SlaClockKind? kind = request.Clock?.Trim().ToLowerInvariant() switch
        {
            TwentyFourSeven => SlaClockKind.TwentyFourSeven,
            Working => SlaClockKind.Working,
            _ => null,
        };
        if (kind is null)
        {
            return SlaErrors.UnknownClock;
        }
        string? categoryName = null;
        if (request.CategoryId is { } categoryId)
        {
            categoryName = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (categoryName is null)
            {
                return SlaErrors.UnknownCategory;
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var responseMinutes = request.ResponseMinutes ?? 0;
        var completionMinutes = request.CompletionMinutes ?? 0;
        var existing = await db.TimeLimitPolicies.FirstOrDefaultAsync(p => p.CategoryId == request.CategoryId && p.Urgency == urgency, ct);
        TimeLimitPolicy policy;
        if (existing is null)
        {
            var created = TimeLimitPolicy.Create(request.CategoryId, urgency, kind.Value, responseMinutes, completionMinutes, now);
            if (!created.IsSuccess)
            {
                return created.Error!;
            }
            policy = created.Value;
            db.TimeLimitPolicies.Add(policy);
        }
        else
        {
            var changed = existing.Change(kind.Value, responseMinutes, completionMinutes, now);
            if (!changed.IsSuccess)
            {
                return changed.Error!;
            }
            policy = existing;
        }
        await db.SaveChangesAsync(ct);
        limits.Invalidate();
        return (Summary(policy, categoryName), existing is null);
    }

    public async Task<Result<Done>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var policy = await db.TimeLimitPolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return SlaErrors.PolicyNotFound;
        }
        db.TimeLimitPolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
        limits.Invalidate();
        return default(Done);
    }

    private static TimeLimitPolicySummary Summary(TimeLimitPolicy p, string? categoryName) =>
        new(p.Id, p.CategoryId, categoryName, p.Urgency, ClockName(p.Clock), p.ResponseMinutes, p.CompletionMinutes, p.UpdatedAt);
}

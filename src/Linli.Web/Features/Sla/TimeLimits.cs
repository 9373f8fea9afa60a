using Linli.Domain.Categories;
using Linli.Domain.Sla;
using Linli.Domain.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Sla;

/// <summary>
/// Computes the absolute deadlines an order gets when a unit takes it on (dispatch, transfer, escalation, reopen):
/// the most specific time-limit policy (category × urgency → parent category × urgency → the site default for the
/// urgency → the built-in table) on its clock (24×7 or the working calendar), plus the instants at which to warn.
/// Policies and the calendar are a reference snapshot (docs/adr/0012): in memory, reloaded at once after a change on
/// this instance and in the background every 30 seconds.
/// </summary>
public sealed class TimeLimits(IServiceScopeFactory scopes, TimeProvider clock, SiteTime site, IConfiguration configuration)
    : ReferenceSnapshot<TimeLimits.Snapshot>(scopes, clock)
{
    /// <summary>Share of a limit after which the unit is warned (<c>Linli:Sla:WarnAtShare</c>, default 0.8).</summary>
    public double WarnShare { get; } = Math.Clamp(configuration.GetValue("Linli:Sla:WarnAtShare", 0.8), 0.05, 1.0);

    protected override IReadOnlyCollection<Type> Sources { get; } = [typeof(TimeLimitPolicy), typeof(Category), typeof(WorkingHours), typeof(CalendarDay)];

    /// <summary>The built-in default per urgency, used when no stored policy applies.</summary>
    public static (TimeSpan Respond, TimeSpan Complete) BuiltIn(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => (TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)),
        Urgency.High => (TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
        Urgency.Normal => (TimeSpan.FromHours(4), TimeSpan.FromDays(3)),
        Urgency.Low => (TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
    };

    public async Task<Deadlines> ForAsync(WorkOrder order, DateTime at, CancellationToken ct) => (await GetAsync(ct)).For(order, at);

    /// <summary>The clock the order's policy runs on: what a pause is measured on.</summary>
    public async Task<ISlaClock> ClockForAsync(WorkOrder order, CancellationToken ct) =>
        (await GetAsync(ct)).Resolve(order).Clock;

    /// <summary>The policy that applies to an order, as the API shows it.</summary>
    public async Task<AppliedPolicy> PolicyForAsync(WorkOrder order, CancellationToken ct)
    {
        var resolved = (await GetAsync(ct)).Resolve(order);
        return new AppliedPolicy(resolved.PolicyId, resolved.Kind, (int)resolved.Respond.TotalMinutes, (int)resolved.Complete.TotalMinutes);
    }

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct) => (await GetAsync(ct)).Calendar;

    protected override async Task<Snapshot> LoadAsync(LinliDbContext db, CancellationToken ct) => new(
        await db.TimeLimitPolicies.AsNoTracking().ToListAsync(ct),
        await db.Categories.AsNoTracking().Select(c => new KeyValuePair<Guid, Guid?>(c.Id, c.ParentId)).ToListAsync(ct),
        await db.WorkingHours.AsNoTracking().FirstOrDefaultAsync(h => h.Id == WorkingHours.SingletonId, ct) ?? WorkingHours.Default(),
        await db.CalendarDays.AsNoTracking().ToListAsync(ct),
        site.Zone, WarnShare);

    internal sealed record Resolved(Guid? PolicyId, SlaClockKind Kind, ISlaClock Clock, TimeSpan Respond, TimeSpan Complete);

    /// <summary>The policies and calendar at one moment; the demo seeder takes one to run its synchronous history.</summary>
    public sealed class Snapshot
    {
        private readonly Dictionary<(Guid? Category, Urgency Urgency), TimeLimitPolicy> _policies;
        private readonly Dictionary<Guid, Guid?> _parents;

        internal Snapshot(List<TimeLimitPolicy> policies, List<KeyValuePair<Guid, Guid?>> parents, WorkingHours hours,
            List<CalendarDay> days, TimeZoneInfo zone, double warnShare)
        {
            _policies = policies.ToDictionary(p => (p.CategoryId, p.Urgency));
            _parents = parents.ToDictionary(p => p.Key, p => p.Value);
            Calendar = new WorkingCalendar(zone, hours.ParsedPeriods(), hours.ParsedWeekend(),
                days.Select(d => KeyValuePair.Create(d.Date, d.IsWorkday)));
            WarnShare = warnShare;
        }

        public WorkingCalendar Calendar { get; }

        public double WarnShare { get; }

        internal Resolved Resolve(WorkOrder order)
        {
            // Walk up the category tree (at most a few levels; the guard stops a corrupt cycle).
            var category = order.CategoryId;
            for (var depth = 0; category is { } id && depth < 8; depth++)
            {
                if (_policies.TryGetValue((id, order.Urgency), out var policy))
                {
                    return From(policy);
                }
                category = _parents.GetValueOrDefault(id);
            }
            if (_policies.TryGetValue((null, order.Urgency), out var fallback))
            {
                return From(fallback);
            }
            var (respond, complete) = BuiltIn(order.Urgency);
            return new Resolved(null, SlaClockKind.TwentyFourSeven, ContinuousClock.Instance, respond, complete);
        }

        public Deadlines For(WorkOrder order, DateTime at)
        {
            var warnShare = WarnShare;
            var policy = Resolve(order);
            var clock = policy.Clock;
            return new Deadlines(
                clock.Add(at, policy.Respond),
                clock.Add(at, policy.Complete),
                clock.Add(at, policy.Respond * warnShare),
                clock.Add(at, policy.Complete * warnShare));
        }

        private Resolved From(TimeLimitPolicy policy) =>
            new(policy.Id, policy.Clock, policy.Clock == SlaClockKind.Working ? Calendar : ContinuousClock.Instance, policy.Response, policy.Completion);
    }
}

/// <summary>The policy an order runs on (PolicyId null: the built-in default).</summary>
public sealed record AppliedPolicy(Guid? PolicyId, SlaClockKind Clock, int ResponseMinutes, int CompletionMinutes);

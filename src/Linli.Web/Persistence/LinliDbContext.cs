using Linli.Domain.Categories;
using Linli.Domain.Residents;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Intake;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Linli.Web.Persistence;

/// <summary>
/// The one database context. Provider-neutral: UTC <see cref="DateTime"/>, enums as strings, integer version columns.
/// Each provider has a thin subclass (<see cref="SqliteLinliDbContext"/>, <see cref="PostgresLinliDbContext"/>) that owns its migrations.
/// </summary>
public class LinliDbContext(DbContextOptions options) : IdentityDbContext<User, Role, Guid>(options)
{
    /// <summary>Reference snapshots to invalidate once this context's pending save is visible (<see cref="Infrastructure.ReferenceChangeInterceptor"/>).</summary>
    internal HashSet<Infrastructure.IReferenceSnapshot>? PendingReferenceChanges { get; set; }

    /// <summary>
    /// Set by a caller that advances the versions of the places it writes itself (the intake writer): then a save does not
    /// look for them (<see cref="Features.Duplicates.PlaceVersions"/>). Set around one save only: contexts are pooled.
    /// </summary>
    internal bool AdvancesPlaceVersionsItself { get; set; }

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WorkOrderHistoryEntry> WorkOrderHistory => Set<WorkOrderHistoryEntry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ChannelApiKey> ChannelApiKeys => Set<ChannelApiKey>();
    public DbSet<Features.Classification.ClassifierModelRecord> ClassifierModels => Set<Features.Classification.ClassifierModelRecord>();
    public DbSet<Features.Classification.WorkOrderSuggestion> WorkOrderSuggestions => Set<Features.Classification.WorkOrderSuggestion>();
    public DbSet<Features.Classification.TrainingLabel> TrainingLabels => Set<Features.Classification.TrainingLabel>();
    public DbSet<Features.Classification.KeywordRule> KeywordRules => Set<Features.Classification.KeywordRule>();
    public DbSet<Features.Duplicates.DuplicateMatch> DuplicateMatches => Set<Features.Duplicates.DuplicateMatch>();
    public DbSet<Domain.Sla.TimeLimitPolicy> TimeLimitPolicies => Set<Domain.Sla.TimeLimitPolicy>();
    public DbSet<Domain.Sla.CalendarDay> CalendarDays => Set<Domain.Sla.CalendarDay>();
    public DbSet<Domain.Sla.WorkingHours> WorkingHours => Set<Domain.Sla.WorkingHours>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.OutboxMessage> OutboxMessages => Set<Features.Notifications.OutboxMessage>();
    public DbSet<Domain.Prevention.ThresholdRule> ThresholdRules => Set<Domain.Prevention.ThresholdRule>();
    public DbSet<Features.Prevention.ThresholdFiring> ThresholdFirings => Set<Features.Prevention.ThresholdFiring>();
    public DbSet<Features.Prevention.ProactiveProposal> ProactiveProposals => Set<Features.Prevention.ProactiveProposal>();
    public DbSet<Features.Reports.WeeklyReportRecord> WeeklyReports => Set<Features.Reports.WeeklyReportRecord>();
    public DbSet<Features.HistoryImport.HistoricalRequest> HistoricalRequests => Set<Features.HistoryImport.HistoricalRequest>();
    public DbSet<Domain.Grids.Grid> Grids => Set<Domain.Grids.Grid>();
    public DbSet<Domain.Grids.GridMember> GridMembers => Set<Domain.Grids.GridMember>();
    public DbSet<Domain.Grids.HouseholdLink> HouseholdLinks => Set<Domain.Grids.HouseholdLink>();
    public DbSet<CompoundAlias> CompoundAliases => Set<CompoundAlias>();
    public DbSet<Domain.Grids.RoutingRule> RoutingRules => Set<Domain.Grids.RoutingRule>();
    public DbSet<Features.Grids.WorkOrderLocation> WorkOrderLocations => Set<Features.Grids.WorkOrderLocation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    /// <summary>
    /// Saves, and advances in the same transaction the version of every place whose open orders the save changes, so that
    /// the duplicate candidates kept in memory (Features/Duplicates/PlaceCandidateCache) are known to be stale on every instance.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var places = AdvancesPlaceVersionsItself ? null : await Features.Duplicates.PlaceVersions.ChangedAsync(this, cancellationToken);
        if (places is not { Count: > 0 })
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // In the caller's transaction, else in one of its own.
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await Features.Duplicates.PlaceVersions.AdvanceAsync(this, places, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return saved;
    }

    /// <summary>Saves without orders only: the place versions are advanced by <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!AdvancesPlaceVersionsItself && ChangeTracker.Entries().Any(e => e.Entity is WorkOrder or Features.Grids.WorkOrderLocation && e.State != EntityState.Unchanged))
        {
            throw new NotSupportedException("Work orders are saved with SaveChangesAsync, which advances their places' versions.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LinliDbContext).Assembly);
    }

    /// <summary>SQLite hands back <see cref="DateTimeKind.Unspecified"/>; we store and read UTC only.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

/// <summary>The SQLite flavour: embedded default, migrations in Migrations/Sqlite.</summary>
public sealed class SqliteLinliDbContext(DbContextOptions<SqliteLinliDbContext> options) : LinliDbContext(options);

/// <summary>The PostgreSQL flavour: production, migrations in Migrations/Postgres.</summary>
public sealed class PostgresLinliDbContext(DbContextOptions<PostgresLinliDbContext> options) : LinliDbContext(options);

/// <summary>A named counter (e.g. the daily order number), advanced atomically by <see cref="NumberSequenceExtensions"/>.</summary>
public sealed class NumberSequence
{
    public string Key { get; set; } = "";
    public long Value { get; set; }
}

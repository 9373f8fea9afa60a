using Linli.Domain.Prevention;
using Linli.Web.Features.HistoryImport;
using Linli.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Prevention;

internal sealed class ThresholdRuleConfiguration : IEntityTypeConfiguration<ThresholdRule>
{
    public void Configure(EntityTypeBuilder<ThresholdRule> builder)
    {
        builder.ToTable("ThresholdRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(ThresholdRule.MaxNameLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Window);
        builder.HasIndex(r => r.IsActive);
    }
}

internal sealed class ThresholdFiringConfiguration : IEntityTypeConfiguration<ThresholdFiring>
{
    public void Configure(EntityTypeBuilder<ThresholdFiring> builder)
    {
        builder.ToTable("ThresholdFirings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ScopeKey).HasMaxLength(100);
        builder.Property(f => f.ScopeName).HasMaxLength(200);
        builder.Property(f => f.OrderIds).HasMaxLength(4000);
        builder.Property(f => f.Actions).HasMaxLength(1000);
        builder.HasIndex(f => new { f.RuleId, f.ScopeKey, f.Sequence }).IsUnique();
        builder.HasIndex(f => f.FiredAt);
    }
}

internal sealed class ProactiveProposalConfiguration : IEntityTypeConfiguration<ProactiveProposal>
{
    public void Configure(EntityTypeBuilder<ProactiveProposal> builder)
    {
        builder.ToTable("ProactiveProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Week).HasMaxLength(8);
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.GridUnitId, p.Week }).IsUnique();
        builder.HasIndex(p => p.Status);
    }
}

internal sealed class WeeklyReportRecordConfiguration : IEntityTypeConfiguration<WeeklyReportRecord>
{
    public void Configure(EntityTypeBuilder<WeeklyReportRecord> builder)
    {
        builder.ToTable("WeeklyReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Week).HasMaxLength(8);
        builder.Property(r => r.GeneratedBy).HasMaxLength(64);
        builder.Property(r => r.ScheduledKey).HasMaxLength(64);
        builder.HasIndex(r => r.ScheduledKey).IsUnique();
        builder.HasIndex(r => new { r.AreaUnitId, r.Week });
    }
}

internal sealed class HistoricalRequestConfiguration : IEntityTypeConfiguration<HistoricalRequest>
{
    public void Configure(EntityTypeBuilder<HistoricalRequest> builder)
    {
        builder.ToTable("HistoricalRequests");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Title).HasMaxLength(HistoricalRequest.MaxTitleLength);
        builder.Property(h => h.Detail).HasMaxLength(HistoricalRequest.MaxDetailLength);
        builder.Property(h => h.CategoryText).HasMaxLength(100);
        builder.Property(h => h.PlaceText).HasMaxLength(200);
        builder.Property(h => h.ContentHash).HasMaxLength(64);
        builder.HasIndex(h => h.ContentHash).IsUnique();
        builder.HasIndex(h => new { h.AreaUnitId, h.OccurredAt });
    }
}

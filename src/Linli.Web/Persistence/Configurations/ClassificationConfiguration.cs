using Linli.Web.Features.Classification;
using Linli.Web.Features.Duplicates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

internal sealed class ClassifierModelRecordConfiguration : IEntityTypeConfiguration<ClassifierModelRecord>
{
    public void Configure(EntityTypeBuilder<ClassifierModelRecord> builder)
    {
        builder.ToTable("ClassifierModels");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Version).HasMaxLength(64);
        builder.HasIndex(m => m.Version).IsUnique();
        builder.Property(m => m.Target).HasMaxLength(16);
        builder.Property(m => m.Decision).HasMaxLength(500);
        builder.HasIndex(m => new { m.Target, m.IsActive });
    }
}

internal sealed class WorkOrderSuggestionConfiguration : IEntityTypeConfiguration<WorkOrderSuggestion>
{
    public void Configure(EntityTypeBuilder<WorkOrderSuggestion> builder)
    {
        builder.ToTable("WorkOrderSuggestions");
        builder.HasKey(s => s.WorkOrderId);
        builder.Property(s => s.Source).HasMaxLength(32);
        builder.Property(s => s.ModelVersion).HasMaxLength(64);
        builder.Property(s => s.CandidatesJson).HasMaxLength(2000);
        builder.Property(s => s.UrgencyReason).HasMaxLength(200);
    }
}

internal sealed class TrainingLabelConfiguration : IEntityTypeConfiguration<TrainingLabel>
{
    public void Configure(EntityTypeBuilder<TrainingLabel> builder)
    {
        builder.ToTable("TrainingLabels");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.WorkOrderId).IsUnique();
        builder.Property(l => l.Source).HasMaxLength(16);
    }
}

internal sealed class KeywordRuleConfiguration : IEntityTypeConfiguration<KeywordRule>
{
    public void Configure(EntityTypeBuilder<KeywordRule> builder)
    {
        builder.ToTable("KeywordRules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Keywords).HasMaxLength(500);
        builder.HasIndex(r => r.CategoryId);
    }
}

internal sealed class DuplicateMatchConfiguration : IEntityTypeConfiguration<DuplicateMatch>
{
    public void Configure(EntityTypeBuilder<DuplicateMatch> builder)
    {
        builder.ToTable("DuplicateMatches");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Action).HasMaxLength(16);
        builder.Property(m => m.Explanation).HasMaxLength(500);
        builder.HasIndex(m => m.WorkOrderId);
        builder.HasIndex(m => m.CandidateId);
    }
}

using Linli.Web.Features.Accounts;
using Linli.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(128);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.StoragePath).HasMaxLength(256);
        builder.HasIndex(a => a.WorkOrderId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(128);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(32);
    }
}

internal sealed class ChannelApiKeyConfiguration : IEntityTypeConfiguration<ChannelApiKey>
{
    public void Configure(EntityTypeBuilder<ChannelApiKey> builder)
    {
        builder.ToTable("ChannelApiKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
    }
}

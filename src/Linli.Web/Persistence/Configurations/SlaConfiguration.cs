using Linli.Domain.Sla;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

/// <summary>The time-limit columns of work orders (pause, warnings, missed deadlines) and the co-handling units.</summary>
internal sealed class WorkOrderSlaConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Ignore(o => o.IsPaused);
        // The sweeper finds due rows by these indexes: there is no timer per order.
        builder.HasIndex(o => new { o.Status, o.RespondBy });
        builder.HasIndex(o => new { o.Status, o.CompleteBy });
        builder.HasIndex(o => new { o.Status, o.ResponseWarningAt });
        builder.HasIndex(o => new { o.Status, o.CompletionWarningAt });
        // The three rates count orders by dispatch and by evaluation time.
        builder.HasIndex(o => o.DispatchedAt);
        builder.HasIndex(o => o.EvaluatedAt).HasFilter("\"EvaluatedAt\" IS NOT NULL"); // an order is evaluated long after its intake
        builder.OwnsMany(o => o.CoHandlers, c =>
        {
            c.ToTable("WorkOrderCoHandlers");
            c.WithOwner().HasForeignKey(x => x.WorkOrderId);
            c.HasKey(x => new { x.WorkOrderId, x.UnitId });
            // The unit id is given, never generated: a new co-handler must be inserted, not updated.
            c.Property(x => x.UnitId).ValueGeneratedNever();
            c.Property(x => x.SummonNote).HasMaxLength(WorkOrder.MaxNoteLength);
            c.Property(x => x.ReportNote).HasMaxLength(WorkOrder.MaxTextLength);
            c.HasIndex(x => x.UnitId);
        });
        builder.Navigation(o => o.CoHandlers).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_coHandlers");
    }
}

internal sealed class TimeLimitPolicyConfiguration : IEntityTypeConfiguration<TimeLimitPolicy>
{
    public void Configure(EntityTypeBuilder<TimeLimitPolicy> builder)
    {
        builder.ToTable("TimeLimitPolicies");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Response);
        builder.Ignore(p => p.Completion);
        // One policy per category × urgency, and one default per urgency (no category).
        builder.HasIndex(p => new { p.CategoryId, p.Urgency }).IsUnique().HasFilter("\"CategoryId\" IS NOT NULL");
        builder.HasIndex(p => p.Urgency).IsUnique().HasFilter("\"CategoryId\" IS NULL");
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
        // Seeded with the migration so that every install (not only the demo) starts with 2026 and 2027.
        builder.HasData(ChineseHolidays.Seed.Select(d => new { d.Date, d.IsWorkday, d.Name }));
    }
}

internal sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.ToTable("WorkingHours");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Periods).HasMaxLength(200);
        builder.Property(h => h.Weekend).HasMaxLength(100);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasData(new { Id = WorkingHours.SingletonId, Periods = WorkingHours.DefaultPeriods, Weekend = WorkingHours.DefaultWeekend, Version = 0 });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.WorkOrderId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(128);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Recipient).HasMaxLength(512);
        builder.Property(m => m.Payload).HasMaxLength(OutboxMessage.MaxPayloadLength);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        builder.HasIndex(m => m.WorkOrderId);
    }
}

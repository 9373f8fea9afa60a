using Linli.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    /// <summary>The duplicate check's orders (open: received, dispatched or accepted; not merged), in the words of its queries.</summary>
    internal const string OpenAndNotMerged = "\"ParentId\" IS NULL AND \"Status\" IN ('Received', 'Dispatched', 'Accepted')";

    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.ToTable("WorkOrders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(WorkOrder.MaxTitleLength);
        builder.Property(o => o.Description).HasMaxLength(WorkOrder.MaxTextLength);
        builder.Property(o => o.ReporterName).HasMaxLength(64);
        builder.Property(o => o.ReporterPhoneProtected).HasMaxLength(512);
        builder.Property(o => o.ReporterPhoneMasked).HasMaxLength(32);
        builder.Property(o => o.AddressText).HasMaxLength(256);
        builder.Property(o => o.ExternalReference).HasMaxLength(64);
        builder.Property(o => o.Result).HasMaxLength(WorkOrder.MaxTextLength);
        builder.Property(o => o.EvaluationComment).HasMaxLength(WorkOrder.MaxNoteLength);
        builder.Property(o => o.ExtensionReason).HasMaxLength(WorkOrder.MaxNoteLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.HasNegativeEvaluation);

        // A channel that retries with its own case number never creates a second order.
        builder.HasIndex(o => new { o.Channel, o.ExternalReference }).IsUnique().HasFilter("\"ExternalReference\" IS NOT NULL");
        builder.HasIndex(o => new { o.Status, o.ReceivedAt });
        builder.HasIndex(o => new { o.UnitId, o.Status });
        builder.HasIndex(o => new { o.AreaUnitId, o.Status });
        // Only the rows that have one: most orders come by phone or patrol (no reporter account) and are nobody's merged
        // child, so an intake inserts into neither index. Every query here compares the column with a value, which implies
        // the filter on both providers.
        builder.HasIndex(o => o.ReporterUserId).HasFilter("\"ReporterUserId\" IS NOT NULL");
        builder.HasIndex(o => o.ParentId).HasFilter("\"ParentId\" IS NOT NULL");
        builder.HasIndex(o => o.ReceivedAt);
        // Per-building threshold counts (Features/Prevention).
        builder.HasIndex(o => new { o.BuildingId, o.ReceivedAt });
        // The duplicate check (Features/Duplicates) compares with open orders not merged: the same building, or a box around
        // a point. Indexes of those orders only, so that its plan does not depend on the statistics' idea of how many orders
        // are open (a plan made with a closed-heavy history intersected the building's orders with every open order).
        builder.HasIndex(o => new { o.BuildingId, o.ReceivedAt }, "IX_WorkOrders_Open_BuildingId_ReceivedAt").HasFilter(OpenAndNotMerged);
        // Only orders with a map point (most are placed by building and have none): the box query asks for a latitude.
        builder.HasIndex(o => o.Latitude, "IX_WorkOrders_Open_Latitude").HasFilter(OpenAndNotMerged + " AND \"Latitude\" IS NOT NULL");

        builder.HasMany(o => o.History).WithOne().HasForeignKey(h => h.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");
    }
}

internal sealed class WorkOrderHistoryEntryConfiguration : IEntityTypeConfiguration<WorkOrderHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WorkOrderHistoryEntry> builder)
    {
        builder.ToTable("WorkOrderHistory");
        // Keyed by its order and place in the order's history: the one index every read of a history uses, and one index
        // entry fewer per entry written (an intake writes three) than a key of its own beside a unique (order, sequence).
        builder.HasKey(h => new { h.WorkOrderId, h.Sequence });
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.ActorName).HasMaxLength(64);
        builder.Property(h => h.ActorRole).HasMaxLength(32);
        builder.Property(h => h.Comment).HasMaxLength(WorkOrder.MaxTextLength);
        builder.HasIndex(h => new { h.Trigger, h.At });
    }
}

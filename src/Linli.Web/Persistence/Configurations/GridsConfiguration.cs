using Linli.Domain.Grids;
using Linli.Domain.Units;
using Linli.Web.Features.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.ToTable("Grids");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Code).HasMaxLength(Grid.MaxCodeLength);
        builder.HasIndex(g => g.Code).IsUnique();
        builder.Property(g => g.Name).HasMaxLength(Grid.MaxNameLength);
        // WKT text on both providers (docs/adr/0008): no PostGIS, no provider plugin.
        builder.Property(g => g.Boundary).HasColumnType("text");
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => g.ParentId);
        builder.HasIndex(g => g.UnitId);
        builder.HasIndex(g => g.BuildingId);
    }
}

internal sealed class GridMemberConfiguration : IEntityTypeConfiguration<GridMember>
{
    public void Configure(EntityTypeBuilder<GridMember> builder)
    {
        builder.ToTable("GridMembers");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.GridId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.Ignore(m => m.IsActive);
    }
}

internal sealed class HouseholdLinkConfiguration : IEntityTypeConfiguration<HouseholdLink>
{
    public void Configure(EntityTypeBuilder<HouseholdLink> builder)
    {
        builder.ToTable("HouseholdLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.MemberId, l.HouseholdId }).IsUnique();
        builder.HasIndex(l => l.HouseholdId);
    }
}

internal sealed class CompoundAliasConfiguration : IEntityTypeConfiguration<CompoundAlias>
{
    public void Configure(EntityTypeBuilder<CompoundAlias> builder)
    {
        builder.ToTable("CompoundAliases");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Alias).HasMaxLength(64);
        builder.Property(a => a.Compound).HasMaxLength(64);
        builder.HasIndex(a => a.Alias).IsUnique();
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(RoutingRule.MaxNameLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.GridId, r.CategoryId });
    }
}

internal sealed class WorkOrderLocationConfiguration : IEntityTypeConfiguration<WorkOrderLocation>
{
    public void Configure(EntityTypeBuilder<WorkOrderLocation> builder)
    {
        builder.ToTable("WorkOrderLocations");
        builder.HasKey(l => l.WorkOrderId);
        builder.Property(l => l.WorkOrderId).ValueGeneratedNever();
        builder.Property(l => l.NormalizedAddress).HasMaxLength(WorkOrderLocation.MaxAddressLength);
        builder.Property(l => l.Compound).HasMaxLength(64);
        builder.HasIndex(l => l.GridId);
        builder.HasIndex(l => new { l.Compound, l.BuildingId, l.LocatedAt });
    }
}

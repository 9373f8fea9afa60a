using Linli.Domain.Categories;
using Linli.Domain.Residents;
using Linli.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(64);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.ParentId);
        builder.Ignore(u => u.IsArea);
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> builder)
    {
        builder.ToTable("UnitMemberships");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.UserId, m.UnitId }).IsUnique();
        builder.HasIndex(m => m.UnitId);
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.ToTable("Buildings");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Compound).HasMaxLength(64);
        builder.Property(b => b.Number).HasMaxLength(16);
        builder.Property(b => b.Address).HasMaxLength(256);
        builder.HasIndex(b => b.GridUnitId);
        builder.HasIndex(b => new { b.Compound, b.Number }).IsUnique();
        builder.Ignore(b => b.IsActive);
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Entrance).HasMaxLength(8);
        builder.Property(h => h.Room).HasMaxLength(16);
        builder.HasIndex(h => new { h.BuildingId, h.Entrance, h.Room }).IsUnique();
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.HasIndex(c => c.ParentId);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.PhoneProtected).HasMaxLength(512);
        builder.Property(r => r.PhoneMasked).HasMaxLength(32);
        builder.HasIndex(r => r.HouseholdId);
        builder.HasIndex(r => r.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
    }
}

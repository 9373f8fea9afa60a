using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Linli.Web.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the host (see docs/adr/0003).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLinliDbContext>
{
    public SqliteLinliDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLinliDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLinliDbContext>
{
    public PostgresLinliDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLinliDbContext>().UseNpgsql("Host=localhost;Database=linli_design").Options);
}

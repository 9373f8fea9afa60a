using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Prevention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HistoricalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CategoryText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Support = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaceText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AreaUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoricalRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProactiveProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GridUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Observed = table.Column<int>(type: "INTEGER", nullable: false),
                    Expected = table.Column<double>(type: "REAL", nullable: false),
                    PValue = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactiveProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdFirings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScopeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrderCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdFirings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncludeSubcategories = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifyUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotifyCommunityLeaders = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrderTarget = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaiseUrgency = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScheduledKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalRequests_AreaUnitId_OccurredAt",
                table: "HistoricalRequests",
                columns: new[] { "AreaUnitId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalRequests_ContentHash",
                table: "HistoricalRequests",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveProposals_GridUnitId_Week",
                table: "ProactiveProposals",
                columns: new[] { "GridUnitId", "Week" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveProposals_Status",
                table: "ProactiveProposals",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdFirings_FiredAt",
                table: "ThresholdFirings",
                column: "FiredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdFirings_RuleId_ScopeKey_Sequence",
                table: "ThresholdFirings",
                columns: new[] { "RuleId", "ScopeKey", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdRules_IsActive",
                table: "ThresholdRules",
                column: "IsActive");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_AreaUnitId_Week",
                table: "WeeklyReports",
                columns: new[] { "AreaUnitId", "Week" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_ScheduledKey",
                table: "WeeklyReports",
                column: "ScheduledKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HistoricalRequests");

            migrationBuilder.DropTable(
                name: "ProactiveProposals");

            migrationBuilder.DropTable(
                name: "ThresholdFirings");

            migrationBuilder.DropTable(
                name: "ThresholdRules");

            migrationBuilder.DropTable(
                name: "WeeklyReports");
        }
    }
}

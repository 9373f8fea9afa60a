using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Classification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClassifierModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainingSize = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOutSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MacroF1 = table.Column<double>(type: "REAL", nullable: true),
                    BaselineMacroF1 = table.Column<double>(type: "REAL", nullable: true),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true),
                    TrainingSeconds = table.Column<double>(type: "REAL", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    TextSimilarity = table.Column<double>(type: "REAL", nullable: false),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    SameBuilding = table.Column<bool>(type: "INTEGER", nullable: false),
                    SameCategory = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinutesApart = table.Column<double>(type: "REAL", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateMatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeywordRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingLabels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingLabels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderSuggestions",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    CandidatesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UrgencyReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Applied = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderSuggestions", x => x.WorkOrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassifierModels_Target_IsActive",
                table: "ClassifierModels",
                columns: new[] { "Target", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassifierModels_Version",
                table: "ClassifierModels",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateMatches_CandidateId",
                table: "DuplicateMatches",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateMatches_WorkOrderId",
                table: "DuplicateMatches",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_KeywordRules_CategoryId",
                table: "KeywordRules",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingLabels_WorkOrderId",
                table: "TrainingLabels",
                column: "WorkOrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassifierModels");

            migrationBuilder.DropTable(
                name: "DuplicateMatches");

            migrationBuilder.DropTable(
                name: "KeywordRules");

            migrationBuilder.DropTable(
                name: "TrainingLabels");

            migrationBuilder.DropTable(
                name: "WorkOrderSuggestions");
        }
    }
}

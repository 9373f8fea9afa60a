using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_ParentId",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_ReporterUserId",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders",
                column: "EvaluatedAt",
                filter: "\"EvaluatedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ParentId",
                table: "WorkOrders",
                column: "ParentId",
                filter: "\"ParentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ReporterUserId",
                table: "WorkOrders",
                column: "ReporterUserId",
                filter: "\"ReporterUserId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_ParentId",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_ReporterUserId",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders",
                column: "EvaluatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ParentId",
                table: "WorkOrders",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ReporterUserId",
                table: "WorkOrders",
                column: "ReporterUserId");
        }
    }
}

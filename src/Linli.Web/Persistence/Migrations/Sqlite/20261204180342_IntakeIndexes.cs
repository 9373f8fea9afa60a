using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_BuildingId_ReceivedAt",
                table: "WorkOrders",
                columns: new[] { "BuildingId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Latitude",
                table: "WorkOrders",
                column: "Latitude");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_BuildingId_ReceivedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Latitude",
                table: "WorkOrders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Latitude",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_BuildingId_ReceivedAt",
                table: "WorkOrders",
                columns: new[] { "BuildingId", "ReceivedAt" },
                filter: "\"ParentId\" IS NULL AND \"Status\" IN ('Received', 'Dispatched', 'Accepted')");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders",
                column: "Latitude",
                filter: "\"ParentId\" IS NULL AND \"Status\" IN ('Received', 'Dispatched', 'Accepted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_BuildingId_ReceivedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Latitude",
                table: "WorkOrders",
                column: "Latitude");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryKeyAndPointIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkOrderHistory",
                table: "WorkOrderHistory");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderHistory_WorkOrderId_Sequence",
                table: "WorkOrderHistory");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkOrderHistory",
                table: "WorkOrderHistory",
                columns: new[] { "WorkOrderId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders",
                column: "Latitude",
                filter: "\"ParentId\" IS NULL AND \"Status\" IN ('Received', 'Dispatched', 'Accepted') AND \"Latitude\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkOrderHistory",
                table: "WorkOrderHistory");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkOrderHistory",
                table: "WorkOrderHistory",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Latitude",
                table: "WorkOrders",
                column: "Latitude",
                filter: "\"ParentId\" IS NULL AND \"Status\" IN ('Received', 'Dispatched', 'Accepted')");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderHistory_WorkOrderId_Sequence",
                table: "WorkOrderHistory",
                columns: new[] { "WorkOrderId", "Sequence" },
                unique: true);
        }
    }
}

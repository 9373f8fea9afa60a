using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocationCompound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Compound",
                table: "WorkOrderLocations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderLocations_Compound_BuildingId_LocatedAt",
                table: "WorkOrderLocations",
                columns: new[] { "Compound", "BuildingId", "LocatedAt" });

            // The compound of every order already located at a building.
            migrationBuilder.Sql("""
                UPDATE "WorkOrderLocations" SET "Compound" = (SELECT b."Compound" FROM "Buildings" AS b WHERE b."Id" = "WorkOrderLocations"."BuildingId")
                WHERE "BuildingId" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderLocations_Compound_BuildingId_LocatedAt",
                table: "WorkOrderLocations");

            migrationBuilder.DropColumn(
                name: "Compound",
                table: "WorkOrderLocations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Linli.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlaAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CompletionWarningAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OverdueAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResponseOnTime",
                table: "WorkOrders",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResponseWarningAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkday = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Payload = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimeLimitPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Urgency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Clock = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    CompletionMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeLimitPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Periods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weekend = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderCoHandlers",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SummonedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SummonNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderCoHandlers", x => new { x.WorkOrderId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_WorkOrderCoHandlers_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "IsWorkday", "Name" },
                values: new object[,]
                {
                    { new DateOnly(2026, 1, 1), false, "元旦" },
                    { new DateOnly(2026, 1, 2), false, "元旦" },
                    { new DateOnly(2026, 1, 3), false, "元旦" },
                    { new DateOnly(2026, 1, 4), true, "元旦调休上班" },
                    { new DateOnly(2026, 2, 14), true, "春节调休上班" },
                    { new DateOnly(2026, 2, 15), false, "春节" },
                    { new DateOnly(2026, 2, 16), false, "春节" },
                    { new DateOnly(2026, 2, 17), false, "春节" },
                    { new DateOnly(2026, 2, 18), false, "春节" },
                    { new DateOnly(2026, 2, 19), false, "春节" },
                    { new DateOnly(2026, 2, 20), false, "春节" },
                    { new DateOnly(2026, 2, 21), false, "春节" },
                    { new DateOnly(2026, 2, 22), false, "春节" },
                    { new DateOnly(2026, 2, 23), false, "春节" },
                    { new DateOnly(2026, 2, 28), true, "春节调休上班" },
                    { new DateOnly(2026, 4, 4), false, "清明节" },
                    { new DateOnly(2026, 4, 5), false, "清明节" },
                    { new DateOnly(2026, 4, 6), false, "清明节" },
                    { new DateOnly(2026, 5, 1), false, "劳动节" },
                    { new DateOnly(2026, 5, 2), false, "劳动节" },
                    { new DateOnly(2026, 5, 3), false, "劳动节" },
                    { new DateOnly(2026, 5, 4), false, "劳动节" },
                    { new DateOnly(2026, 5, 5), false, "劳动节" },
                    { new DateOnly(2026, 5, 9), true, "劳动节调休上班" },
                    { new DateOnly(2026, 6, 19), false, "端午节" },
                    { new DateOnly(2026, 6, 20), false, "端午节" },
                    { new DateOnly(2026, 6, 21), false, "端午节" },
                    { new DateOnly(2026, 9, 20), true, "国庆节调休上班" },
                    { new DateOnly(2026, 9, 25), false, "中秋节" },
                    { new DateOnly(2026, 9, 26), false, "中秋节" },
                    { new DateOnly(2026, 9, 27), false, "中秋节" },
                    { new DateOnly(2026, 10, 1), false, "国庆节" },
                    { new DateOnly(2026, 10, 2), false, "国庆节" },
                    { new DateOnly(2026, 10, 3), false, "国庆节" },
                    { new DateOnly(2026, 10, 4), false, "国庆节" },
                    { new DateOnly(2026, 10, 5), false, "国庆节" },
                    { new DateOnly(2026, 10, 6), false, "国庆节" },
                    { new DateOnly(2026, 10, 7), false, "国庆节" },
                    { new DateOnly(2026, 10, 10), true, "国庆节调休上班" },
                    { new DateOnly(2027, 1, 1), false, "元旦" },
                    { new DateOnly(2027, 1, 2), false, "元旦" },
                    { new DateOnly(2027, 1, 3), false, "元旦" },
                    { new DateOnly(2027, 2, 5), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 6), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 7), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 8), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 9), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 10), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 11), false, "春节(暂定)" },
                    { new DateOnly(2027, 2, 20), true, "春节调休上班(暂定)" },
                    { new DateOnly(2027, 4, 3), false, "清明节(暂定)" },
                    { new DateOnly(2027, 4, 4), false, "清明节(暂定)" },
                    { new DateOnly(2027, 4, 5), false, "清明节(暂定)" },
                    { new DateOnly(2027, 5, 1), false, "劳动节(暂定)" },
                    { new DateOnly(2027, 5, 2), false, "劳动节(暂定)" },
                    { new DateOnly(2027, 5, 3), false, "劳动节(暂定)" },
                    { new DateOnly(2027, 5, 4), false, "劳动节(暂定)" },
                    { new DateOnly(2027, 5, 5), false, "劳动节(暂定)" },
                    { new DateOnly(2027, 5, 8), true, "劳动节调休上班(暂定)" },
                    { new DateOnly(2027, 6, 9), false, "端午节" },
                    { new DateOnly(2027, 9, 15), false, "中秋节" },
                    { new DateOnly(2027, 9, 26), true, "国庆节调休上班(暂定)" },
                    { new DateOnly(2027, 10, 1), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 2), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 3), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 4), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 5), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 6), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 7), false, "国庆节(暂定)" },
                    { new DateOnly(2027, 10, 9), true, "国庆节调休上班(暂定)" }
                });

            migrationBuilder.InsertData(
                table: "WorkingHours",
                columns: new[] { "Id", "Periods", "Version", "Weekend" },
                values: new object[] { 1, "08:30-12:00,13:30-17:30", 0, "Saturday,Sunday" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DispatchedAt",
                table: "WorkOrders",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders",
                column: "EvaluatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status_CompleteBy",
                table: "WorkOrders",
                columns: new[] { "Status", "CompleteBy" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status_CompletionWarningAt",
                table: "WorkOrders",
                columns: new[] { "Status", "CompletionWarningAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status_RespondBy",
                table: "WorkOrders",
                columns: new[] { "Status", "RespondBy" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status_ResponseWarningAt",
                table: "WorkOrders",
                columns: new[] { "Status", "ResponseWarningAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_WorkOrderId",
                table: "Notifications",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Key",
                table: "OutboxMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_FailedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_WorkOrderId",
                table: "OutboxMessages",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeLimitPolicies_CategoryId_Urgency",
                table: "TimeLimitPolicies",
                columns: new[] { "CategoryId", "Urgency" },
                unique: true,
                filter: "\"CategoryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TimeLimitPolicies_Urgency",
                table: "TimeLimitPolicies",
                column: "Urgency",
                unique: true,
                filter: "\"CategoryId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderCoHandlers_UnitId",
                table: "WorkOrderCoHandlers",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "TimeLimitPolicies");

            migrationBuilder.DropTable(
                name: "WorkingHours");

            migrationBuilder.DropTable(
                name: "WorkOrderCoHandlers");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DispatchedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_EvaluatedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Status_CompleteBy",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Status_CompletionWarningAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Status_RespondBy",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Status_ResponseWarningAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "CompletionWarningAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "OverdueAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ResponseOnTime",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ResponseWarningAt",
                table: "WorkOrders");
        }
    }
}

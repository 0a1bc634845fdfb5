using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnlineEventCode",
                table: "Sessions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnlineEventType",
                table: "Sessions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnlineExpireDate",
                table: "Sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnlineStartDate",
                table: "Sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderDueAt",
                table: "Sessions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderFiredAt",
                table: "Sessions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReminderMinutesBefore",
                table: "Sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SessionDateStatusAppliedFor",
                table: "Sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Sessions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDate",
                table: "Sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDueDate",
                table: "Sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusId",
                table: "Sessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionLogEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    Event = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    By = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionLogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionLogEntries_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RelationshipId = table.Column<long>(type: "bigint", nullable: true),
                    SessionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_Relationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "Relationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ReminderFiredAt_ReminderDueAt",
                table: "Sessions",
                columns: new[] { "ReminderFiredAt", "ReminderDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusDueDate",
                table: "Sessions",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId",
                table: "Sessions",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogEntries_SessionId_Id",
                table: "SessionLogEntries",
                columns: new[] { "SessionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_RelationshipId",
                table: "SessionParticipants",
                column: "RelationshipId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_SessionId",
                table: "SessionParticipants",
                column: "SessionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_StatusDefinitions_StatusId",
                table: "Sessions",
                column: "StatusId",
                principalTable: "StatusDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_StatusDefinitions_StatusId",
                table: "Sessions");

            migrationBuilder.DropTable(
                name: "SessionLogEntries");

            migrationBuilder.DropTable(
                name: "SessionParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ReminderFiredAt_ReminderDueAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusDueDate",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OnlineEventCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OnlineEventType",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OnlineExpireDate",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "OnlineStartDate",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderDueAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderFiredAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderMinutesBefore",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SessionDateStatusAppliedFor",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StatusDate",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StatusDueDate",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StatusId",
                table: "Sessions");
        }
    }
}

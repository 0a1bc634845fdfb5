using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnlineEventType",
                table: "Sessions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnlineExpireDate",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnlineStartDate",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderDueAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderFiredAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReminderMinutesBefore",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SessionDateStatusAppliedFor",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDate",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDueDate",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusId",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionLogEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RelationshipId = table.Column<long>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false)
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

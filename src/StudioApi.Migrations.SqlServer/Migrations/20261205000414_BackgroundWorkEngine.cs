using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundWorkEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionImages_RenditionState_RenditionLeaseUntil",
                table: "SessionImages");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_State_LeaseUntil",
                table: "RenderRuns");

            migrationBuilder.RenameColumn(
                name: "RenditionError",
                table: "SessionImages",
                newName: "RenditionLastError");

            migrationBuilder.AddColumn<DateTime>(
                name: "RenditionFailedAt",
                table: "SessionImages",
                type: "datetime2",
                nullable: true);

            // Images whose renditions failed before the engine counted failures: the best time known is the image's last change.
            migrationBuilder.Sql("UPDATE SessionImages SET RenditionFailedAt = UpdatedAt WHERE RenditionState = 'Failed'");

            migrationBuilder.AddColumn<string>(
                name: "RenditionLeaseOwner",
                table: "SessionImages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RenditionNextAttemptAt",
                table: "SessionImages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "RenderRuns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "RenderRuns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "RenderRuns",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "RenderRuns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "RenderRuns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "EventCursors",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "EventCursors",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "EventCursors",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionImages_RenditionState",
                table: "SessionImages",
                column: "RenditionState");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_State",
                table: "RenderRuns",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionImages_RenditionState",
                table: "SessionImages");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_State",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "RenditionFailedAt",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "RenditionLeaseOwner",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "RenditionNextAttemptAt",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "EventCursors");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "EventCursors");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "EventCursors");

            migrationBuilder.RenameColumn(
                name: "RenditionLastError",
                table: "SessionImages",
                newName: "RenditionError");

            migrationBuilder.CreateIndex(
                name: "IX_SessionImages_RenditionState_RenditionLeaseUntil",
                table: "SessionImages",
                columns: new[] { "RenditionState", "RenditionLeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_State_LeaseUntil",
                table: "RenderRuns",
                columns: new[] { "State", "LeaseUntil" });
        }
    }
}

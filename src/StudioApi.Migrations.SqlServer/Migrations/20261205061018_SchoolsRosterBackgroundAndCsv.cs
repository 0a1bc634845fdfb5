using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SchoolsRosterBackgroundAndCsv : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "RosterImports",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "RosterImports",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "OneRoster");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "RosterImports",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "RosterImports",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Processed",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "RosterImports",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Completed");

            migrationBuilder.AddColumn<int>(
                name: "Total",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RosterImportUploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterImportUploads_RosterImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "RosterImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_State_CreatedAt",
                table: "RosterImports",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportUploads_ImportId",
                table: "RosterImportUploads",
                column: "ImportId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterImportUploads");

            migrationBuilder.DropIndex(
                name: "IX_RosterImports_State_CreatedAt",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Processed",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "State",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "RosterImports");
        }
    }
}

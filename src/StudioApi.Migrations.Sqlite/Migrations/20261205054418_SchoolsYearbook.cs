using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchoolsYearbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "YearbookChosenAt",
                table: "SessionImages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearbookChosenBy",
                table: "SessionImages",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "YearbookStatuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearbookStatuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_DeletedAt",
                table: "YearbookStatuses",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_Name",
                table: "YearbookStatuses",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_SortOrder",
                table: "YearbookStatuses",
                column: "SortOrder");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "YearbookStatuses");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's expression index on SessionImages.
            migrationBuilder.Sql("ALTER TABLE \"SessionImages\" DROP COLUMN \"YearbookChosenAt\";");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's expression index on SessionImages.
            migrationBuilder.Sql("ALTER TABLE \"SessionImages\" DROP COLUMN \"YearbookChosenBy\";");

            migrationBuilder.DropColumn(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations");
        }
    }
}

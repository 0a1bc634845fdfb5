using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearbookChosenBy",
                table: "SessionImages",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "YearbookStatuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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

            migrationBuilder.DropColumn(
                name: "YearbookChosenAt",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "YearbookChosenBy",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations");
        }
    }
}

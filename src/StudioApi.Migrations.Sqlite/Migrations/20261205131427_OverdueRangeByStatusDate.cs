using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverdueRangeByStatusDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id",
                table: "Sessions");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id_StatusDate",
                table: "Sessions",
                columns: new[] { "StatusId", "StatusDueDate", "Id", "StatusDate" },
                filter: "DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id_StatusDate",
                table: "Sessions");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id",
                table: "Sessions",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");
        }
    }
}

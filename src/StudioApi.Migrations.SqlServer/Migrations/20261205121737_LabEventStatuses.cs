using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LabEventStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LabEvent",
                table: "StatusDefinitions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusDefinitions_LabEvent_Kind_TypeId",
                table: "StatusDefinitions",
                columns: new[] { "LabEvent", "Kind", "TypeId" },
                unique: true,
                filter: "DeletedAt IS NULL AND LabEvent IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusDefinitions_LabEvent_Kind_TypeId",
                table: "StatusDefinitions");

            migrationBuilder.DropColumn(
                name: "LabEvent",
                table: "StatusDefinitions");
        }
    }
}

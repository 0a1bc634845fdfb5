using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
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

            // SQLite drops the column in place, as the earlier migrations do: EF's rebuild would copy the table every workflow refers to.
            migrationBuilder.Sql("ALTER TABLE \"StatusDefinitions\" DROP COLUMN \"LabEvent\";");
        }
    }
}

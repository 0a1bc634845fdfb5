using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxQueueAndPackageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RenderRunPackages_OrganizationId",
                table: "RenderRunPackages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_OutboxQueue",
                table: "Communications",
                column: "Id",
                filter: "State IN ('Queued', 'Sending') AND DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RenderRunPackages_OrganizationId",
                table: "RenderRunPackages");

            migrationBuilder.DropIndex(
                name: "IX_Communications_OutboxQueue",
                table: "Communications");
        }
    }
}

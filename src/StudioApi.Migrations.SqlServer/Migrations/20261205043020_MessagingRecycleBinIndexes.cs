using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MessagingRecycleBinIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Triggers_DeletedAt",
                table: "Triggers");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_DeletedAt",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_MessagingSettings_DeletedAt",
                table: "MessagingSettings");

            migrationBuilder.DropIndex(
                name: "IX_MessageTemplates_DeletedAt",
                table: "MessageTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Communications_DeletedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_CallTypes_DeletedAt",
                table: "CallTypes");

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_DeletedAt",
                table: "Triggers",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_DeletedAt",
                table: "PrintJobs",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MessagingSettings_DeletedAt",
                table: "MessagingSettings",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_DeletedAt",
                table: "MessageTemplates",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_DeletedAt",
                table: "Communications",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CallTypes_DeletedAt",
                table: "CallTypes",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Triggers_DeletedAt",
                table: "Triggers");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_DeletedAt",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_MessagingSettings_DeletedAt",
                table: "MessagingSettings");

            migrationBuilder.DropIndex(
                name: "IX_MessageTemplates_DeletedAt",
                table: "MessageTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Communications_DeletedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_CallTypes_DeletedAt",
                table: "CallTypes");

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_DeletedAt",
                table: "Triggers",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_DeletedAt",
                table: "PrintJobs",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessagingSettings_DeletedAt",
                table: "MessagingSettings",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_DeletedAt",
                table: "MessageTemplates",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_DeletedAt",
                table: "Communications",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CallTypes_DeletedAt",
                table: "CallTypes",
                column: "DeletedAt");
        }
    }
}

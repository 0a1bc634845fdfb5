using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessagingListsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_PrintedAt_Id",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_Communications_AssignedUserId",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_InvoiceId",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_StatusId",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_TaskId",
                table: "Communications");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueSortKey",
                table: "Communications",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "COALESCE(DueDate, '9999-12-31')",
                stored: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SentSortKey",
                table: "Communications",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "COALESCE(SentAt, '9999-12-31 23:59:59.9999999')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_CreatedAt_Id",
                table: "PrintJobs",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_CreatedAt_Id_Deleted",
                table: "PrintJobs",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_Kind_CreatedAt",
                table: "PrintJobs",
                columns: new[] { "Kind", "CreatedAt" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_Printed",
                table: "PrintJobs",
                columns: new[] { "CreatedAt", "Id" },
                filter: "PrintedAt IS NOT NULL AND DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_Queue",
                table: "PrintJobs",
                columns: new[] { "CreatedAt", "Id" },
                filter: "PrintedAt IS NULL AND DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_AssignedUserId_CreatedAt",
                table: "Communications",
                columns: new[] { "AssignedUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_BatchId_CreatedAt",
                table: "Communications",
                columns: new[] { "BatchId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_CreatedAt_Id",
                table: "Communications",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_CreatedAt_Id_Deleted",
                table: "Communications",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_DueSortKey_Id",
                table: "Communications",
                columns: new[] { "DueSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_InvoiceId_CreatedAt",
                table: "Communications",
                columns: new[] { "InvoiceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Kind_CreatedAt",
                table: "Communications",
                columns: new[] { "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_OpenCalls_CreatedAt_Id",
                table: "Communications",
                columns: new[] { "CreatedAt", "Id" },
                filter: "Kind = 'Call' AND CompletedAt IS NULL AND DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_OpenCalls_DueDate",
                table: "Communications",
                column: "DueDate",
                filter: "DueDate IS NOT NULL AND CompletedAt IS NULL AND DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_SentSortKey_Id",
                table: "Communications",
                columns: new[] { "SentSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_State_CreatedAt",
                table: "Communications",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_StatusId_CreatedAt",
                table: "Communications",
                columns: new[] { "StatusId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_TaskId_CreatedAt",
                table: "Communications",
                columns: new[] { "TaskId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationBatches_CreatedAt_Id",
                table: "CommunicationBatches",
                columns: new[] { "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_CreatedAt_Id",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_CreatedAt_Id_Deleted",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_Kind_CreatedAt",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_Printed",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_PrintJobs_Queue",
                table: "PrintJobs");

            migrationBuilder.DropIndex(
                name: "IX_Communications_AssignedUserId_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_BatchId_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_CreatedAt_Id",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_CreatedAt_Id_Deleted",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_DueSortKey_Id",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_InvoiceId_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_Kind_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_OpenCalls_CreatedAt_Id",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_OpenCalls_DueDate",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_SentSortKey_Id",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_State_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_StatusId_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_Communications_TaskId_CreatedAt",
                table: "Communications");

            migrationBuilder.DropIndex(
                name: "IX_CommunicationBatches_CreatedAt_Id",
                table: "CommunicationBatches");

            migrationBuilder.DropColumn(
                name: "DueSortKey",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "SentSortKey",
                table: "Communications");

            migrationBuilder.CreateIndex(
                name: "IX_PrintJobs_PrintedAt_Id",
                table: "PrintJobs",
                columns: new[] { "PrintedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_AssignedUserId",
                table: "Communications",
                column: "AssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_InvoiceId",
                table: "Communications",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_StatusId",
                table: "Communications",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_TaskId",
                table: "Communications",
                column: "TaskId");
        }
    }
}

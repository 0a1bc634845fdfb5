using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowIndexesForInvoicesAndOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_StatusId_Id_StatusDueDate",
                table: "ProductionOrders",
                columns: new[] { "StatusId", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_StatusId_StatusDate_Id_StatusDueDate",
                table: "ProductionOrders",
                columns: new[] { "StatusId", "StatusDate", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_StatusId_StatusDueDate_Id",
                table: "ProductionOrders",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_StatusId_Id_StatusDueDate",
                table: "Invoices",
                columns: new[] { "StatusId", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_StatusId_StatusDate_Id_StatusDueDate",
                table: "Invoices",
                columns: new[] { "StatusId", "StatusDate", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_StatusId_StatusDueDate_Id",
                table: "Invoices",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Communications_Kind_CompletedAt_DueSortKey_Id",
                table: "Communications",
                columns: new[] { "Kind", "CompletedAt", "DueSortKey", "Id" },
                filter: "DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductionOrders_StatusId_Id_StatusDueDate",
                table: "ProductionOrders");

            migrationBuilder.DropIndex(
                name: "IX_ProductionOrders_StatusId_StatusDate_Id_StatusDueDate",
                table: "ProductionOrders");

            migrationBuilder.DropIndex(
                name: "IX_ProductionOrders_StatusId_StatusDueDate_Id",
                table: "ProductionOrders");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_StatusId_Id_StatusDueDate",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_StatusId_StatusDate_Id_StatusDueDate",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_StatusId_StatusDueDate_Id",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Communications_Kind_CompletedAt_DueSortKey_Id",
                table: "Communications");
        }
    }
}

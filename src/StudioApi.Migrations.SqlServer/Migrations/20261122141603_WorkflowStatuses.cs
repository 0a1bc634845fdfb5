using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Clients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDate",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDueDate",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusId",
                table: "Clients",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StatusDefinitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    TypeId = table.Column<long>(type: "bigint", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    DurationBusinessDays = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    IsInitial = table.Column<bool>(type: "bit", nullable: false),
                    IsFinal = table.Column<bool>(type: "bit", nullable: false),
                    IsInactive = table.Column<bool>(type: "bit", nullable: false),
                    ChangeOnSessionDate = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_StatusDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusLogEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    TypeId = table.Column<long>(type: "bigint", nullable: true),
                    FromStatusId = table.Column<long>(type: "bigint", nullable: true),
                    ToStatusId = table.Column<long>(type: "bigint", nullable: false),
                    FromDescription = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ToDescription = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLogEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowKindSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    StatusesByType = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_WorkflowKindSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusDueDate",
                table: "Clients",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId",
                table: "Clients",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusDefinitions_DeletedAt",
                table: "StatusDefinitions",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StatusDefinitions_Kind_TypeId_Description",
                table: "StatusDefinitions",
                columns: new[] { "Kind", "TypeId", "Description" },
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StatusLogEntries_Kind_RecordId_Id",
                table: "StatusLogEntries",
                columns: new[] { "Kind", "RecordId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowKindSettings_DeletedAt",
                table: "WorkflowKindSettings",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowKindSettings_Kind",
                table: "WorkflowKindSettings",
                column: "Kind",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Clients_StatusDefinitions_StatusId",
                table: "Clients",
                column: "StatusId",
                principalTable: "StatusDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Clients_StatusDefinitions_StatusId",
                table: "Clients");

            migrationBuilder.DropTable(
                name: "StatusDefinitions");

            migrationBuilder.DropTable(
                name: "StatusLogEntries");

            migrationBuilder.DropTable(
                name: "WorkflowKindSettings");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusDueDate",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "StatusDate",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "StatusDueDate",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "StatusId",
                table: "Clients");
        }
    }
}

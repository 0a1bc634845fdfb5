using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StorageReconciliations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StorageReconciliations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FilesChecked = table.Column<int>(type: "int", nullable: false),
                    ExpectedFiles = table.Column<int>(type: "int", nullable: false),
                    OrphanFiles = table.Column<int>(type: "int", nullable: false),
                    OrphanBytes = table.Column<long>(type: "bigint", nullable: false),
                    UnsettledFiles = table.Column<int>(type: "int", nullable: false),
                    MissingFiles = table.Column<int>(type: "int", nullable: false),
                    AbandonedTemporaryFiles = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageReconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StorageFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReconciliationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: true),
                    LastModified = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecordKind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    RecordId = table.Column<long>(type: "bigint", nullable: true),
                    QuarantinedAs = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StorageFindings_StorageReconciliations_ReconciliationId",
                        column: x => x.ReconciliationId,
                        principalTable: "StorageReconciliations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StorageFindings_ReconciliationId_Id",
                table: "StorageFindings",
                columns: new[] { "ReconciliationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StorageReconciliations_CreatedAt",
                table: "StorageReconciliations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StorageReconciliations_State",
                table: "StorageReconciliations",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StorageFindings");

            migrationBuilder.DropTable(
                name: "StorageReconciliations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FilesChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    OrphanFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    OrphanBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UnsettledFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    AbandonedTemporaryFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageReconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StorageFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReconciliationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: true),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    QuarantinedAs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessagingBatchesAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ActivatedAfterEntryId",
                table: "Triggers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "Communications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BatchRecordId",
                table: "Communications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunicationAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunicationId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationAttachments_Communications_CommunicationId",
                        column: x => x.CommunicationId,
                        principalTable: "Communications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Made = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Filter_ClientStatusId = table.Column<long>(type: "INTEGER", nullable: true),
                    Filter_OrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Filter_RecordType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Filter_SessionDateFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Filter_SessionDateTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Filter_SessionStatusId = table.Column<long>(type: "INTEGER", nullable: true),
                    Filter_SessionTypeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationBatches_MessageTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "MessageTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_BatchId_BatchRecordId",
                table: "Communications",
                columns: new[] { "BatchId", "BatchRecordId" },
                unique: true,
                filter: "BatchId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationAttachments_CommunicationId",
                table: "CommunicationAttachments",
                column: "CommunicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationBatches_DeletedAt",
                table: "CommunicationBatches",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationBatches_State_Id",
                table: "CommunicationBatches",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationBatches_TemplateId",
                table: "CommunicationBatches",
                column: "TemplateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunicationAttachments");

            migrationBuilder.DropTable(
                name: "CommunicationBatches");

            migrationBuilder.DropIndex(
                name: "IX_Communications_BatchId_BatchRecordId",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "ActivatedAfterEntryId",
                table: "Triggers");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "BatchRecordId",
                table: "Communications");
        }
    }
}

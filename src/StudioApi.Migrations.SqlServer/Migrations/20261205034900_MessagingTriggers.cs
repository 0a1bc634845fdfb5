using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MessagingTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Triggers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecordKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Event = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StatusId = table.Column<long>(type: "bigint", nullable: true),
                    TypeIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DateField = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    OffsetDays = table.Column<int>(type: "int", nullable: false),
                    TimeOfDay = table.Column<TimeOnly>(type: "time", nullable: true),
                    ConditionStatusIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ConditionOrganizationId = table.Column<long>(type: "bigint", nullable: true),
                    ConditionConfirmed = table.Column<bool>(type: "bit", nullable: true),
                    IncludeCancelled = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_Triggers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriggerActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TemplateId = table.Column<long>(type: "bigint", nullable: true),
                    CallTypeId = table.Column<long>(type: "bigint", nullable: true),
                    TaskTypeId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DueInDays = table.Column<int>(type: "int", nullable: false),
                    AssignedUserId = table.Column<long>(type: "bigint", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    TriggerId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriggerActions_Triggers_TriggerId",
                        column: x => x.TriggerId,
                        principalTable: "Triggers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriggerFirings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TriggerId = table.Column<long>(type: "bigint", nullable: false),
                    RecordKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    Occurrence = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerFirings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriggerFirings_Triggers_TriggerId",
                        column: x => x.TriggerId,
                        principalTable: "Triggers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriggerActions_TemplateId",
                table: "TriggerActions",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerActions_TriggerId",
                table: "TriggerActions",
                column: "TriggerId");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerFirings_TriggerId_FiredAt",
                table: "TriggerFirings",
                columns: new[] { "TriggerId", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TriggerFirings_TriggerId_RecordId_Occurrence",
                table: "TriggerFirings",
                columns: new[] { "TriggerId", "RecordId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_DeletedAt",
                table: "Triggers",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_IsActive_Event",
                table: "Triggers",
                columns: new[] { "IsActive", "Event" });

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_Name",
                table: "Triggers",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriggerActions");

            migrationBuilder.DropTable(
                name: "TriggerFirings");

            migrationBuilder.DropTable(
                name: "Triggers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LabOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LabApiUrl",
                table: "Vendors",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabCallbackSecretProtected",
                table: "Vendors",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabKeyProtected",
                table: "Vendors",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabSecretProtected",
                table: "Vendors",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabShippingCode",
                table: "Vendors",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OrderLineId",
                table: "RenderRunItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LabSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductionOrderId = table.Column<long>(type: "bigint", nullable: false),
                    VendorId = table.Column<long>(type: "bigint", nullable: false),
                    Protocol = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    LabKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AssetBaseUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LabConfirmationId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LabOrderNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LabAnswer = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Carrier = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TrackingUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ShippedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabSubmissions_ProductionOrders_ProductionOrderId",
                        column: x => x.ProductionOrderId,
                        principalTable: "ProductionOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LabSubmissions_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VendorLabProducts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PriceListItemId = table.Column<long>(type: "bigint", nullable: false),
                    LabCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    LabOptions = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    VendorId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorLabProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VendorLabProducts_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabSubmissionAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Attempt = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Server = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabSubmissionAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabSubmissionAttempts_LabSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "LabSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabSubmissionErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AssetUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    LineId = table.Column<long>(type: "bigint", nullable: true),
                    LabSubmissionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabSubmissionErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabSubmissionErrors_LabSubmissions_LabSubmissionId",
                        column: x => x.LabSubmissionId,
                        principalTable: "LabSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissionAttempts_SubmissionId_Id",
                table: "LabSubmissionAttempts",
                columns: new[] { "SubmissionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissionErrors_LabSubmissionId",
                table: "LabSubmissionErrors",
                column: "LabSubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissions_ProductionOrderId",
                table: "LabSubmissions",
                column: "ProductionOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissions_State_CreatedAt",
                table: "LabSubmissions",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissions_VendorId_LabConfirmationId",
                table: "LabSubmissions",
                columns: new[] { "VendorId", "LabConfirmationId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabSubmissions_VendorId_LabKey",
                table: "LabSubmissions",
                columns: new[] { "VendorId", "LabKey" });

            migrationBuilder.CreateIndex(
                name: "IX_VendorLabProducts_VendorId",
                table: "VendorLabProducts",
                column: "VendorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabSubmissionAttempts");

            migrationBuilder.DropTable(
                name: "LabSubmissionErrors");

            migrationBuilder.DropTable(
                name: "VendorLabProducts");

            migrationBuilder.DropTable(
                name: "LabSubmissions");

            migrationBuilder.DropColumn(
                name: "LabApiUrl",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "LabCallbackSecretProtected",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "LabKeyProtected",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "LabSecretProtected",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "LabShippingCode",
                table: "Vendors");

            migrationBuilder.DropColumn(
                name: "OrderLineId",
                table: "RenderRunItems");
        }
    }
}

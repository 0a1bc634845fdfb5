using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Production : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ProductionOrderId",
                table: "RenderRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CropHeight",
                table: "RenderRunItems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CropWidth",
                table: "RenderRunItems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CropX",
                table: "RenderRunItems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CropY",
                table: "RenderRunItems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HeightPx",
                table: "RenderRunItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rotation",
                table: "RenderRunItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WidthPx",
                table: "RenderRunItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrintSize",
                table: "PriceListItems",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProductionSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AutoCreateAtInvoiceStatusId = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoCreateChosenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_ProductionSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vendors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SubmissionMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LabProtocol = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_Vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductionOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductionTypeId = table.Column<long>(type: "INTEGER", nullable: false),
                    VendorId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LabReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StatusId = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatusDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_ProductionOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionOrders_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductionOrders_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductionOrders_ProductionTypes_ProductionTypeId",
                        column: x => x.ProductionTypeId,
                        principalTable: "ProductionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductionOrders_StatusDefinitions_StatusId",
                        column: x => x.StatusId,
                        principalTable: "StatusDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductionOrders_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProofOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    VendorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NumberOfProofs = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageLocation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CdNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceivedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
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
                    table.PrimaryKey("PK_ProofOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProofOrders_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProofOrders_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VendorPriceListItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriceListItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    VendorId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorPriceListItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VendorPriceListItems_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VendorProductionTypes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductionTypeId = table.Column<long>(type: "INTEGER", nullable: false),
                    VendorId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorProductionTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VendorProductionTypes_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductionOrderLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceLineId = table.Column<long>(type: "INTEGER", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    AspectRatio = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PrintSize = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ImageId = table.Column<long>(type: "INTEGER", nullable: true),
                    Rotation = table.Column<int>(type: "INTEGER", nullable: false),
                    CropX = table.Column<double>(type: "REAL", nullable: true),
                    CropY = table.Column<double>(type: "REAL", nullable: true),
                    CropWidth = table.Column<double>(type: "REAL", nullable: true),
                    CropHeight = table.Column<double>(type: "REAL", nullable: true),
                    CropReviewed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductionOrderId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionOrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionOrderLines_ProductionOrders_ProductionOrderId",
                        column: x => x.ProductionOrderId,
                        principalTable: "ProductionOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_ProductionOrderId_CreatedAt",
                table: "RenderRuns",
                columns: new[] { "ProductionOrderId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrderLines_ImageId",
                table: "ProductionOrderLines",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrderLines_InvoiceLineId_Part",
                table: "ProductionOrderLines",
                columns: new[] { "InvoiceLineId", "Part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrderLines_ProductionOrderId",
                table: "ProductionOrderLines",
                column: "ProductionOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_ClientId_Number",
                table: "ProductionOrders",
                columns: new[] { "ClientId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_DeletedAt",
                table: "ProductionOrders",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_InvoiceId_Number",
                table: "ProductionOrders",
                columns: new[] { "InvoiceId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_Number",
                table: "ProductionOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_Number_Live",
                table: "ProductionOrders",
                columns: new[] { "Number", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_OrderDate_Id",
                table: "ProductionOrders",
                columns: new[] { "OrderDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_ProductionTypeId_Number",
                table: "ProductionOrders",
                columns: new[] { "ProductionTypeId", "Number" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_SessionId_Number",
                table: "ProductionOrders",
                columns: new[] { "SessionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_StatusDueDate",
                table: "ProductionOrders",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_StatusId_Number",
                table: "ProductionOrders",
                columns: new[] { "StatusId", "Number" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_VendorId_Number",
                table: "ProductionOrders",
                columns: new[] { "VendorId", "Number" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionSettings_DeletedAt",
                table: "ProductionSettings",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProofOrders_DeletedAt",
                table: "ProofOrders",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProofOrders_SessionId_OrderDate_Id",
                table: "ProofOrders",
                columns: new[] { "SessionId", "OrderDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProofOrders_VendorId",
                table: "ProofOrders",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorPriceListItems_PriceListItemId",
                table: "VendorPriceListItems",
                column: "PriceListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorPriceListItems_VendorId",
                table: "VendorPriceListItems",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorProductionTypes_ProductionTypeId",
                table: "VendorProductionTypes",
                column: "ProductionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorProductionTypes_VendorId",
                table: "VendorProductionTypes",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_Vendors_DeletedAt",
                table: "Vendors",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Vendors_Name",
                table: "Vendors",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductionOrderLines");

            migrationBuilder.DropTable(
                name: "ProductionSettings");

            migrationBuilder.DropTable(
                name: "ProofOrders");

            migrationBuilder.DropTable(
                name: "VendorPriceListItems");

            migrationBuilder.DropTable(
                name: "VendorProductionTypes");

            migrationBuilder.DropTable(
                name: "ProductionOrders");

            migrationBuilder.DropTable(
                name: "Vendors");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_ProductionOrderId_CreatedAt",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "ProductionOrderId",
                table: "RenderRuns");

            migrationBuilder.DropColumn(
                name: "CropHeight",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "CropWidth",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "CropX",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "CropY",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "HeightPx",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "Rotation",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "WidthPx",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "PrintSize",
                table: "PriceListItems");
        }
    }
}

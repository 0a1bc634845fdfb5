using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SalesPriceLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentMethods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RequiresReference = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_PaymentMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriceLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_PriceLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShippingMethods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_ShippingMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaxIncludedInPrices = table.Column<bool>(type: "bit", nullable: false),
                    DigitalItemsTaxable = table.Column<bool>(type: "bit", nullable: false),
                    ShippingTaxable = table.Column<bool>(type: "bit", nullable: false),
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
                    table.PrimaryKey("PK_TaxSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriceListAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    ListIsLive = table.Column<bool>(type: "bit", nullable: false),
                    PriceListId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceListAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceListAssignments_PriceLists_PriceListId",
                        column: x => x.PriceListId,
                        principalTable: "PriceLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceListGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PriceListId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
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
                    table.PrimaryKey("PK_PriceListGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceListGroups_PriceLists_PriceListId",
                        column: x => x.PriceListId,
                        principalTable: "PriceLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaxRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    RatePercent = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    SalesTaxSettingsId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaxRates_TaxSettings_SalesTaxSettingsId",
                        column: x => x.SalesTaxSettingsId,
                        principalTable: "TaxSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceListItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PriceListId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CodeKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    Taxable = table.Column<bool>(type: "bit", nullable: false),
                    NeedsImage = table.Column<bool>(type: "bit", nullable: false),
                    CropAspectRatio = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ProductionTypeId = table.Column<long>(type: "bigint", nullable: true),
                    AvailableOnline = table.Column<bool>(type: "bit", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    MinPoses = table.Column<int>(type: "int", nullable: true),
                    MaxPoses = table.Column<int>(type: "int", nullable: true),
                    CouponCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CouponCodeKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    DiscountPercent = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    DiscountAmount = table.Column<long>(type: "bigint", nullable: true),
                    PromotionStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PromotionEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MinimumOrderAmount = table.Column<long>(type: "bigint", nullable: true),
                    OncePerClient = table.Column<bool>(type: "bit", nullable: false),
                    MaxUses = table.Column<int>(type: "int", nullable: true),
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
                    table.PrimaryKey("PK_PriceListItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceListItems_PriceListGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "PriceListGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PriceListItems_PriceLists_PriceListId",
                        column: x => x.PriceListId,
                        principalTable: "PriceLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackageComponents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    PriceListItemId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackageComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackageComponents_PriceListItems_PriceListItemId",
                        column: x => x.PriceListItemId,
                        principalTable: "PriceListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromotionTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    PriceListItemId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionTargets_PriceListItems_PriceListItemId",
                        column: x => x.PriceListItemId,
                        principalTable: "PriceListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PackageComponents_ItemId",
                table: "PackageComponents",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PackageComponents_PriceListItemId",
                table: "PackageComponents",
                column: "PriceListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_DeletedAt",
                table: "PaymentMethods",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_Name",
                table: "PaymentMethods",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_SortOrder",
                table: "PaymentMethods",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListAssignments_Channel_Target_TargetId",
                table: "PriceListAssignments",
                columns: new[] { "Channel", "Target", "TargetId" },
                unique: true,
                filter: "ListIsLive = 1");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListAssignments_PriceListId",
                table: "PriceListAssignments",
                column: "PriceListId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_DeletedAt",
                table: "PriceListGroups",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_NameKey_PerList",
                table: "PriceListGroups",
                columns: new[] { "PriceListId", "NameKey" },
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_PriceListId_Position_Id",
                table: "PriceListGroups",
                columns: new[] { "PriceListId", "Position", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_CodeKey_PerList",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "CodeKey" },
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_CouponCodeKey_PerList",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "CouponCodeKey" },
                unique: true,
                filter: "DeletedAt IS NULL AND CouponCodeKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_DeletedAt",
                table: "PriceListItems",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_GroupId",
                table: "PriceListItems",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_Description_Id",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "Description", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_GroupId_Position_Id",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "GroupId", "Position", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_Position_Id",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "Position", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_Price_Id",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "Price", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_ProductionTypeId",
                table: "PriceListItems",
                column: "ProductionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_DeletedAt",
                table: "PriceLists",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_Name",
                table: "PriceLists",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PromotionTargets_Kind_TargetId",
                table: "PromotionTargets",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionTargets_PriceListItemId",
                table: "PromotionTargets",
                column: "PriceListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_DeletedAt",
                table: "ShippingMethods",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_Name",
                table: "ShippingMethods",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_SortOrder",
                table: "ShippingMethods",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_TaxRates_SalesTaxSettingsId",
                table: "TaxRates",
                column: "SalesTaxSettingsId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxSettings_DeletedAt",
                table: "TaxSettings",
                column: "DeletedAt");

            // The studio's one tax rate moves from the settings into the tax settings (Sales owns tax now): a database
            // that has its settings gets its tax settings record here, with that rate when it was more than 0. A new
            // database gets its record at first start (Seeding/ReferenceData).
            migrationBuilder.Sql("""
                INSERT INTO TaxSettings (TaxIncludedInPrices, DigitalItemsTaxable, ShippingTaxable, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
                SELECT TOP (1) 0, 1, 0, 1, UpdatedAt, N'system', UpdatedAt, N'system' FROM StudioSettings ORDER BY Id;
                """);
            migrationBuilder.Sql("""
                INSERT INTO TaxRates (SalesTaxSettingsId, Name, RatePercent, Position)
                SELECT (SELECT TOP (1) Id FROM TaxSettings ORDER BY Id), N'Sales tax', s.TaxRatePercent, 0
                FROM (SELECT TOP (1) TaxRatePercent FROM StudioSettings ORDER BY Id) AS s
                WHERE s.TaxRatePercent > 0;
                """);

            migrationBuilder.DropColumn(
                name: "TaxRatePercent",
                table: "StudioSettings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "TaxRatePercent",
                table: "StudioSettings",
                type: "decimal(9,4)",
                precision: 9,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // The settings get back one rate: the first of the tax settings (a single column cannot keep several).
            migrationBuilder.Sql("""
                UPDATE StudioSettings SET TaxRatePercent =
                    COALESCE((SELECT TOP (1) RatePercent FROM TaxRates ORDER BY SalesTaxSettingsId, Position), 0);
                """);

            migrationBuilder.DropTable(
                name: "PackageComponents");

            migrationBuilder.DropTable(
                name: "PaymentMethods");

            migrationBuilder.DropTable(
                name: "PriceListAssignments");

            migrationBuilder.DropTable(
                name: "PromotionTargets");

            migrationBuilder.DropTable(
                name: "ShippingMethods");

            migrationBuilder.DropTable(
                name: "TaxRates");

            migrationBuilder.DropTable(
                name: "PriceListItems");

            migrationBuilder.DropTable(
                name: "TaxSettings");

            migrationBuilder.DropTable(
                name: "PriceListGroups");

            migrationBuilder.DropTable(
                name: "PriceLists");
        }
    }
}

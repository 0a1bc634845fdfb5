using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RenderProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RenderProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Quality = table.Column<int>(type: "int", nullable: false),
                    Dpi = table.Column<int>(type: "int", nullable: false),
                    ColourSpace = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Sharpening = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FileNamePattern = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Images = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HonourCrops = table.Column<bool>(type: "bit", nullable: false),
                    Size_Fit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Size_HeightPx = table.Column<int>(type: "int", nullable: true),
                    Size_LongEdgePx = table.Column<int>(type: "int", nullable: true),
                    Size_Mode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Size_WidthPx = table.Column<int>(type: "int", nullable: true),
                    Watermark_ImageHeightPx = table.Column<int>(type: "int", nullable: true),
                    Watermark_ImageSizeBytes = table.Column<int>(type: "int", nullable: true),
                    Watermark_ImageWidthPx = table.Column<int>(type: "int", nullable: true),
                    Watermark_Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Watermark_Opacity = table.Column<double>(type: "float", nullable: false),
                    Watermark_Position = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Watermark_Size = table.Column<double>(type: "float", nullable: false),
                    Watermark_Text = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
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
                    table.PrimaryKey("PK_RenderProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RenderProfileWatermarkImages",
                columns: table => new
                {
                    RenderProfileId = table.Column<long>(type: "bigint", nullable: false),
                    Png = table.Column<byte[]>(type: "varbinary(max)", maxLength: 1048576, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderProfileWatermarkImages", x => x.RenderProfileId);
                    table.ForeignKey(
                        name: "FK_RenderProfileWatermarkImages_RenderProfiles_RenderProfileId",
                        column: x => x.RenderProfileId,
                        principalTable: "RenderProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenderProfiles_DeletedAt",
                table: "RenderProfiles",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RenderProfiles_Name",
                table: "RenderProfiles",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenderProfileWatermarkImages");

            migrationBuilder.DropTable(
                name: "RenderProfiles");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MessagingTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessagingSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PublicBaseUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    OnlineGalleryUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SenderName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SenderEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ReplyToEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    SmtpHost = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: true),
                    SmtpPort = table.Column<int>(type: "int", nullable: false),
                    SmtpTlsMode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SmtpUsername = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    SmtpPasswordProtected = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SmsProvider = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TwilioAccountSid = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    TwilioAuthTokenProtected = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    TwilioFromNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TwilioBaseUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    EmailsPerMinute = table.Column<int>(type: "int", nullable: false),
                    SmsPerMinute = table.Column<int>(type: "int", nullable: false),
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
                    table.PrimaryKey("PK_MessagingSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_DeletedAt",
                table: "MessageTemplates",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_Name",
                table: "MessageTemplates",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MessagingSettings_DeletedAt",
                table: "MessagingSettings",
                column: "DeletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "MessagingSettings");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryReportsAndBounces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxHost",
                table: "MessagingSettings",
                type: "nvarchar(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxPasswordProtected",
                table: "MessagingSettings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BounceMailboxPort",
                table: "MessagingSettings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxTlsMode",
                table: "MessagingSettings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxUsername",
                table: "MessagingSettings",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceCode",
                table: "Communications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BouncedAt",
                table: "Communications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "Communications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailBounceAddress",
                table: "Clients",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailBounceReason",
                table: "Clients",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailBouncedAt",
                table: "Clients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BounceMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CommunicationId = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_MessageId",
                table: "Communications",
                column: "MessageId",
                filter: "MessageId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BounceMessages_Key",
                table: "BounceMessages",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BounceMessages");

            migrationBuilder.DropIndex(
                name: "IX_Communications_MessageId",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "BounceMailboxHost",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "BounceMailboxPasswordProtected",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "BounceMailboxPort",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "BounceMailboxTlsMode",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "BounceMailboxUsername",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "BounceCode",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "BouncedAt",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "EmailBounceAddress",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "EmailBounceReason",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "EmailBouncedAt",
                table: "Clients");
        }
    }
}

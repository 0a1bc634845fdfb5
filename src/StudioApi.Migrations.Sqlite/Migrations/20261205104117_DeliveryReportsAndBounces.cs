using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxPasswordProtected",
                table: "MessagingSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BounceMailboxPort",
                table: "MessagingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxTlsMode",
                table: "MessagingSettings",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BounceMailboxUsername",
                table: "MessagingSettings",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceCode",
                table: "Communications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BouncedAt",
                table: "Communications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "Communications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailBounceAddress",
                table: "Clients",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailBounceReason",
                table: "Clients",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailBouncedAt",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BounceMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CommunicationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's hand-written indexes on Clients.
            migrationBuilder.Sql("ALTER TABLE \"Clients\" DROP COLUMN \"EmailBounceAddress\";");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's hand-written indexes on Clients.
            migrationBuilder.Sql("ALTER TABLE \"Clients\" DROP COLUMN \"EmailBounceReason\";");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's hand-written indexes on Clients.
            migrationBuilder.Sql("ALTER TABLE \"Clients\" DROP COLUMN \"EmailBouncedAt\";");
        }
    }
}

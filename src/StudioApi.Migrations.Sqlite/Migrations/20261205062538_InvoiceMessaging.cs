using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PaymentPageUrl",
                table: "MessagingSettings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Filter_InvoiceDateFrom",
                table: "CommunicationBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Filter_InvoiceDateTo",
                table: "CommunicationBatches",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaymentPageUrl",
                table: "MessagingSettings");

            migrationBuilder.DropColumn(
                name: "Filter_InvoiceDateFrom",
                table: "CommunicationBatches");

            migrationBuilder.DropColumn(
                name: "Filter_InvoiceDateTo",
                table: "CommunicationBatches");
        }
    }
}

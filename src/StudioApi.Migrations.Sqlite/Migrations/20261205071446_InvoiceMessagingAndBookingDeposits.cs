using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceMessagingAndBookingDeposits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BookingRules_DepositAmount",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "BookingRules_DepositPercent",
                table: "SessionTypes",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DepositDueBy",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_DepositDueBy",
                table: "Sessions",
                column: "DepositDueBy",
                filter: "DepositDueBy IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_DepositDueBy",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "BookingRules_DepositAmount",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_DepositPercent",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "DepositDueBy",
                table: "Sessions");

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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OnlineBooking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnlineBookingKey",
                table: "StudioSettings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_BufferAfterMinutes",
                table: "SessionTypes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_BufferBeforeMinutes",
                table: "SessionTypes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_MaxDaysAhead",
                table: "SessionTypes",
                type: "int",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_MinNoticeHours",
                table: "SessionTypes",
                type: "int",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<string>(
                name: "BookingRules_PhotographerIds",
                table: "SessionTypes",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "BookingRules_ResourceId",
                table: "SessionTypes",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_SlotMinutes",
                table: "SessionTypes",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnlineBookable",
                table: "SessionTypes",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OnlineBookingKey",
                table: "StudioSettings");

            migrationBuilder.DropColumn(
                name: "BookingRules_BufferAfterMinutes",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_BufferBeforeMinutes",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_MaxDaysAhead",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_MinNoticeHours",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_PhotographerIds",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_ResourceId",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "BookingRules_SlotMinutes",
                table: "SessionTypes");

            migrationBuilder.DropColumn(
                name: "OnlineBookable",
                table: "SessionTypes");
        }
    }
}

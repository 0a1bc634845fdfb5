using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_BufferAfterMinutes",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_BufferBeforeMinutes",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_MaxDaysAhead",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_MinNoticeHours",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<string>(
                name: "BookingRules_PhotographerIds",
                table: "SessionTypes",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "BookingRules_ResourceId",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BookingRules_SlotMinutes",
                table: "SessionTypes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnlineBookable",
                table: "SessionTypes",
                type: "INTEGER",
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

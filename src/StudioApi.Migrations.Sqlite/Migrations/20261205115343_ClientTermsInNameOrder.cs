using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClientTermsInNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsLive",
                table: "ClientSearchTerms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NameSortKey",
                table: "ClientSearchTerms",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Hand-written: each term takes its client's name sort key and liveness (the app keeps them from now on).
            migrationBuilder.Sql("""
                UPDATE "ClientSearchTerms" SET "NameSortKey" = c."NameSortKey", "IsLive" = c."DeletedAt" IS NULL
                FROM "Clients" AS c WHERE c."Id" = "ClientSearchTerms"."RecordId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_Term_NameSortKey_RecordId_IsLive",
                table: "ClientSearchTerms",
                columns: new[] { "Term", "NameSortKey", "RecordId", "IsLive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClientSearchTerms_Term_NameSortKey_RecordId_IsLive",
                table: "ClientSearchTerms");

            migrationBuilder.DropColumn(
                name: "IsLive",
                table: "ClientSearchTerms");

            migrationBuilder.DropColumn(
                name: "NameSortKey",
                table: "ClientSearchTerms");
        }
    }
}

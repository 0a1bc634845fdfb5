using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NameSortKey",
                table: "ClientSearchTerms",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Hand-written: each term takes its client's name sort key and liveness (the app keeps them from now on).
            migrationBuilder.Sql("""
                UPDATE t SET t.[NameSortKey] = c.[NameSortKey], t.[IsLive] = CASE WHEN c.[DeletedAt] IS NULL THEN 1 ELSE 0 END
                FROM [ClientSearchTerms] AS t JOIN [Clients] AS c ON c.[Id] = t.[RecordId];
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

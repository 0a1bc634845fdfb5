using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SearchIndexVersion",
                table: "Communications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CommunicationSearchTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<long>(type: "bigint", nullable: true),
                    Term = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationSearchTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationSearchTerms_Communications_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Communications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Communications_SearchIndexVersion",
                table: "Communications",
                column: "SearchIndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationSearchTerms_RecordId_Term",
                table: "CommunicationSearchTerms",
                columns: new[] { "RecordId", "Term" },
                unique: true,
                filter: "[RecordId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationSearchTerms_Term_RecordId",
                table: "CommunicationSearchTerms",
                columns: new[] { "Term", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunicationSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_Communications_SearchIndexVersion",
                table: "Communications");

            migrationBuilder.DropColumn(
                name: "SearchIndexVersion",
                table: "Communications");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchoolsYearbookPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "ProfileId",
                table: "RenderRuns",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "IndexRecord",
                table: "RenderRunItems",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RenderRunMissingStudents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Homeroom = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderRunMissingStudents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenderRunMissingStudents_RenderRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "RenderRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RenderRunPackages",
                columns: table => new
                {
                    RenderRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    VolumeName = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    WidthPx = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightPx = table.Column<int>(type: "INTEGER", nullable: false),
                    Dpi = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexFileName = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IndexHeader = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Copyright = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Readme = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StudentsWithoutImage = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderRunPackages", x => x.RenderRunId);
                    table.ForeignKey(
                        name: "FK_RenderRunPackages_RenderRuns_RenderRunId",
                        column: x => x.RenderRunId,
                        principalTable: "RenderRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRunMissingStudents_RunId_Id",
                table: "RenderRunMissingStudents",
                columns: new[] { "RunId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenderRunMissingStudents");

            migrationBuilder.DropTable(
                name: "RenderRunPackages");

            migrationBuilder.DropColumn(
                name: "IndexRecord",
                table: "RenderRunItems");

            migrationBuilder.AlterColumn<long>(
                name: "ProfileId",
                table: "RenderRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}

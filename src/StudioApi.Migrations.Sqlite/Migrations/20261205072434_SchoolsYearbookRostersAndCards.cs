using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchoolsYearbookRostersAndCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "YearbookChosenAt",
                table: "SessionImages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearbookChosenBy",
                table: "SessionImages",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "RosterImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "RosterImports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "RosterImports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "RosterImports",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "RosterImports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "RosterImports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "RosterImports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "RosterImports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Processed",
                table: "RosterImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "RosterImports",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Total",
                table: "RosterImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

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

            migrationBuilder.AddColumn<DateOnly>(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations",
                type: "TEXT",
                maxLength: 100,
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

            migrationBuilder.CreateTable(
                name: "RosterImportUploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterImportUploads_RosterImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "RosterImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearbookStatuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearbookStatuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_State_CreatedAt",
                table: "RosterImports",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRunMissingStudents_RunId_Id",
                table: "RenderRunMissingStudents",
                columns: new[] { "RunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportUploads_ImportId",
                table: "RosterImportUploads",
                column: "ImportId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_DeletedAt",
                table: "YearbookStatuses",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_Name",
                table: "YearbookStatuses",
                column: "Name",
                unique: true,
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_YearbookStatuses_SortOrder",
                table: "YearbookStatuses",
                column: "SortOrder");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenderRunMissingStudents");

            migrationBuilder.DropTable(
                name: "RenderRunPackages");

            migrationBuilder.DropTable(
                name: "RosterImportUploads");

            migrationBuilder.DropTable(
                name: "YearbookStatuses");

            migrationBuilder.DropIndex(
                name: "IX_RosterImports_State_CreatedAt",
                table: "RosterImports");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's expression index on SessionImages.
            migrationBuilder.Sql("ALTER TABLE \"SessionImages\" DROP COLUMN \"YearbookChosenAt\";");

            // SQLite drops the column in place: EF's table rebuild would lose ListsAtScale's expression index on SessionImages.
            migrationBuilder.Sql("ALTER TABLE \"SessionImages\" DROP COLUMN \"YearbookChosenBy\";");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Processed",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "State",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "RosterImports");

            migrationBuilder.DropColumn(
                name: "IndexRecord",
                table: "RenderRunItems");

            migrationBuilder.DropColumn(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations");

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

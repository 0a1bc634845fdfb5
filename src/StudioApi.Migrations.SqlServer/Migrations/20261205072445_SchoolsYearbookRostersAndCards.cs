using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearbookChosenBy",
                table: "SessionImages",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "RosterImports",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "RosterImports",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "RosterImports",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "RosterImports",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "RosterImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Processed",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "RosterImports",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Total",
                table: "RosterImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<long>(
                name: "ProfileId",
                table: "RenderRuns",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "IndexRecord",
                table: "RenderRunItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Yearbook_SelectionDeadline",
                table: "Organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Yearbook_StatusOnSelection",
                table: "Organizations",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RenderRunMissingStudents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StudentId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Grade = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Homeroom = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                    RenderRunId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    VolumeName = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    WidthPx = table.Column<int>(type: "int", nullable: false),
                    HeightPx = table.Column<int>(type: "int", nullable: false),
                    Dpi = table.Column<int>(type: "int", nullable: false),
                    IndexFileName = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    IndexHeader = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Copyright = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Readme = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StudentsWithoutImage = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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

            migrationBuilder.DropColumn(
                name: "YearbookChosenAt",
                table: "SessionImages");

            migrationBuilder.DropColumn(
                name: "YearbookChosenBy",
                table: "SessionImages");

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
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowStatusDueCounts : Migration
    {
        static readonly string[] StagedTables = ["Sessions", "Invoices", "ProductionOrders"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowStatusDueCounts",
                columns: table => new
                {
                    StatusId = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowStatusDueCounts", x => new { x.StatusId, x.DueDate });
                });

            // Hand-written: the triggers that keep the count per status and due date (StatusDueDateCount) on each staged
            // table, then the counts of the records already there. A live record at a status with a due date counts once.
            static string Counted(string row) => $"""{row}."StatusId" IS NOT NULL AND {row}."StatusDueDate" IS NOT NULL AND {row}."DeletedAt" IS NULL""";
            foreach (var table in StagedTables)
            {
                var trigger = $"TR_{table}_WorkflowStatusDueCounts";
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Insert" AFTER INSERT ON "{table}"
                    WHEN {Counted("NEW")}
                    BEGIN
                        INSERT INTO "WorkflowStatusDueCounts" ("StatusId", "DueDate", "Count") VALUES (NEW."StatusId", NEW."StatusDueDate", 1)
                        ON CONFLICT ("StatusId", "DueDate") DO UPDATE SET "Count" = "Count" + 1;
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Delete" AFTER DELETE ON "{table}"
                    WHEN {Counted("OLD")}
                    BEGIN
                        UPDATE "WorkflowStatusDueCounts" SET "Count" = "Count" - 1 WHERE "StatusId" = OLD."StatusId" AND "DueDate" = OLD."StatusDueDate";
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Update" AFTER UPDATE OF "StatusId", "StatusDueDate", "DeletedAt" ON "{table}"
                    WHEN OLD."StatusId" IS NOT NEW."StatusId" OR OLD."StatusDueDate" IS NOT NEW."StatusDueDate"
                         OR (OLD."DeletedAt" IS NULL) <> (NEW."DeletedAt" IS NULL)
                    BEGIN
                        UPDATE "WorkflowStatusDueCounts" SET "Count" = "Count" - 1
                        WHERE "StatusId" = OLD."StatusId" AND "DueDate" = OLD."StatusDueDate" AND OLD."DeletedAt" IS NULL;
                        INSERT INTO "WorkflowStatusDueCounts" ("StatusId", "DueDate", "Count")
                        SELECT NEW."StatusId", NEW."StatusDueDate", 1 WHERE {Counted("NEW")}
                        ON CONFLICT ("StatusId", "DueDate") DO UPDATE SET "Count" = "Count" + 1;
                    END;
                    """);
            }
            var existing = string.Join(" UNION ALL ", StagedTables.Select(table =>
                $"""SELECT "StatusId", "StatusDueDate", COUNT(*) FROM "{table}" AS "r" WHERE {Counted("\"r\"")} GROUP BY "StatusId", "StatusDueDate" """));
            migrationBuilder.Sql($"""INSERT INTO "WorkflowStatusDueCounts" ("StatusId", "DueDate", "Count") {existing};""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in StagedTables)
                foreach (var change in new[] { "Insert", "Delete", "Update" })
                    migrationBuilder.Sql($"DROP TRIGGER \"TR_{table}_WorkflowStatusDueCounts_{change}\";");
            migrationBuilder.DropTable(
                name: "WorkflowStatusDueCounts");
        }
    }
}

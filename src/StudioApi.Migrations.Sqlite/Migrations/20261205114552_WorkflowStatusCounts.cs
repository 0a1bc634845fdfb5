using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowStatusCounts : Migration
    {
        static readonly string[] StagedTables = ["Sessions", "Invoices", "ProductionOrders"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowStatusCounts",
                columns: table => new
                {
                    StatusId = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowStatusCounts", x => x.StatusId);
                });

            // Hand-written: the triggers that keep the workflow hub's count per status (StatusRecordCount) on each staged
            // table, then the counts of the records already there. A live record (DeletedAt null) at a status counts once.
            foreach (var table in StagedTables)
            {
                var trigger = $"TR_{table}_WorkflowStatusCounts";
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Insert" AFTER INSERT ON "{table}"
                    WHEN NEW."StatusId" IS NOT NULL AND NEW."DeletedAt" IS NULL
                    BEGIN
                        INSERT INTO "WorkflowStatusCounts" ("StatusId", "Count") VALUES (NEW."StatusId", 1)
                        ON CONFLICT ("StatusId") DO UPDATE SET "Count" = "Count" + 1;
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Delete" AFTER DELETE ON "{table}"
                    WHEN OLD."StatusId" IS NOT NULL AND OLD."DeletedAt" IS NULL
                    BEGIN
                        UPDATE "WorkflowStatusCounts" SET "Count" = "Count" - 1 WHERE "StatusId" = OLD."StatusId";
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}_Update" AFTER UPDATE OF "StatusId", "DeletedAt" ON "{table}"
                    WHEN OLD."StatusId" IS NOT NEW."StatusId" OR (OLD."DeletedAt" IS NULL) <> (NEW."DeletedAt" IS NULL)
                    BEGIN
                        UPDATE "WorkflowStatusCounts" SET "Count" = "Count" - 1
                        WHERE "StatusId" = OLD."StatusId" AND OLD."DeletedAt" IS NULL;
                        INSERT INTO "WorkflowStatusCounts" ("StatusId", "Count")
                        SELECT NEW."StatusId", 1 WHERE NEW."StatusId" IS NOT NULL AND NEW."DeletedAt" IS NULL
                        ON CONFLICT ("StatusId") DO UPDATE SET "Count" = "Count" + 1;
                    END;
                    """);
            }
            var counted = string.Join(" UNION ALL ", StagedTables.Select(table =>
                $"""SELECT "StatusId", COUNT(*) FROM "{table}" WHERE "StatusId" IS NOT NULL AND "DeletedAt" IS NULL GROUP BY "StatusId" """));
            migrationBuilder.Sql($"""INSERT INTO "WorkflowStatusCounts" ("StatusId", "Count") {counted};""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in StagedTables)
                foreach (var change in new[] { "Insert", "Delete", "Update" })
                    migrationBuilder.Sql($"DROP TRIGGER \"TR_{table}_WorkflowStatusCounts_{change}\";");
            migrationBuilder.DropTable(
                name: "WorkflowStatusCounts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
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
                    StatusId = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowStatusCounts", x => x.StatusId);
                });

            // Hand-written: the trigger that keeps the workflow hub's count per status (StatusRecordCount) on each staged
            // table, then the counts of the records already there. A live record (DeletedAt null) at a status counts once.
            // One statement-level trigger nets the rows a statement inserted, changed or deleted per status; HOLDLOCK
            // keeps two transactions from both inserting a status's first row.
            foreach (var table in StagedTables)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER [TR_{table}_WorkflowStatusCounts] ON [{table}] AFTER INSERT, UPDATE, DELETE AS
                    BEGIN
                        SET NOCOUNT ON;
                        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) AND NOT (UPDATE([StatusId]) OR UPDATE([DeletedAt]))
                            RETURN;
                        MERGE [WorkflowStatusCounts] WITH (HOLDLOCK) AS [counts]
                        USING (
                            SELECT [StatusId], SUM([Delta]) AS [Delta] FROM (
                                SELECT [StatusId], 1 AS [Delta] FROM inserted WHERE [StatusId] IS NOT NULL AND [DeletedAt] IS NULL
                                UNION ALL
                                SELECT [StatusId], -1 FROM deleted WHERE [StatusId] IS NOT NULL AND [DeletedAt] IS NULL) AS [rows]
                            GROUP BY [StatusId] HAVING SUM([Delta]) <> 0) AS [changes]
                        ON [counts].[StatusId] = [changes].[StatusId]
                        WHEN MATCHED THEN UPDATE SET [Count] = [counts].[Count] + [changes].[Delta]
                        WHEN NOT MATCHED THEN INSERT ([StatusId], [Count]) VALUES ([changes].[StatusId], [changes].[Delta]);
                    END
                    """);
            var counted = string.Join(" UNION ALL ", StagedTables.Select(table =>
                $"SELECT [StatusId], COUNT_BIG(*) FROM [{table}] WHERE [StatusId] IS NOT NULL AND [DeletedAt] IS NULL GROUP BY [StatusId]"));
            migrationBuilder.Sql($"INSERT INTO [WorkflowStatusCounts] ([StatusId], [Count]) {counted};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in StagedTables)
                migrationBuilder.Sql($"DROP TRIGGER [TR_{table}_WorkflowStatusCounts];");
            migrationBuilder.DropTable(
                name: "WorkflowStatusCounts");
        }
    }
}

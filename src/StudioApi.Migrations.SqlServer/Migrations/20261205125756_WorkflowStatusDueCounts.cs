using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.SqlServer.Migrations
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
                    StatusId = table.Column<long>(type: "bigint", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowStatusDueCounts", x => new { x.StatusId, x.DueDate });
                });

            // Hand-written: the trigger that keeps the count per status and due date (StatusDueDateCount) on each staged
            // table, then the counts of the records already there (see WorkflowStatusCounts for the trigger's shape).
            foreach (var table in StagedTables)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER [TR_{table}_WorkflowStatusDueCounts] ON [{table}] AFTER INSERT, UPDATE, DELETE AS
                    BEGIN
                        SET NOCOUNT ON;
                        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
                           AND NOT (UPDATE([StatusId]) OR UPDATE([StatusDueDate]) OR UPDATE([DeletedAt]))
                            RETURN;
                        MERGE [WorkflowStatusDueCounts] WITH (HOLDLOCK) AS [counts]
                        USING (
                            SELECT [StatusId], [StatusDueDate], SUM([Delta]) AS [Delta] FROM (
                                SELECT [StatusId], [StatusDueDate], 1 AS [Delta] FROM inserted
                                WHERE [StatusId] IS NOT NULL AND [StatusDueDate] IS NOT NULL AND [DeletedAt] IS NULL
                                UNION ALL
                                SELECT [StatusId], [StatusDueDate], -1 FROM deleted
                                WHERE [StatusId] IS NOT NULL AND [StatusDueDate] IS NOT NULL AND [DeletedAt] IS NULL) AS [rows]
                            GROUP BY [StatusId], [StatusDueDate] HAVING SUM([Delta]) <> 0) AS [changes]
                        ON [counts].[StatusId] = [changes].[StatusId] AND [counts].[DueDate] = [changes].[StatusDueDate]
                        WHEN MATCHED THEN UPDATE SET [Count] = [counts].[Count] + [changes].[Delta]
                        WHEN NOT MATCHED THEN INSERT ([StatusId], [DueDate], [Count]) VALUES ([changes].[StatusId], [changes].[StatusDueDate], [changes].[Delta]);
                    END
                    """);
            var existing = string.Join(" UNION ALL ", StagedTables.Select(table =>
                $"SELECT [StatusId], [StatusDueDate], COUNT_BIG(*) FROM [{table}] WHERE [StatusId] IS NOT NULL AND [StatusDueDate] IS NOT NULL AND [DeletedAt] IS NULL GROUP BY [StatusId], [StatusDueDate]"));
            migrationBuilder.Sql($"INSERT INTO [WorkflowStatusDueCounts] ([StatusId], [DueDate], [Count]) {existing};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in StagedTables)
                migrationBuilder.Sql($"DROP TRIGGER [TR_{table}_WorkflowStatusDueCounts];");
            migrationBuilder.DropTable(
                name: "WorkflowStatusDueCounts");
        }
    }
}

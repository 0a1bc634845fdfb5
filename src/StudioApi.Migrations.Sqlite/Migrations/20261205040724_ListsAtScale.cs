using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudioApi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowKindSettings_DeletedAt",
                table: "WorkflowKindSettings");

            migrationBuilder.DropIndex(
                name: "IX_Users_DeletedAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_UnmatchedCaptures_DeletedAt",
                table: "UnmatchedCaptures");

            migrationBuilder.DropIndex(
                name: "IX_TaxSettings_DeletedAt",
                table: "TaxSettings");

            migrationBuilder.DropIndex(
                name: "IX_TaskTypes_DeletedAt",
                table: "TaskTypes");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssignedUserId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ClientId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_DueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Priority",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SessionId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusDueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_TaskTypeId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_StudioSettings_DeletedAt",
                table: "StudioSettings");

            migrationBuilder.DropIndex(
                name: "IX_StatusLogEntries_Kind_RecordId_Id",
                table: "StatusLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_StatusDefinitions_DeletedAt",
                table: "StatusDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_ShippingMethods_DeletedAt",
                table: "ShippingMethods");

            migrationBuilder.DropIndex(
                name: "IX_SessionTypes_DeletedAt",
                table: "SessionTypes");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ClientId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_DeletedAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_OrganizationId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_SessionTypeId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusDueDate",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_SessionImages_DeletedAt",
                table: "SessionImages");

            migrationBuilder.DropIndex(
                name: "IX_SessionCalendarEvents_DeletedAt",
                table: "SessionCalendarEvents");

            migrationBuilder.DropIndex(
                name: "IX_RosterImports_DeletedAt",
                table: "RosterImports");

            migrationBuilder.DropIndex(
                name: "IX_Resources_DeletedAt",
                table: "Resources");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_RenderJobId",
                table: "RenderRuns");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_State",
                table: "RenderRuns");

            migrationBuilder.DropIndex(
                name: "IX_RenderProfiles_DeletedAt",
                table: "RenderProfiles");

            migrationBuilder.DropIndex(
                name: "IX_RenderJobs_DeletedAt",
                table: "RenderJobs");

            migrationBuilder.DropIndex(
                name: "IX_Relationships_DeletedAt",
                table: "Relationships");

            migrationBuilder.DropIndex(
                name: "IX_RecordNotes_Kind_RecordId_Id",
                table: "RecordNotes");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_DeletedAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_ProductionTypes_DeletedAt",
                table: "ProductionTypes");

            migrationBuilder.DropIndex(
                name: "IX_PriceLists_DeletedAt",
                table: "PriceLists");

            migrationBuilder.DropIndex(
                name: "IX_PriceListItems_DeletedAt",
                table: "PriceListItems");

            migrationBuilder.DropIndex(
                name: "IX_PriceListGroups_DeletedAt",
                table: "PriceListGroups");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMethods_DeletedAt",
                table: "PaymentMethods");

            migrationBuilder.DropIndex(
                name: "IX_PartnerClients_DeletedAt",
                table: "PartnerClients");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_DeletedAt",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Locations_DeletedAt",
                table: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Company",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_DeletedAt",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_FirstName",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_LastName",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusDueDate",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StudentGraduationYear",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeeds_DeletedAt",
                table: "CalendarFeeds");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_ClientId",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_DeletedAt",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_SessionId",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_StartsAt",
                table: "Appointments");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueSortKey",
                table: "Tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "SearchIndexVersion",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CompanySortKey",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FirstNameSortKey",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameSortKey",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SearchIndexVersion",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Hand-written: the stored sort keys of the rows already there. SQL can only lower-case ASCII and keep the
            // punctuation, so this is close to what the app writes (SearchText.SortKey); SearchIndexCatchUp rewrites every
            // row at the first start (SearchIndexVersion is 0) with the exact keys and builds the search terms.
            migrationBuilder.Sql("""
                UPDATE "Clients" SET
                    "NameSortKey" = substr(lower(COALESCE("LastName", "Company", '')) || ' ' || lower(COALESCE("FirstName", '')), 1, 200),
                    "FirstNameSortKey" = substr(lower(COALESCE("FirstName", '')) || ' ' || lower(COALESCE("LastName", "Company", '')), 1, 200),
                    "CompanySortKey" = substr(lower(COALESCE("Company", '')), 1, 200);
                UPDATE "Tasks" SET "DueSortKey" = COALESCE("DueDate", '9999-12-31');
                """);

            migrationBuilder.CreateTable(
                name: "ClientSearchTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSearchTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientSearchTerms_Clients_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionSearchTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionSearchTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionSearchTerms_Sessions_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowKindSettings_DeletedAt",
                table: "WorkflowKindSettings",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Users_DeletedAt",
                table: "Users",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UnmatchedCaptures_DeletedAt",
                table: "UnmatchedCaptures",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UnmatchedCaptures_OrganizationId_CreatedAt_Id",
                table: "UnmatchedCaptures",
                columns: new[] { "OrganizationId", "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UnmatchedCaptures_OrganizationId_OriginalFileName_Id",
                table: "UnmatchedCaptures",
                columns: new[] { "OrganizationId", "OriginalFileName", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TaxSettings_DeletedAt",
                table: "TaxSettings",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TaskTypes_DeletedAt",
                table: "TaskTypes",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedUserId_DueSortKey",
                table: "Tasks",
                columns: new[] { "AssignedUserId", "DueSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ClientId_DueSortKey",
                table: "Tasks",
                columns: new[] { "ClientId", "DueSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CreatedAt_Id",
                table: "Tasks",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DueSortKey_Id",
                table: "Tasks",
                columns: new[] { "DueSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DueSortKey_Id_Deleted",
                table: "Tasks",
                columns: new[] { "DueSortKey", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Priority_Id",
                table: "Tasks",
                columns: new[] { "Priority", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SessionId_DueSortKey",
                table: "Tasks",
                columns: new[] { "SessionId", "DueSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusId_DueSortKey",
                table: "Tasks",
                columns: new[] { "StatusId", "DueSortKey" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusId_Id_StatusDueDate",
                table: "Tasks",
                columns: new[] { "StatusId", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusId_StatusDate_Id_StatusDueDate",
                table: "Tasks",
                columns: new[] { "StatusId", "StatusDate", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusId_StatusDueDate_Id",
                table: "Tasks",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_TaskTypeId_DueSortKey",
                table: "Tasks",
                columns: new[] { "TaskTypeId", "DueSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UpdatedAt_Id",
                table: "Tasks",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StudioSettings_DeletedAt",
                table: "StudioSettings",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StatusLogEntries_Kind_RecordId_ChangedAt_Id",
                table: "StatusLogEntries",
                columns: new[] { "Kind", "RecordId", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusDefinitions_DeletedAt",
                table: "StatusDefinitions",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_DeletedAt",
                table: "ShippingMethods",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_SortOrder_Id_Deleted",
                table: "ShippingMethods",
                columns: new[] { "SortOrder", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTypes_DeletedAt",
                table: "SessionTypes",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Cancelled_StartsAt",
                table: "Sessions",
                columns: new[] { "Cancelled", "StartsAt" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ClientId_StartsAt",
                table: "Sessions",
                columns: new[] { "ClientId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CreatedAt_Id",
                table: "Sessions",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_DeletedAt",
                table: "Sessions",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_OrganizationId_StartsAt",
                table: "Sessions",
                columns: new[] { "OrganizationId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SearchIndexVersion",
                table: "Sessions",
                column: "SearchIndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SessionTypeId_StartsAt",
                table: "Sessions",
                columns: new[] { "SessionTypeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StartsAt_Id_ClientId",
                table: "Sessions",
                columns: new[] { "StartsAt", "Id", "ClientId" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StartsAt_Id_Deleted",
                table: "Sessions",
                columns: new[] { "StartsAt", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StartsAt_Id_FiredReminders",
                table: "Sessions",
                columns: new[] { "StartsAt", "Id" },
                filter: "ReminderFiredAt IS NOT NULL AND DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_Id_StatusDueDate",
                table: "Sessions",
                columns: new[] { "StatusId", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_StartsAt",
                table: "Sessions",
                columns: new[] { "StatusId", "StartsAt" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_StatusDate_Id_StatusDueDate",
                table: "Sessions",
                columns: new[] { "StatusId", "StatusDate", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id",
                table: "Sessions",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionImages_DeletedAt",
                table: "SessionImages",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionImages_SessionId_CreatedAt_Id",
                table: "SessionImages",
                columns: new[] { "SessionId", "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SessionCalendarEvents_DeletedAt",
                table: "SessionCalendarEvents",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_DeletedAt",
                table: "RosterImports",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_DeletedAt",
                table: "Resources",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_CreatedAt_Id",
                table: "RenderRuns",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_RenderJobId_CreatedAt",
                table: "RenderRuns",
                columns: new[] { "RenderJobId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_State_CreatedAt",
                table: "RenderRuns",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderProfiles_DeletedAt",
                table: "RenderProfiles",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RenderJobs_DeletedAt",
                table: "RenderJobs",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_DeletedAt",
                table: "Relationships",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RecordNotes_Kind_RecordId_CreatedAt_Id",
                table: "RecordNotes",
                columns: new[] { "Kind", "RecordId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_DeletedAt",
                table: "Promotions",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionTypes_DeletedAt",
                table: "ProductionTypes",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_CreatedAt_Id",
                table: "PriceLists",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_DeletedAt",
                table: "PriceLists",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_Name_Id_Deleted",
                table: "PriceLists",
                columns: new[] { "Name", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_UpdatedAt_Id",
                table: "PriceLists",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_DeletedAt",
                table: "PriceListItems",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_DeletedAt",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_PriceListId_Position_Id_Deleted",
                table: "PriceListItems",
                columns: new[] { "PriceListId", "Position", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_DeletedAt",
                table: "PriceListGroups",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_PriceListId",
                table: "PriceListGroups",
                column: "PriceListId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_DeletedAt",
                table: "PaymentMethods",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_SortOrder_Id_Deleted",
                table: "PaymentMethods",
                columns: new[] { "SortOrder", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerClients_DeletedAt",
                table: "PartnerClients",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CreatedAt_Id",
                table: "Organizations",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_DeletedAt",
                table: "Organizations",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name_Id",
                table: "Organizations",
                columns: new[] { "Name", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name_Id_Deleted",
                table: "Organizations",
                columns: new[] { "Name", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_UpdatedAt_Id",
                table: "Organizations",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Locations_DeletedAt",
                table: "Locations",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_CompanySortKey_Id",
                table: "Clients",
                columns: new[] { "CompanySortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_CreatedAt_Id",
                table: "Clients",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_DeletedAt",
                table: "Clients",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_FirstNameSortKey_Id",
                table: "Clients",
                columns: new[] { "FirstNameSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Kind_NameSortKey_Id",
                table: "Clients",
                columns: new[] { "Kind", "NameSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NameSortKey_Id",
                table: "Clients",
                columns: new[] { "NameSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NameSortKey_Id_Deleted",
                table: "Clients",
                columns: new[] { "NameSortKey", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_SearchIndexVersion",
                table: "Clients",
                column: "SearchIndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId_Id_StatusDueDate",
                table: "Clients",
                columns: new[] { "StatusId", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId_NameSortKey_Id",
                table: "Clients",
                columns: new[] { "StatusId", "NameSortKey", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId_StatusDate_Id_StatusDueDate",
                table: "Clients",
                columns: new[] { "StatusId", "StatusDate", "Id", "StatusDueDate" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId_StatusDueDate_Id",
                table: "Clients",
                columns: new[] { "StatusId", "StatusDueDate", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_UpdatedAt_Id",
                table: "Clients",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_DeletedAt",
                table: "CalendarFeeds",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClientId_StartsAt",
                table: "Appointments",
                columns: new[] { "ClientId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CreatedAt_Id",
                table: "Appointments",
                columns: new[] { "CreatedAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_DeletedAt",
                table: "Appointments",
                column: "DeletedAt",
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SessionId_StartsAt",
                table: "Appointments",
                columns: new[] { "SessionId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_StartsAt_Id",
                table: "Appointments",
                columns: new[] { "StartsAt", "Id" },
                filter: "DeletedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_StartsAt_Id_Deleted",
                table: "Appointments",
                columns: new[] { "StartsAt", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_RecordId_Term",
                table: "ClientSearchTerms",
                columns: new[] { "RecordId", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_Term_RecordId",
                table: "ClientSearchTerms",
                columns: new[] { "Term", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionSearchTerms_RecordId_Term",
                table: "SessionSearchTerms",
                columns: new[] { "RecordId", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionSearchTerms_Term_RecordId",
                table: "SessionSearchTerms",
                columns: new[] { "Term", "RecordId" });

            // Hand-written: an organization's and a graduation year's live students in name order (the client list's
            // filters; a school's students by first name for the partner API too); the model cannot state them, an
            // owned type's index taking none of the client's columns.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Clients_StudentOrganizationId_NameSortKey_Id" ON "Clients" ("StudentOrganizationId", "NameSortKey", "Id") WHERE "DeletedAt" IS NULL;
                CREATE INDEX "IX_Clients_StudentGraduationYear_NameSortKey_Id" ON "Clients" ("StudentGraduationYear", "NameSortKey", "Id") WHERE "DeletedAt" IS NULL;
                CREATE INDEX "IX_Clients_StudentOrganizationId_FirstNameSortKey_Id" ON "Clients" ("StudentOrganizationId", "FirstNameSortKey", "Id") WHERE "DeletedAt" IS NULL;
                """);

            // Hand-written: a session's live images by capture time, the key the list sorts by (COALESCE(CaptureTime, ''),
            // so images without one come first); SQLite indexes the expression itself. SQL Server sorts a session's
            // images as read.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_SessionImages_SessionId_CaptureSortKey_Id" ON "SessionImages" ("SessionId", COALESCE("CaptureTime", ''), "Id") WHERE "DeletedAt" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Clients_StudentOrganizationId_NameSortKey_Id";
                DROP INDEX "IX_Clients_StudentGraduationYear_NameSortKey_Id";
                DROP INDEX "IX_Clients_StudentOrganizationId_FirstNameSortKey_Id";
                DROP INDEX "IX_SessionImages_SessionId_CaptureSortKey_Id";
                """);

            migrationBuilder.DropTable(
                name: "ClientSearchTerms");

            migrationBuilder.DropTable(
                name: "SessionSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowKindSettings_DeletedAt",
                table: "WorkflowKindSettings");

            migrationBuilder.DropIndex(
                name: "IX_Users_DeletedAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_UnmatchedCaptures_DeletedAt",
                table: "UnmatchedCaptures");

            migrationBuilder.DropIndex(
                name: "IX_UnmatchedCaptures_OrganizationId_CreatedAt_Id",
                table: "UnmatchedCaptures");

            migrationBuilder.DropIndex(
                name: "IX_UnmatchedCaptures_OrganizationId_OriginalFileName_Id",
                table: "UnmatchedCaptures");

            migrationBuilder.DropIndex(
                name: "IX_TaxSettings_DeletedAt",
                table: "TaxSettings");

            migrationBuilder.DropIndex(
                name: "IX_TaskTypes_DeletedAt",
                table: "TaskTypes");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssignedUserId_DueSortKey",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ClientId_DueSortKey",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_CreatedAt_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_DueSortKey_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_DueSortKey_Id_Deleted",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Priority_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SessionId_DueSortKey",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusId_DueSortKey",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusId_Id_StatusDueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusId_StatusDate_Id_StatusDueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_StatusId_StatusDueDate_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_TaskTypeId_DueSortKey",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_UpdatedAt_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_StudioSettings_DeletedAt",
                table: "StudioSettings");

            migrationBuilder.DropIndex(
                name: "IX_StatusLogEntries_Kind_RecordId_ChangedAt_Id",
                table: "StatusLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_StatusDefinitions_DeletedAt",
                table: "StatusDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_ShippingMethods_DeletedAt",
                table: "ShippingMethods");

            migrationBuilder.DropIndex(
                name: "IX_ShippingMethods_SortOrder_Id_Deleted",
                table: "ShippingMethods");

            migrationBuilder.DropIndex(
                name: "IX_SessionTypes_DeletedAt",
                table: "SessionTypes");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_Cancelled_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ClientId_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_CreatedAt_Id",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_DeletedAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_OrganizationId_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_SearchIndexVersion",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_SessionTypeId_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StartsAt_Id_ClientId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StartsAt_Id_Deleted",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StartsAt_Id_FiredReminders",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_Id_StatusDueDate",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_StartsAt",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_StatusDate_Id_StatusDueDate",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StatusId_StatusDueDate_Id",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_SessionImages_DeletedAt",
                table: "SessionImages");

            migrationBuilder.DropIndex(
                name: "IX_SessionImages_SessionId_CreatedAt_Id",
                table: "SessionImages");

            migrationBuilder.DropIndex(
                name: "IX_SessionCalendarEvents_DeletedAt",
                table: "SessionCalendarEvents");

            migrationBuilder.DropIndex(
                name: "IX_RosterImports_DeletedAt",
                table: "RosterImports");

            migrationBuilder.DropIndex(
                name: "IX_Resources_DeletedAt",
                table: "Resources");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_CreatedAt_Id",
                table: "RenderRuns");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_RenderJobId_CreatedAt",
                table: "RenderRuns");

            migrationBuilder.DropIndex(
                name: "IX_RenderRuns_State_CreatedAt",
                table: "RenderRuns");

            migrationBuilder.DropIndex(
                name: "IX_RenderProfiles_DeletedAt",
                table: "RenderProfiles");

            migrationBuilder.DropIndex(
                name: "IX_RenderJobs_DeletedAt",
                table: "RenderJobs");

            migrationBuilder.DropIndex(
                name: "IX_Relationships_DeletedAt",
                table: "Relationships");

            migrationBuilder.DropIndex(
                name: "IX_RecordNotes_Kind_RecordId_CreatedAt_Id",
                table: "RecordNotes");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_DeletedAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_ProductionTypes_DeletedAt",
                table: "ProductionTypes");

            migrationBuilder.DropIndex(
                name: "IX_PriceLists_CreatedAt_Id",
                table: "PriceLists");

            migrationBuilder.DropIndex(
                name: "IX_PriceLists_DeletedAt",
                table: "PriceLists");

            migrationBuilder.DropIndex(
                name: "IX_PriceLists_Name_Id_Deleted",
                table: "PriceLists");

            migrationBuilder.DropIndex(
                name: "IX_PriceLists_UpdatedAt_Id",
                table: "PriceLists");

            migrationBuilder.DropIndex(
                name: "IX_PriceListItems_DeletedAt",
                table: "PriceListItems");

            migrationBuilder.DropIndex(
                name: "IX_PriceListItems_PriceListId_DeletedAt",
                table: "PriceListItems");

            migrationBuilder.DropIndex(
                name: "IX_PriceListItems_PriceListId_Position_Id_Deleted",
                table: "PriceListItems");

            migrationBuilder.DropIndex(
                name: "IX_PriceListGroups_DeletedAt",
                table: "PriceListGroups");

            migrationBuilder.DropIndex(
                name: "IX_PriceListGroups_PriceListId",
                table: "PriceListGroups");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMethods_DeletedAt",
                table: "PaymentMethods");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMethods_SortOrder_Id_Deleted",
                table: "PaymentMethods");

            migrationBuilder.DropIndex(
                name: "IX_PartnerClients_DeletedAt",
                table: "PartnerClients");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CreatedAt_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_DeletedAt",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name_Id_Deleted",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_UpdatedAt_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Locations_DeletedAt",
                table: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_Clients_CompanySortKey_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_CreatedAt_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_DeletedAt",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_FirstNameSortKey_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Kind_NameSortKey_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_NameSortKey_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_NameSortKey_Id_Deleted",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_SearchIndexVersion",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId_Id_StatusDueDate",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId_NameSortKey_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId_StatusDate_Id_StatusDueDate",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_StatusId_StatusDueDate_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_UpdatedAt_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeeds_DeletedAt",
                table: "CalendarFeeds");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_ClientId_StartsAt",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CreatedAt_Id",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_DeletedAt",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_SessionId_StartsAt",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_StartsAt_Id",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_StartsAt_Id_Deleted",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "DueSortKey",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SearchIndexVersion",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CompanySortKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "FirstNameSortKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "NameSortKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "SearchIndexVersion",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowKindSettings_DeletedAt",
                table: "WorkflowKindSettings",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Users_DeletedAt",
                table: "Users",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UnmatchedCaptures_DeletedAt",
                table: "UnmatchedCaptures",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TaxSettings_DeletedAt",
                table: "TaxSettings",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TaskTypes_DeletedAt",
                table: "TaskTypes",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedUserId",
                table: "Tasks",
                column: "AssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ClientId",
                table: "Tasks",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DeletedAt",
                table: "Tasks",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DueDate",
                table: "Tasks",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Priority",
                table: "Tasks",
                column: "Priority");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SessionId",
                table: "Tasks",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusDueDate",
                table: "Tasks",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_StatusId",
                table: "Tasks",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_TaskTypeId",
                table: "Tasks",
                column: "TaskTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_StudioSettings_DeletedAt",
                table: "StudioSettings",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StatusLogEntries_Kind_RecordId_Id",
                table: "StatusLogEntries",
                columns: new[] { "Kind", "RecordId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusDefinitions_DeletedAt",
                table: "StatusDefinitions",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMethods_DeletedAt",
                table: "ShippingMethods",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTypes_DeletedAt",
                table: "SessionTypes",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ClientId",
                table: "Sessions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_DeletedAt",
                table: "Sessions",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_OrganizationId",
                table: "Sessions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SessionTypeId",
                table: "Sessions",
                column: "SessionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StartsAt",
                table: "Sessions",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusDueDate",
                table: "Sessions",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StatusId",
                table: "Sessions",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionImages_DeletedAt",
                table: "SessionImages",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SessionCalendarEvents_DeletedAt",
                table: "SessionCalendarEvents",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_DeletedAt",
                table: "RosterImports",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_DeletedAt",
                table: "Resources",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_RenderJobId",
                table: "RenderRuns",
                column: "RenderJobId");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRuns_State",
                table: "RenderRuns",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_RenderProfiles_DeletedAt",
                table: "RenderProfiles",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RenderJobs_DeletedAt",
                table: "RenderJobs",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_DeletedAt",
                table: "Relationships",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecordNotes_Kind_RecordId_Id",
                table: "RecordNotes",
                columns: new[] { "Kind", "RecordId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_DeletedAt",
                table: "Promotions",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionTypes_DeletedAt",
                table: "ProductionTypes",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_DeletedAt",
                table: "PriceLists",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListItems_DeletedAt",
                table: "PriceListItems",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListGroups_DeletedAt",
                table: "PriceListGroups",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_DeletedAt",
                table: "PaymentMethods",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerClients_DeletedAt",
                table: "PartnerClients",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_DeletedAt",
                table: "Organizations",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name",
                table: "Organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Locations_DeletedAt",
                table: "Locations",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Company",
                table: "Clients",
                column: "Company");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_DeletedAt",
                table: "Clients",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_FirstName",
                table: "Clients",
                column: "FirstName");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_LastName",
                table: "Clients",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusDueDate",
                table: "Clients",
                column: "StatusDueDate");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StatusId",
                table: "Clients",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_StudentGraduationYear",
                table: "Clients",
                column: "StudentGraduationYear");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_DeletedAt",
                table: "CalendarFeeds",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClientId",
                table: "Appointments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_DeletedAt",
                table: "Appointments",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SessionId",
                table: "Appointments",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_StartsAt",
                table: "Appointments",
                column: "StartsAt");
        }
    }
}

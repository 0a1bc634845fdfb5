using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>The kinds of records that move through a status workflow.</summary>
public enum RecordKind
{
    Client,
    Session,
    Invoice,
    ProductionOrder,
    Task,
    Communication,
}

/// <summary>The stages of the digital workflow hub a session or production order status can be associated with.</summary>
public enum WorkflowStage
{
    Capture,
    QualityCheck,
    Upload,
    Presentation,
    Retouch,
    Ordering,
    Production,
    Archive,
}

/// <summary>What a lab's callback says about a production order it was sent: a status marked with one receives the order.</summary>
public enum LabEvent
{
    Accepted,
    Rejected,
    Shipped,
}

public static class RecordKinds
{
    /// <summary>Kinds whose statuses may be kept per type (session type, production type, task type).</summary>
    public static bool SupportsStatusesByType(this RecordKind kind) =>
        kind is RecordKind.Session or RecordKind.ProductionOrder or RecordKind.Task;

    /// <summary>Kinds whose statuses can be associated with a stage of the workflow hub (invoices: ordering, production…).</summary>
    public static bool SupportsStages(this RecordKind kind) => kind is RecordKind.Session or RecordKind.Invoice or RecordKind.ProductionOrder;

    /// <summary>Kinds whose statuses can be marked for a lab's callbacks: production orders, which labs make.</summary>
    public static bool SupportsLabEvents(this RecordKind kind) => kind is RecordKind.ProductionOrder;

}

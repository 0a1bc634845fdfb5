using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Setup;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Triggers;

/// <summary>One action as sent and read.</summary>
public sealed class TriggerActionData
{
    /// <summary>email, sms, letter, call, task, or jobSheet (daily triggers only).</summary>
    public TriggerActionKind Kind { get; set; }
    /// <summary>E-mail, SMS, letter: an active template (a session template only on a session trigger; an HTML e-mail only by e-mail).</summary>
    public long? TemplateId { get; set; }
    /// <summary>A call: its call type.</summary>
    public long? CallTypeId { get; set; }
    /// <summary>A task: its task type (required).</summary>
    public long? TaskTypeId { get; set; }
    /// <summary>A call's subject or a task's title; the trigger's name when omitted.</summary>
    public string? Title { get; set; }
    /// <summary>A call or task: due this many days after the day it fires (0–365).</summary>
    public int DueInDays { get; set; }
    /// <summary>A call or task: who makes or works it.</summary>
    public long? AssignedUserId { get; set; }
}

/// <summary>The fields of a trigger a caller sets, shared by create and update (a full replace).</summary>
public abstract class TriggerInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Defaults to true. A trigger made active reacts to what happens from then on, never to the past.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>client, session or task.</summary>
    public RecordKind? RecordKind { get; set; }
    /// <summary>statusChange, creation, date, or daily (a session trigger printing the job sheet).</summary>
    public TriggerEvent? Event { get; set; }
    /// <summary>A status change: the status reached, of the record kind's workflow; omit for any change.</summary>
    public long? StatusId { get; set; }
    /// <summary>Only records of these session types (session triggers) or task types (task triggers).</summary>
    public List<long>? TypeIds { get; set; }
    /// <summary>A date trigger: sessionDate (sessions) or statusDueDate.</summary>
    public TriggerDateField? DateField { get; set; }
    /// <summary>
    /// A date trigger: days after the date, negative for before (−365…365), e.g. −2 for two days before the session. A
    /// daily trigger: which day's sessions its job sheet lists, 0 today, 1 tomorrow (0–31).
    /// </summary>
    public int OffsetDays { get; set; }
    /// <summary>A date or daily trigger: the studio-local time of day it fires, "HH:mm".</summary>
    public string? TimeOfDay { get; set; }
    /// <summary>Condition: the record must be at one of these statuses when it fires.</summary>
    public List<long>? ConditionStatusIds { get; set; }
    /// <summary>Condition: the session's organization, or the client's as a student.</summary>
    public long? ConditionOrganizationId { get; set; }
    /// <summary>Condition (sessions): only confirmed (true) or only unconfirmed (false) sessions.</summary>
    public bool? ConditionConfirmed { get; set; }
    /// <summary>Sessions: fire for cancelled sessions too (by default they are skipped).</summary>
    public bool IncludeCancelled { get; set; }
    /// <summary>What it does, 1–10 actions, in order.</summary>
    public List<TriggerActionData> Actions { get; set; } = [];

    public void ApplyTo(Trigger trigger, DateTime now, long lastEntryId)
    {
        if (IsActive && !trigger.IsActive)
            (trigger.ActivatedAt, trigger.ActivatedAfterEntryId) = (now, lastEntryId);
        trigger.Name = Name.Trim();
        trigger.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        trigger.IsActive = IsActive;
        trigger.RecordKind = RecordKind!.Value;
        trigger.Event = Event!.Value;
        trigger.StatusId = Event == TriggerEvent.StatusChange ? StatusId : null;
        trigger.TypeIds = (TypeIds ?? []).Distinct().ToList();
        trigger.DateField = Event == TriggerEvent.Date ? DateField : null;
        var timed = Event is TriggerEvent.Date or TriggerEvent.Daily;
        trigger.OffsetDays = timed ? OffsetDays : 0;
        trigger.TimeOfDay = timed && TimeOfDay is not null ? WallClock.Parse(TimeOfDay) : null;
        trigger.ConditionStatusIds = (ConditionStatusIds ?? []).Distinct().ToList();
        trigger.ConditionOrganizationId = ConditionOrganizationId;
        trigger.ConditionConfirmed = ConditionConfirmed;
        trigger.IncludeCancelled = IncludeCancelled;
        trigger.Actions = Actions.Select((a, i) => new TriggerAction
        {
            Kind = a.Kind, TemplateId = a.TemplateId, CallTypeId = a.CallTypeId, TaskTypeId = a.TaskTypeId,
            Title = string.IsNullOrWhiteSpace(a.Title) ? null : a.Title.Trim(), DueInDays = a.DueInDays, AssignedUserId = a.AssignedUserId, Position = i,
        }).ToList();
    }

    /// <summary>Field errors for what the trigger names that does not exist, is retired, or does not fit its record kind.</summary>
    public async Task<List<(string Field, string Message)>> FindBrokenReferencesAsync(StudioDbContext db, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var kind = RecordKind!.Value;
        if (StatusId is { } statusId && Event == TriggerEvent.StatusChange
            && !await db.StatusDefinitions.AnyAsync(s => s.Id == statusId && s.Kind == kind, ct))
            errors.Add(("statusId", $"There is no {kind.WireName()} status {statusId}."));
        foreach (var (id, i) in (ConditionStatusIds ?? []).Select((id, i) => (id, i)))
            if (!await db.StatusDefinitions.AnyAsync(s => s.Id == id && s.Kind == kind, ct))
                errors.Add(($"conditionStatusIds[{i}]", $"There is no {kind.WireName()} status {id}."));
        foreach (var (id, i) in (TypeIds ?? []).Select((id, i) => (id, i)))
        {
            var known = kind == Platform.Workflow.RecordKind.Session ? await db.SessionTypes.AnyAsync(t => t.Id == id, ct) : await db.TaskTypes.AnyAsync(t => t.Id == id, ct);
            if (!known)
                errors.Add(($"typeIds[{i}]", $"There is no {(kind == Platform.Workflow.RecordKind.Session ? "session" : "task")} type {id}."));
        }
        if (ConditionOrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            errors.Add(("conditionOrganizationId", $"There is no organization {organizationId}."));
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (action.TemplateId is { } templateId)
            {
                var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct);
                if (template is null)
                    errors.Add(($"actions[{i}].templateId", $"There is no template {templateId}."));
                else if (!template.IsActive)
                    errors.Add(($"actions[{i}].templateId", $"Template {template.Name} is inactive."));
                else if (template.RecordType == MergeRecordType.Session && kind != Platform.Workflow.RecordKind.Session)
                    errors.Add(($"actions[{i}].templateId", $"Template {template.Name} is written for a session; a {kind.WireName()} trigger has none."));
                else if (template.RecordType == MergeRecordType.Invoice && kind != Platform.Workflow.RecordKind.Invoice)
                    errors.Add(($"actions[{i}].templateId", $"Template {template.Name} is written for an invoice; a {kind.WireName()} trigger has none."));
                else if (template.IsHtml && action.Kind != TriggerActionKind.Email)
                    errors.Add(($"actions[{i}].templateId", $"Template {template.Name} is an HTML e-mail; it can only be e-mailed."));
            }
            if (action.CallTypeId is { } callTypeId && !await db.CallTypes.AnyAsync(t => t.Id == callTypeId && t.IsActive, ct))
                errors.Add(($"actions[{i}].callTypeId", $"There is no active call type {callTypeId}."));
            if (action.TaskTypeId is { } taskTypeId && !await db.TaskTypes.AnyAsync(t => t.Id == taskTypeId && t.IsActive, ct))
                errors.Add(($"actions[{i}].taskTypeId", $"There is no active task type {taskTypeId}."));
            if (action.AssignedUserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
                errors.Add(($"actions[{i}].assignedUserId", $"There is no active user {userId}."));
        }
        return errors;
    }
}

public sealed class TriggerInputValidator : AbstractValidator<TriggerInput>
{
    static readonly RecordKind?[] Kinds = [RecordKind.Client, RecordKind.Session, RecordKind.Task, RecordKind.Invoice];

    public TriggerInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.Description).MaximumLength(1000);
        RuleFor(t => t.RecordKind).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose what the trigger watches: client, session, task or invoice.")
            .IsInEnum().Must(k => Kinds.Contains(k)).WithMessage("Triggers watch clients, sessions, tasks or invoices.");
        RuleFor(t => t.Event).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose what fires it: statusChange, creation, date or daily.").IsInEnum();
        RuleFor(t => t.StatusId).GreaterThan(0);
        RuleFor(t => t.TypeIds).MaxItems(Trigger.MaxIds);
        RuleForEach(t => t.TypeIds).GreaterThan(0);
        RuleFor(t => t.TypeIds).Empty().When(t => t.RecordKind is RecordKind.Client or RecordKind.Invoice).WithMessage("Only sessions and tasks have types.");
        RuleFor(t => t.ConditionStatusIds).MaxItems(Trigger.MaxIds);
        RuleForEach(t => t.ConditionStatusIds).GreaterThan(0);
        RuleFor(t => t.ConditionOrganizationId).GreaterThan(0);
        RuleFor(t => t.ConditionConfirmed).Null().When(t => t.RecordKind != RecordKind.Session).WithMessage("Only sessions are confirmed.");
        RuleFor(t => t.DateField).IsInEnum();
        When(t => t.Event == TriggerEvent.Date, () =>
        {
            RuleFor(t => t.DateField).NotNull().WithMessage("A date trigger counts from sessionDate, statusDueDate, invoiceDate or instalmentDueDate.");
            RuleFor(t => t.DateField).NotEqual(TriggerDateField.SessionDate).When(t => t.RecordKind != RecordKind.Session)
                .WithMessage("Only a session trigger counts from the session date.");
            RuleFor(t => t.DateField).Must(f => f is not (TriggerDateField.InvoiceDate or TriggerDateField.InstalmentDueDate))
                .When(t => t.RecordKind != RecordKind.Invoice).WithMessage("Only an invoice trigger counts from the invoice date or an instalment's due date.");
            RuleFor(t => t.OffsetDays).InclusiveBetween(-365, 365);
            RuleFor(t => t.TimeOfDay).NotNull().WithMessage("Give the time of day it fires, HH:mm.");
            RuleFor(t => t.TimeOfDay!).WallClockTime().When(t => t.TimeOfDay is not null);
        });
        When(t => t.Event == TriggerEvent.Daily, () =>
        {
            RuleFor(t => t.RecordKind).Equal(Platform.Workflow.RecordKind.Session).WithMessage("A daily trigger prints the sessions' job sheet: choose session.");
            RuleFor(t => t.DateField).Null().WithMessage("A daily trigger fires every day: it has no date field.");
            RuleFor(t => t.OffsetDays).InclusiveBetween(0, 31).WithMessage("Which day's sessions: 0 today, 1 tomorrow, at most 31.");
            RuleFor(t => t.TimeOfDay).NotNull().WithMessage("Give the time of day it fires, HH:mm.");
            RuleFor(t => t.TimeOfDay!).WallClockTime().When(t => t.TimeOfDay is not null);
            RuleForEach(t => t.Actions).Must(a => a.Kind == TriggerActionKind.JobSheet).WithMessage("A daily trigger prints the job sheet (action jobSheet).");
        });
        When(t => t.Event is TriggerEvent.StatusChange or TriggerEvent.Creation, () =>
        {
            RuleFor(t => t.DateField).Null().WithMessage("Only a date trigger has a date field.");
            RuleFor(t => t.TimeOfDay).Null().WithMessage("Only a date or daily trigger has a time of day.");
            RuleFor(t => t.OffsetDays).Equal(0).WithMessage("Only a date or daily trigger has an offset.");
        });
        RuleForEach(t => t.Actions).Must(a => a.Kind != TriggerActionKind.JobSheet).When(t => t.Event != TriggerEvent.Daily)
            .WithMessage("Only a daily trigger prints the job sheet.");
        RuleFor(t => t.StatusId).Null().When(t => t.Event != TriggerEvent.StatusChange).WithMessage("Only a status-change trigger names a status.");
        RuleFor(t => t.Actions).NotEmpty().WithMessage("Give at least one action.").MaxItems(Trigger.MaxActions);
        RuleForEach(t => t.Actions).ChildRules(action =>
        {
            action.RuleFor(a => a.Kind).IsInEnum();
            action.RuleFor(a => a.TemplateId).NotNull().When(a => a.Kind is TriggerActionKind.Email or TriggerActionKind.Sms or TriggerActionKind.Letter)
                .WithMessage("A message needs its template.");
            action.RuleFor(a => a.TemplateId).Null().When(a => a.Kind is TriggerActionKind.Call or TriggerActionKind.Task).WithMessage("Only a message has a template.");
            action.RuleFor(a => a.TemplateId).GreaterThan(0);
            action.RuleFor(a => a.TaskTypeId).NotNull().When(a => a.Kind == TriggerActionKind.Task).WithMessage("A task needs its task type.");
            action.RuleFor(a => a.TaskTypeId).Null().When(a => a.Kind != TriggerActionKind.Task).WithMessage("Only a task has a task type.");
            action.RuleFor(a => a.TaskTypeId).GreaterThan(0);
            action.RuleFor(a => a.CallTypeId).Null().When(a => a.Kind != TriggerActionKind.Call).WithMessage("Only a call has a call type.");
            action.RuleFor(a => a.CallTypeId).GreaterThan(0);
            action.RuleFor(a => a.Title).MaximumLength(200);
            action.RuleFor(a => a.DueInDays).InclusiveBetween(0, 365);
            action.RuleFor(a => a.AssignedUserId).GreaterThan(0);
        });
    }
}

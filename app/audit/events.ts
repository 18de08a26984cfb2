import * as z from 'zod'
import { justificationAuditEvents } from '~/justifications/justification-audit-events'
import { returnAuditEvents } from '~/industrial-return/return-audit-events'
import { attachmentAuditEvents } from '~/attachments/attachment-audit-events'
import { industryDayAuditEvents } from '~/industrial-return/industry-days/industry-day-audit-events'
import { supplierAuditEvents } from '~/industrial-return/suppliers/supplier-audit-events'
import { webhookAuditEvents } from '~/webhooks/webhook-audit-events'
// API keys and their use (issue 15)
import { apiAuditEvents } from '~/api/api-audit-events'

type EventRegistry = Record<string, { schema: z.ZodType; label: string }>

/** Sign-in and organisation events. Each feature keeps its own registry beside its code. */
const organisationAuditEvents = {
  SIGNED_IN: { label: 'Signed in', schema: z.object({ method: z.enum(['link', 'code', 'sso']) }) },
  SIGNED_OUT: { label: 'Signed out', schema: z.object({ everywhere: z.boolean(), sessionsEnded: z.number().int().min(0) }) },
  PERSON_CREATED: { label: 'Person created', schema: z.object({ email: z.string(), name: z.string() }) },
  PERSON_UPDATED: {
    label: 'Person updated',
    schema: z.object({ changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) }),
  },
  POSITION_ADDED: {
    label: 'Position added',
    schema: z.object({
      positionId: z.string(),
      kind: z.enum(['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY', 'DIRECTOR', 'FINANCE_COMMITTEE']),
      personId: z.string(),
      groupId: z.string().nullable(),
      departmentId: z.string().nullable(),
      deputyForPersonId: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  },
  POSITION_ENDED: { label: 'Position ended', schema: z.object({ positionId: z.string(), endsOn: z.string() }) },
  GROUP_SAVED: {
    label: 'Group saved',
    schema: z.object({ created: z.boolean(), changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) }),
  },
  ABSENCE_RECORDED: {
    label: 'Absence recorded',
    schema: z.object({ absenceId: z.string(), startsOn: z.string(), endsOn: z.string(), deputyId: z.string().nullable() }),
  },
  WORKFLOW_SETTINGS_SAVED: {
    label: 'Sign-off settings saved',
    schema: z.object({ linkTtlHours: z.number().int(), reminderAfterWorkingDays: z.number().int(), escalateAfterWorkingDays: z.number().int(), linkRequiresSignIn: z.boolean() }),
  },
  EMAIL_REQUEUED: { label: 'Email queued again', schema: z.object({ outboxId: z.string(), to: z.string(), subject: z.string() }) },
} satisfies EventRegistry

/**
 * Every kind of audit event, each with the Zod schema of its payload and a label for timelines.
 * The trail is append-only (a database trigger refuses UPDATE and DELETE).
 */
export const auditEvents = { ...organisationAuditEvents, ...justificationAuditEvents, ...attachmentAuditEvents, ...returnAuditEvents, ...industryDayAuditEvents, ...supplierAuditEvents, ...webhookAuditEvents, ...apiAuditEvents } satisfies EventRegistry

export type AuditEventType = keyof typeof auditEvents
/** What a writer passes (fields with defaults may be left out); appendAuditEvent stores the parsed output. */
export type AuditPayload<T extends AuditEventType> = z.input<(typeof auditEvents)[T]['schema']>
/** What a reader of a stored event gets after parsing it with its schema. */
export type StoredAuditPayload<T extends AuditEventType> = z.output<(typeof auditEvents)[T]['schema']>

export function auditEventLabel(type: string): string {
  return type in auditEvents ? auditEvents[type as AuditEventType].label : type
}

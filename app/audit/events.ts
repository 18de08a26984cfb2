import { z } from 'zod'

/**
 * Every kind of audit event, each with the Zod schema of its payload. The trail is append-only (a
 * database trigger refuses UPDATE and DELETE). Later features add their event types here.
 */
export const auditPayloadSchemas = {
  SIGNED_IN: z.object({ method: z.enum(['link', 'code']) }),
  SIGNED_OUT: z.object({ everywhere: z.boolean(), sessionsEnded: z.number().int().min(0) }),
  PERSON_CREATED: z.object({ email: z.string(), name: z.string() }),
  PERSON_UPDATED: z.object({
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  }),
  POSITION_ADDED: z.object({
    positionId: z.string(),
    kind: z.enum(['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY']),
    personId: z.string(),
    groupId: z.string().nullable(),
    departmentId: z.string().nullable(),
    deputyForPersonId: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  }),
  POSITION_ENDED: z.object({ positionId: z.string(), endsOn: z.string() }),
  GROUP_SAVED: z.object({
    created: z.boolean(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  }),
  EMAIL_REQUEUED: z.object({ outboxId: z.string(), to: z.string(), subject: z.string() }),
} as const

export type AuditEventType = keyof typeof auditPayloadSchemas
export type AuditPayload<T extends AuditEventType> = z.infer<(typeof auditPayloadSchemas)[T]>

export const auditEventLabels: Record<AuditEventType, string> = {
  SIGNED_IN: 'Signed in',
  SIGNED_OUT: 'Signed out',
  PERSON_CREATED: 'Person created',
  PERSON_UPDATED: 'Person updated',
  POSITION_ADDED: 'Position added',
  POSITION_ENDED: 'Position ended',
  GROUP_SAVED: 'Group saved',
  EMAIL_REQUEUED: 'Email queued again',
}

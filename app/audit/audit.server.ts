import type { DatabaseOrTransaction } from '~/db/client.server'
import { UTC_TIMESTAMP, type Sql } from '~/db/sql-transaction.server'
import { enqueueWebhookEvents, enqueueWebhookEventsWithSql } from '~/webhooks/enqueue-webhook-events.server'
import { auditEvents, type AuditEventType, type AuditPayload } from './events'

export type RequestOrigin = { ipAddress: string | null; userAgent: string | null }

export function requestOrigin(request: Request): RequestOrigin {
  // The address Express resolved (main.ts): X-Forwarded-For counts only when a trusted proxy set it,
  // so a client cannot write an address of its choosing into the audit trail.
  return {
    ipAddress: request.headers.get('x-solesource-client-ip') || null,
    userAgent: request.headers.get('user-agent'),
  }
}

/**
 * Appends one audit event. The payload is validated against its type's schema, so a malformed event
 * fails the transaction it belongs to instead of polluting the trail. The webhook deliveries the
 * event makes (ADR 050) are written here too, with the same connection: every change the ERP hears
 * about already appends its audit event in its own transaction, so this one hook serves them all.
 */
type NewAuditEvent<T extends AuditEventType> = { type: T; actorId: string | null; subject: string; payload: AuditPayload<T>; origin?: RequestOrigin; at?: Date }

export async function appendAuditEvent<T extends AuditEventType>(db: DatabaseOrTransaction, event: NewAuditEvent<T>) {
  const payload = auditEvents[event.type].schema.parse(event.payload)
  await db.auditEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId,
      subject: event.subject,
      payload: payload as object,
      ipAddress: event.origin?.ipAddress ?? null,
      userAgent: event.origin?.userAgent ?? null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  })
  await enqueueWebhookEvents(db, { type: event.type, subject: event.subject, payload, at: event.at })
}

/** appendAuditEvent inside a plain pg transaction (app/db/sql-transaction.server.ts): the same validation, the same row. */
export async function appendAuditEventWithSql<T extends AuditEventType>(sql: Sql, event: NewAuditEvent<T> & { at: Date }) {
  const payload = auditEvents[event.type].schema.parse(event.payload)
  await sql.query(
    `INSERT INTO "AuditEvent" ("type", "actorId", "subject", "payload", "ipAddress", "userAgent", "createdAt")
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, ${UTC_TIMESTAMP('$7')})`,
    [event.type, event.actorId, event.subject, JSON.stringify(payload), event.origin?.ipAddress ?? null, event.origin?.userAgent ?? null, event.at.toISOString()],
  )
  await enqueueWebhookEventsWithSql(sql, { type: event.type, subject: event.subject, payload, at: event.at })
}

export async function readAuditTrail(db: DatabaseOrTransaction, subject: string, { limit = 200 } = {}) {
  return db.auditEvent.findMany({ where: { subject }, orderBy: { id: 'asc' }, take: limit })
}

import type { DatabaseOrTransaction } from '~/db/client.server'
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
 * fails the transaction it belongs to instead of polluting the trail.
 */
export async function appendAuditEvent<T extends AuditEventType>(
  db: DatabaseOrTransaction,
  event: { type: T; actorId: string | null; subject: string; payload: AuditPayload<T>; origin?: RequestOrigin; at?: Date },
) {
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
}

export async function readAuditTrail(db: DatabaseOrTransaction, subject: string, { limit = 200 } = {}) {
  return db.auditEvent.findMany({ where: { subject }, orderBy: { id: 'asc' }, take: limit })
}

import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { requeueFailedMessage } from './delivery.server'

export type RetryEmailOutcome = { outcome: 'REQUEUED'; toAddress: string } | { outcome: 'NOT_FOUND' } | { outcome: 'NOT_FAILED' }

/** An administrator queues a failed message again; the audit event names who, to whom and what. */
export async function retryEmail(db: Database, id: string, { actorId, now, origin }: { actorId: string; now: Date; origin?: RequestOrigin }): Promise<RetryEmailOutcome> {
  const message = UUID.test(id) ? await db.outboxMessage.findUnique({ where: { id }, select: { toAddress: true, subject: true } }) : null
  if (!message) return { outcome: 'NOT_FOUND' }
  const requeued = await db.$transaction(async (tx) => {
    const done = await requeueFailedMessage(tx, id, now)
    if (done) {
      await appendAuditEvent(tx, { type: 'EMAIL_REQUEUED', actorId, subject: `outbox:${id}`, payload: { outboxId: id, to: message.toAddress, subject: message.subject }, origin })
    }
    return done
  })
  return requeued ? { outcome: 'REQUEUED', toAddress: message.toAddress } : { outcome: 'NOT_FAILED' }
}

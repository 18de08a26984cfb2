import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { errorFields, log } from '~/server/logger.server'
import { startPeriodicJob, type PeriodicJob } from '~/server/periodic.server'
import type { MailTransport } from './transport.server'

export type DeliveryOptions = {
  db: Database
  transport: MailTransport
  now: Date
  maxAttempts: number
  retryBaseMs: number
  batchSize?: number
  /** How long a claimed message stays invisible to other workers while it is being sent. */
  claimMs?: number
}

export type DeliveryReport = { sent: number; retried: number; failed: number }

const MAX_RETRY_DELAY_MS = 60 * 60 * 1000

/** Exponential backoff: base, 2×base, 4×base, ... capped at one hour. */
export function retryDelayMs(attempts: number, retryBaseMs: number): number {
  return Math.min(retryBaseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS)
}

type ClaimedMessage = { id: string; messageId: string; toAddress: string; subject: string; html: string; text: string; attempts: number; template: string }

/**
 * Delivers the messages that are due. A message is claimed first (SKIP LOCKED, so several app
 * instances never take the same one), then sent, then marked SENT only after the transport accepted
 * it. A failure schedules a retry with backoff; after maxAttempts the message is marked FAILED and
 * shown to administrators, never dropped. A crash between acceptance and marking re-sends the message
 * with the same Message-ID, which receivers recognise as the same message.
 */
export async function deliverDueMessages(options: DeliveryOptions): Promise<DeliveryReport> {
  const { db, transport, now, maxAttempts, retryBaseMs, batchSize = 20, claimMs = 120_000 } = options
  const claimedUntil = new Date(now.getTime() + claimMs)
  const claimed = await db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${claimedUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "messageId", "toAddress", "subject", "html", "text", "attempts", "template"`

  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
  for (const message of claimed) {
    try {
      await transport.send({ messageId: message.messageId, to: message.toAddress, subject: message.subject, html: message.html, text: message.text })
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error)
      if (message.attempts >= maxAttempts) {
        await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'FAILED', lastError, lockedUntil: null } })
        report.failed++
        log.error('email failed', { outboxId: message.id, template: message.template, to: message.toAddress, attempts: message.attempts, ...errorFields(error) })
      } else {
        const nextAttemptAt = new Date(now.getTime() + retryDelayMs(message.attempts, retryBaseMs))
        await db.outboxMessage.update({ where: { id: message.id }, data: { lastError, nextAttemptAt, lockedUntil: null } })
        report.retried++
        log.warn('email delivery deferred', { outboxId: message.id, template: message.template, to: message.toAddress, attempts: message.attempts, nextAttemptAt, ...errorFields(error) })
      }
      continue
    }
    await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'SENT', sentAt: now, lockedUntil: null, lastError: null } })
    report.sent++
    log.info('email sent', { outboxId: message.id, template: message.template, to: message.toAddress, transport: transport.kind, attempts: message.attempts })
  }
  return report
}

/** An administrator's "try again" on a FAILED message: back in the queue, due now, attempts reset. */
export async function requeueFailedMessage(db: DatabaseOrTransaction, id: string, now: Date) {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: 'FAILED' },
    data: { status: 'QUEUED', attempts: 0, nextAttemptAt: now, lockedUntil: null },
  })
  return count === 1
}

export type OutboxWorker = PeriodicJob<DeliveryReport>

/** Polls the outbox in the app's process. `clock` is injectable so tests control time. */
export function startOutboxWorker(options: Omit<DeliveryOptions, 'now'> & { intervalMs: number; clock?: () => Date }): OutboxWorker {
  const clock = options.clock ?? (() => new Date())
  return startPeriodicJob({
    name: 'outbox worker pass',
    intervalMs: options.intervalMs,
    firstRunAfterMs: 0,
    run: () => deliverDueMessages({ ...options, now: clock() }),
    onFailure: { sent: 0, retried: 0, failed: 0 },
  })
}

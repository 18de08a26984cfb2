import { randomUUID } from 'node:crypto'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { errorFields, log } from '~/server/logger.server'
import { startPeriodicJob, type PeriodicJob } from '~/server/periodic.server'
import { renderQueuedEmail } from './open-queued-email.server'
import { outboxSecret, type StoredBody } from './sealed-body.server'
import { sealUnsealedBodies } from './seal-unsealed-bodies.server'
import type { MailTransport } from './transport.server'

export type DeliveryOptions = {
  db: Database
  transport: MailTransport
  /** The worker's clock at the start of the pass: what is due, and where leases are measured from. */
  now: Date
  maxAttempts: number
  retryBaseMs: number
  /** Messages claimed at a time (default: four per message the transport takes at once); a pass claims again until nothing is due. */
  batchSize?: number
  /** Messages in flight at once (default: the transport's concurrency, one per pooled SMTP connection). */
  concurrency?: number
  /** How long a claimed message stays other workers' to leave alone (OUTBOX_LEASE_MS); renewed while this worker lives. */
  leaseMs?: number
  /** Messages one pass handles at most, so that stopping never waits on a long queue. */
  maxMessagesPerPass?: number
  /** What the bodies are sealed with: SESSION_SECRET unless given. */
  secret?: string
}

export type DeliveryReport = { sent: number; retried: number; failed: number }

const MAX_RETRY_DELAY_MS = 60 * 60 * 1000

/** Exponential backoff: base, 2×base, 4×base, ... capped at one hour. */
export function retryDelayMs(attempts: number, retryBaseMs: number): number {
  return Math.min(retryBaseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS)
}

type ClaimedMessage = StoredBody & { id: string; subject: string; attempts: number; template: string }

/**
 * Delivers the messages that are due, several at once. Messages are claimed a batch at a time under
 * a lease (SKIP LOCKED, so several app instances never take the same message) that lasts `leaseMs`
 * and is renewed every third of it while this worker lives: a worker that dies (kill -9, power cut)
 * leaves its messages to the others within one lease, not minutes. Up to `concurrency` messages are
 * rendered and sent at a time, and the next batch is claimed as soon as the last one is taken. A
 * message is marked SENT by the statement that follows the server's acceptance, and its body
 * removed; a failure schedules a retry with backoff, and after maxAttempts marks it FAILED (body
 * kept, for an administrator's "Try again").
 *
 * What remains is the protocol's own window: a crash after the server accepted a message and before
 * it is marked sends it again, with the same Message-ID (at least once, never lost).
 */
export async function deliverDueMessages(options: DeliveryOptions): Promise<DeliveryReport> {
  return (await deliverPass(options)).report
}

/** One pass; `full` when it stopped at maxMessagesPerPass, so that more may be due at once. */
async function deliverPass(options: DeliveryOptions): Promise<{ report: DeliveryReport; full: boolean }> {
  const { db, now, transport, leaseMs = getEnv().OUTBOX_LEASE_MS, maxMessagesPerPass = 100 } = options
  const concurrency = Math.max(1, options.concurrency ?? transport.concurrency)
  const batchSize = options.batchSize ?? concurrency * 4
  const secret = options.secret ?? outboxSecret()
  const startedAt = performance.now()
  // The worker's clock as the pass runs: leases are renewed from the time of renewal, not of the pass.
  const clock = () => new Date(now.getTime() + (performance.now() - startedAt))
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
  const lease: Lease = { holder: randomUUID(), leaseMs, clock }

  // Claimed and not yet sent or released: what the heartbeat renews.
  const held = new Set<string>()
  const claimed: ClaimedMessage[] = []
  let handled = 0
  let exhausted = false
  let failure: { error: unknown } | null = null
  let claiming: Promise<void> | null = null
  const claimMore = () =>
    (claiming ??= (async () => {
      const limit = Math.min(batchSize, maxMessagesPerPass - handled)
      const batch = limit > 0 ? await claimDueMessages(db, { now, lease, limit }) : []
      if (batch.length < limit || limit === 0) exhausted = true
      handled += batch.length
      for (const message of batch) held.add(message.id)
      claimed.push(...batch)
    })().finally(() => {
      claiming = null
    }))

  const heartbeat = startHeartbeat(db, lease, held)
  // Each sender takes the next claimed message; whoever finds none left claims the next batch.
  const sender = async () => {
    while (!failure) {
      const message = claimed.shift()
      if (!message) {
        if (exhausted) return
        await claimMore()
        continue
      }
      await deliverClaimedMessage(options, { message, lease, secret, report })
      held.delete(message.id)
    }
  }
  try {
    await Promise.all(
      Array.from({ length: concurrency }, () =>
        sender().catch((error: unknown) => {
          // The others finish the message they are sending; what is still claimed waits out its lease.
          failure ??= { error }
        }),
      ),
    )
  } finally {
    await heartbeat.stop()
  }
  if (failure) throw (failure as { error: unknown }).error
  return { report, full: handled >= maxMessagesPerPass }
}

type Lease = { holder: string; leaseMs: number; clock: () => Date }

const leaseEnd = (lease: Lease) => new Date(lease.clock().getTime() + lease.leaseMs)

async function claimDueMessages(db: Database, { now, lease, limit }: { now: Date; lease: Lease; limit: number }) {
  const leaseNow = lease.clock()
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseEnd(lease)}, "lockedBy" = ${lease.holder}::uuid, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${leaseNow})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "messageId", "toAddress", "subject", "attempts", "template",
      "sealedBody", "sealedBodyIv", "sealedBodyKey", "unsealedHtml", "unsealedText"`
}

/** Renews the lease on the messages still held, every third of its length, one renewal at a time. */
function startHeartbeat(db: Database, lease: Lease, held: Set<string>) {
  let renewing: Promise<void> | null = null
  const renew = async () => {
    const ids = [...held]
    if (ids.length === 0) return
    try {
      const { count } = await db.outboxMessage.updateMany({
        where: { id: { in: ids }, lockedBy: lease.holder, status: 'QUEUED' },
        data: { lockedUntil: leaseEnd(lease) },
      })
      if (count < ids.length) log.warn('outbox lease lost', { held: ids.length, renewed: count })
    } catch (error) {
      log.warn('outbox lease not renewed', errorFields(error))
    }
  }
  const timer = setInterval(
    () => {
      renewing ??= renew().finally(() => {
        renewing = null
      })
    },
    Math.max(100, Math.floor(lease.leaseMs / 3)),
  )
  return {
    async stop() {
      clearInterval(timer)
      await renewing
    },
  }
}

async function deliverClaimedMessage(
  { db, transport, now, maxAttempts, retryBaseMs }: DeliveryOptions,
  { message, lease, secret, report }: { message: ClaimedMessage; lease: Lease; secret: string; report: DeliveryReport },
) {
  const fields = { outboxId: message.id, template: message.template, to: message.toAddress, attempts: message.attempts }
  // Still ours? A worker that stalled past its lease leaves the message to whoever took it over.
  const { count: stillHeld } = await db.outboxMessage.updateMany({
    where: { id: message.id, lockedBy: lease.holder, status: 'QUEUED' },
    data: { lockedUntil: leaseEnd(lease) },
  })
  if (stillHeld !== 1) {
    log.warn('email left to another worker: lease lost before sending', fields)
    return
  }

  // Rendered here, at delivery, from the template and props sealed at enqueue (or opened as sealed, for older messages).
  const body = await renderQueuedEmail(message, secret)
  if (!body.ok) {
    // No retry can open or render it: failed at once, the sealed body kept (restoring the secret and "Try again" sends it).
    await releaseAsHolder(db, message.id, lease, { status: 'FAILED', lastError: body.message })
    report.failed++
    log.error('email failed: body cannot be opened or rendered', { ...fields, reason: body.reason })
    return
  }

  try {
    await transport.send({ messageId: message.messageId, to: message.toAddress, subject: message.subject, html: body.html, text: body.text })
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error)
    if (message.attempts >= maxAttempts) {
      await releaseAsHolder(db, message.id, lease, { status: 'FAILED', lastError })
      report.failed++
      log.error('email failed', { ...fields, ...errorFields(error) })
    } else {
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(message.attempts, retryBaseMs))
      await releaseAsHolder(db, message.id, lease, { lastError, nextAttemptAt })
      report.retried++
      log.warn('email delivery deferred', { ...fields, nextAttemptAt, ...errorFields(error) })
    }
    return
  }
  // Accepted: recorded by the very next statement, whoever holds the lease by now (it was sent), and
  // the body goes with it, so a delivered message leaves no link in the database.
  await db.outboxMessage.update({
    where: { id: message.id },
    data: {
      status: 'SENT',
      sentAt: lease.clock(),
      lockedUntil: null,
      lockedBy: null,
      lastError: null,
      sealedBody: null,
      sealedBodyIv: null,
      sealedBodyKey: null,
      unsealedHtml: null,
      unsealedText: null,
    },
  })
  report.sent++
  log.info('email sent', { ...fields, transport: transport.kind })
}

/** Records a failure, only while this worker still holds the message (a late worker overwrites nothing). */
async function releaseAsHolder(db: Database, id: string, lease: Lease, data: { status?: 'FAILED'; lastError: string; nextAttemptAt?: Date }) {
  const { count } = await db.outboxMessage.updateMany({ where: { id, lockedBy: lease.holder }, data: { ...data, lockedUntil: null, lockedBy: null } })
  if (count !== 1) log.warn('email outcome not recorded: lease lost', { outboxId: id })
}

/** An administrator's "try again" on a FAILED message: back in the queue, due now, attempts reset. */
export async function requeueFailedMessage(db: DatabaseOrTransaction, id: string, now: Date) {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: 'FAILED' },
    data: { status: 'QUEUED', attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null },
  })
  return count === 1
}

export type OutboxWorker = PeriodicJob<DeliveryReport>

/**
 * Polls the outbox in the app's process. A pass that stopped at its limit (more may be due) is
 * followed at once by the next; only a pass that emptied the queue waits `intervalMs`. `clock` is
 * injectable so tests control time. Before its first pass it seals the bodies of messages queued
 * before bodies were sealed.
 */
export function startOutboxWorker(options: Omit<DeliveryOptions, 'now'> & { intervalMs: number; clock?: () => Date }): OutboxWorker {
  const clock = options.clock ?? (() => new Date())
  let sealed: Promise<unknown> | null = null
  let stopping = false
  const job = startPeriodicJob({
    name: 'outbox worker pass',
    intervalMs: options.intervalMs,
    firstRunAfterMs: 0,
    run: async () => {
      sealed ??= sealUnsealedBodies(options.db, options.secret).then(
        (count) => count > 0 && log.info('outbox bodies sealed', { count }),
        (error: unknown) => log.error('outbox bodies not sealed', errorFields(error)),
      )
      await sealed
      const total: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
      for (;;) {
        const { report, full } = await deliverPass({ ...options, now: clock() })
        total.sent += report.sent
        total.retried += report.retried
        total.failed += report.failed
        if (!full || stopping) return total
      }
    },
    onFailure: { sent: 0, retried: 0, failed: 0 },
  })
  return {
    runOnce: job.runOnce,
    async stop() {
      // The pass under way ends at its limit instead of starting another: stopping never waits on a long queue.
      stopping = true
      await job.stop()
    },
  }
}

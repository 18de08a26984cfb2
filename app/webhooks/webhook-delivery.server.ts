import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import type { Database } from '~/db/client.server'
import { retryDelayMs } from '~/email/delivery.server'
import { outboxSecret } from '~/email/sealed-body.server'
import { errorFields, log } from '~/server/logger.server'
import { startPeriodicJob } from '~/server/periodic.server'
import { openSigningSecret } from './endpoint-secret.server'

export type WebhookDeliveryOptions = {
  db: Database
  maxAttempts: number
  /** First retry delay; each further retry doubles it, capped at one hour (the outbox's retryDelayMs). */
  retryBaseMs: number
  /** How long one request may take, answer included: a slow endpoint holds only itself, and only this long. */
  timeoutMs: number
  /** How long a claimed delivery stays other workers' to leave alone beyond its request's timeout (OUTBOX_LEASE_MS). */
  leaseMs: number
  /** What the signing secrets are sealed with: SESSION_SECRET unless given. */
  secret?: string
  clock?: () => Date
}

type ClaimedDelivery = {
  id: string
  attempts: number
  eventId: string
  type: string
  body: string
  endpointId: string
  url: string
  sealedSecret: Uint8Array
  sealedSecretIv: Uint8Array
  sealedSecretKey: string
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string }

/**
 * Claims the next due delivery of one endpoint, under a lease that outlasts its request (SKIP LOCKED:
 * several app instances never take the same). One at a time per endpoint: the request's timeout
 * bounds how long it is held, so no heartbeat is needed.
 */
async function claimNext(db: Database, endpointId: string, { holder, now, lockedUntil }: { holder: string; now: Date; lockedUntil: Date }) {
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d SET "lockedUntil" = ${lockedUntil}, "lockedBy" = ${holder}::uuid, "attempts" = d."attempts" + 1
    FROM "WebhookEvent" ev, "WebhookEndpoint" ep
    WHERE d."id" = (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "endpointId" = ${endpointId}::uuid AND "status" = 'QUEUED' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) AND ev."id" = d."eventId" AND ep."id" = d."endpointId" AND ep."enabled"
    RETURNING d."id", d."attempts", ev."id" AS "eventId", ev."type", ev."body", ep."id" AS "endpointId", ep."url",
      ep."sealedSecret", ep."sealedSecretIv", ep."sealedSecretKey"`
  return rows[0] ?? null
}

/** The endpoints with something due now, enabled. */
async function endpointsWithDueDeliveries(db: Database, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ endpointId: string }[]>`
    SELECT DISTINCT d."endpointId" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" ep ON ep."id" = d."endpointId"
    WHERE d."status" = 'QUEUED' AND ep."enabled" AND d."nextAttemptAt" <= ${now} AND (d."lockedUntil" IS NULL OR d."lockedUntil" < ${now})`
  return rows.map((row) => row.endpointId)
}

/** One signed POST, Standard Webhooks headers; 2xx is success, anything else (a redirect too) is not. */
async function post(delivery: ClaimedDelivery, signingSecret: string, { at, timeoutMs }: { at: Date; timeoutMs: number }): Promise<Outcome> {
  const signature = new Webhook(signingSecret).sign(delivery.eventId, at, delivery.body)
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'SoleSource-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    // The answer's body says nothing we act on: not read, so a huge or endless one costs nothing.
    await response.body?.cancel().catch(() => {})
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status }
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}`,
    }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    const message = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${error.message}${cause}`) : String(error)
    return { ok: false, status: null, error: message.slice(0, 500) }
  }
}

/**
 * Sends one claimed delivery and records the attempt and its outcome together. Success is recorded
 * whoever holds the lease by then (it was delivered); a failure only by the holder, so a worker that
 * stalled past its lease overwrites nothing.
 */
async function deliver(options: WebhookDeliveryOptions, delivery: ClaimedDelivery, holder: string): Promise<{ ok: boolean; nextAttemptAt?: Date }> {
  const { db, maxAttempts, retryBaseMs, timeoutMs } = options
  const clock = options.clock ?? (() => new Date())
  const fields = {
    deliveryId: delivery.id,
    webhookId: delivery.eventId,
    type: delivery.type,
    endpointId: delivery.endpointId,
    attempts: delivery.attempts,
  }
  const opened = openSigningSecret(
    {
      id: delivery.endpointId,
      sealedSecret: delivery.sealedSecret,
      sealedSecretIv: delivery.sealedSecretIv,
      sealedSecretKey: delivery.sealedSecretKey,
    },
    options.secret ?? outboxSecret(),
  )
  const startedAt = clock()
  const started = performance.now()
  const outcome: Outcome = opened.ok ? await post(delivery, opened.signingSecret, { at: startedAt, timeoutMs }) : { ok: false, status: null, error: opened.message }
  const durationMs = Math.round(performance.now() - started)
  const attempt = {
    deliveryId: delivery.id,
    startedAt,
    durationMs,
    succeeded: outcome.ok,
    responseStatus: outcome.status,
    error: outcome.ok ? null : outcome.error,
  }

  if (outcome.ok) {
    await db.$transaction([
      db.webhookAttempt.create({ data: attempt }),
      db.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          status: 'SENT',
          sentAt: clock(),
          lockedUntil: null,
          lockedBy: null,
          lastError: null,
        },
      }),
    ])
    log.info('webhook delivered', {
      ...fields,
      status: outcome.status,
      durationMs,
    })
    return { ok: true }
  }
  const failed = delivery.attempts >= maxAttempts || !opened.ok
  const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(delivery.attempts, retryBaseMs))
  const [, released] = await db.$transaction([
    db.webhookAttempt.create({ data: attempt }),
    db.webhookDelivery.updateMany({
      where: { id: delivery.id, lockedBy: holder },
      data: failed
        ? {
            status: 'FAILED',
            lastError: outcome.error,
            lockedUntil: null,
            lockedBy: null,
          }
        : {
            lastError: outcome.error,
            nextAttemptAt,
            lockedUntil: null,
            lockedBy: null,
          },
    }),
  ])
  if (released.count !== 1) log.warn('webhook outcome not recorded: lease lost', fields)
  if (failed)
    log.error('webhook failed', {
      ...fields,
      status: outcome.status,
      error: outcome.error,
    })
  else
    log.warn('webhook delivery deferred', {
      ...fields,
      status: outcome.status,
      error: outcome.error,
      nextAttemptAt,
    })
  return { ok: false, nextAttemptAt: failed ? undefined : nextAttemptAt }
}

export type WebhookWorker = {
  /** Looks for due deliveries now and starts every endpoint that has some; resolves once they are started. */
  runOnce: () => Promise<void>
  /** Resolves when nothing is being sent in this process (tests). */
  idle: () => Promise<void>
  /** Stops looking, lets the requests under way finish (each within its timeout), claims nothing more. */
  stop: () => Promise<void>
}

/**
 * The webhook worker, in every app process beside the outbox worker (ADR 030, 050). Each pass finds
 * the endpoints with due deliveries and starts, for each one not already being sent to by this
 * process, a loop of its own that sends that endpoint's deliveries one after another. The pass does
 * not wait for them: a slow or failing endpoint holds its own loop and nothing else, neither other
 * endpoints nor the email outbox (another worker). A failure ends its endpoint's loop until the
 * failed delivery is due again, so an endpoint that is down is tried once per backoff step, not once
 * per queued event.
 */
export function startWebhookWorker(options: WebhookDeliveryOptions & { intervalMs: number }): WebhookWorker {
  const clock = options.clock ?? (() => new Date())
  const holder = randomUUID()
  const sending = new Map<string, Promise<void>>()
  const restingUntil = new Map<string, number>()
  let stopping = false

  const drain = async (endpointId: string) => {
    while (!stopping) {
      const now = clock()
      const delivery = await claimNext(options.db, endpointId, {
        holder,
        now,
        lockedUntil: new Date(now.getTime() + options.timeoutMs + options.leaseMs),
      })
      if (!delivery) return
      const result = await deliver(options, delivery, holder)
      if (!result.ok) {
        if (result.nextAttemptAt) restingUntil.set(endpointId, result.nextAttemptAt.getTime())
        return
      }
    }
  }

  const pass = async () => {
    if (stopping) return
    const now = clock()
    for (const endpointId of await endpointsWithDueDeliveries(options.db, now)) {
      if (sending.has(endpointId) || (restingUntil.get(endpointId) ?? 0) > now.getTime()) continue
      restingUntil.delete(endpointId)
      const loop = drain(endpointId)
        .catch((error: unknown) =>
          log.error('webhook endpoint loop failed', {
            endpointId,
            ...errorFields(error),
          }),
        )
        .finally(() => sending.delete(endpointId))
      sending.set(endpointId, loop)
    }
  }

  const job = startPeriodicJob({
    name: 'webhook worker pass',
    intervalMs: options.intervalMs,
    firstRunAfterMs: 0,
    run: pass,
    onFailure: undefined,
  })
  const idle = async () => {
    while (sending.size > 0) await Promise.all([...sending.values()])
  }
  return {
    runOnce: job.runOnce,
    idle,
    async stop() {
      stopping = true
      await job.stop()
      await idle()
    },
  }
}

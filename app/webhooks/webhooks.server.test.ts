import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../../tests/support/webhook-receiver'
import { demoPeople, fileAndSubmit, origin } from '../../tests/support/workflow'
import { appendAuditEvent } from '~/audit/audit.server'
import { startOutboxWorker, type OutboxWorker } from '~/email/delivery.server'
import { enqueueEmail } from '~/email/outbox.server'
import { createMailboxTransport } from '~/email/transport.server'
import { APP_URL, createApprovedJustification, useReturnTestDatabase } from '~/industrial-return/test-support'
import { awardJustification } from '~/industrial-return/ledger/award-justification.server'
import { withdrawJustification } from '~/justifications/withdraw-justification.server'
import { createWebhookEndpoint, replayWebhookDelivery, updateWebhookEndpoint } from './webhook-endpoints.server'
import { startWebhookWorker, type WebhookWorker } from './webhook-delivery.server'
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events'
import { testDatabaseKind } from '../../tests/support/database'

// Webhooks (issue 15.4, ADR 050) against a real database and real HTTP receivers started here, each
// verifying every signature with standardwebhooks. The worker runs in this process with a short
// backoff (the app runs it with WEBHOOK_RETRY_BASE_MS); tests/integration/webhooks-app.test.ts
// drives the started app (restart, replay through the admin page).

const POLL = { timeout: 30_000, interval: 50 }

describe(`webhooks (${testDatabaseKind()})`, () => {
  const database = useReturnTestDatabase({
    scaleYears: [2022, 2023, 2024, 2025],
  })
  let people: Record<string, string>
  let worker: WebhookWorker
  const receivers: WebhookReceiver[] = []
  const workers: { stop: () => Promise<void> }[] = []

  const startWorker = () => {
    const started = startWebhookWorker({
      db: database.db,
      intervalMs: 50,
      maxAttempts: 20,
      retryBaseMs: 50,
      timeoutMs: 10_000,
      leaseMs: 2_000,
    })
    workers.push(started)
    return started
  }
  /** An endpoint as an administrator adds it, and its receiver given the secret shown once. */
  const endpointFor = async (events: readonly WebhookEventType[]) => {
    const receiver = await startWebhookReceiver()
    receivers.push(receiver)
    const { id, signingSecret } = await createWebhookEndpoint(
      database.db,
      { url: receiver.url, description: 'ERP', events: [...events] },
      { actorId: people['ada.admin'] ?? database.officerId, origin },
    )
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    receiver.useSecret(signingSecret)
    return { id, receiver }
  }
  const deliveriesOf = (endpointId: string) =>
    database.db.webhookDelivery.findMany({
      where: { endpointId },
      include: { event: true, attemptLog: { orderBy: { startedAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    })
  const allSent = async (endpointId: string) => (await deliveriesOf(endpointId)).every((d) => d.status === 'SENT')

  beforeAll(async () => {
    people = await demoPeople(database.db)
    worker = startWorker()
  })
  afterAll(async () => {
    for (const receiver of receivers) receiver.release()
    await Promise.all(workers.map((w) => w.stop()))
    await Promise.all(receivers.map((r) => r.stop()))
  })

  test('each event is signed and arrives once, for the endpoints that chose it; none is stored for the others', async () => {
    const everything = await endpointFor(WEBHOOK_EVENT_TYPES)
    const contractsOnly = await endpointFor(['contract.recorded'])
    const disabled = await endpointFor(WEBHOOK_EVENT_TYPES)
    await updateWebhookEndpoint(
      database.db,
      disabled.id,
      {
        url: disabled.receiver.url,
        description: '',
        events: [...WEBHOOK_EVENT_TYPES],
        enabled: false,
      },
      { actorId: database.officerId },
    )

    const now = new Date()
    // 5 000 CHF, under every tier: submitted and approved at once. 60 000 CHF: awaits signatures, then withdrawn.
    const small = await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now,
      amount: 500_000,
    })
    const large = await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now,
    })
    expect(
      (
        await withdrawJustification(database.db, {
          id: large.id,
          actor: { id: people['rita.romano']!, origin },
          now,
        })
      ).ok,
    ).toBe(true)
    // A contract recorded for Germany leaves every other Member State at 0: very poorly balanced.
    const approved = await createApprovedJustification(database.db, {
      supplierCountryCode: 'DE',
      amountMinor: 100_000_000,
    })
    const award = await awardJustification(database.db, approved.id, { orderNumber: 'PO-WH-1', awardedOn: '2024-06-01', amount: '1000000' }, { actorId: database.officerId, now, appUrl: APP_URL })
    expect(award).toMatchObject({ ok: true })

    await expect.poll(() => allSent(everything.id), POLL).toBe(true)
    await expect.poll(() => allSent(contractsOnly.id), POLL).toBe(true)
    const stored = await deliveriesOf(everything.id)
    const types = stored.map((d) => d.event.type)
    expect(types).toEqual(expect.arrayContaining(['justification.submitted', 'justification.approved', 'justification.withdrawn', 'contract.recorded', 'return.very_poorly_balanced_changed']))
    expect(types.filter((type) => type === 'justification.submitted')).toHaveLength(2)

    // Verified, each once, exactly the events stored: no id twice.
    const { receiver } = everything
    expect(receiver.unverified).toEqual([])
    expect(receiver.received.map((r) => r.id).sort()).toEqual(stored.map((d) => d.eventId).sort())
    expect(receiver.received.find((r) => r.type === 'contract.recorded')?.data).toMatchObject({
      orderNumber: 'PO-WH-1',
      justificationId: approved.id,
      amountChfMinor: 100_000_000,
    })
    expect(receiver.received.find((r) => r.type === 'justification.approved')?.data).toMatchObject({ justificationId: small.id, withoutSignature: true })
    expect(receiver.received.find((r) => r.type === 'return.very_poorly_balanced_changed')?.data).toMatchObject({ veryPoorlyBalanced: true })
    // The same event, the same id, for every endpoint that chose it.
    const contractEvent = stored.find((d) => d.event.type === 'contract.recorded')!.eventId
    expect(contractsOnly.receiver.received.map((r) => [r.id, r.type])).toEqual([[contractEvent, 'contract.recorded']])
    expect(
      await database.db.webhookDelivery.count({
        where: { endpointId: disabled.id },
      }),
    ).toBe(0)
    expect(disabled.receiver.received).toEqual([])
    // Each attempt stored with its answer.
    expect(stored.every((d) => d.attemptLog.length === 1 && d.attemptLog[0]!.succeeded && d.attemptLog[0]!.responseStatus === 200)).toBe(true)
  })

  test('a change that fails writes no delivery; one that is refused neither', async () => {
    await endpointFor(WEBHOOK_EVENT_TYPES)
    const before = await database.db.webhookEvent.count()
    const justification = await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now: new Date(),
    })
    const afterSubmit = await database.db.webhookEvent.count()
    expect(afterSubmit).toBe(before + 1)
    await expect(
      database.db.$transaction(async (tx) => {
        await appendAuditEvent(tx, {
          type: 'JUSTIFICATION_WITHDRAWN',
          actorId: people['rita.romano']!,
          subject: `justification:${justification.id}`,
          payload: { reason: null },
        })
        throw new Error('the change failed after its audit event')
      }),
    ).rejects.toThrow('the change failed')
    // Withdrawn by someone else than its requester: refused.
    expect(
      (
        await withdrawJustification(database.db, {
          id: justification.id,
          actor: { id: people['paula.procurement']!, origin },
          now: new Date(),
        })
      ).ok,
    ).toBe(false)
    expect(await database.db.webhookEvent.count()).toBe(afterSubmit)
  })

  test('a receiver that is down gets its events once it is back, retried with backoff, even across a worker restart', async () => {
    const { id, receiver } = await endpointFor(['justification.submitted'])
    await receiver.stop()
    await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now: new Date(),
    })
    await expect.poll(async () => (await deliveriesOf(id))[0]?.attemptLog.length ?? 0, POLL).toBeGreaterThanOrEqual(2)
    // The worker stops (as the app does on SIGTERM) and another takes over while the receiver answers 503.
    await worker.stop()
    worker = startWorker()
    await receiver.start()
    receiver.setMode({ kind: 'status', status: 503 })
    await expect.poll(async () => (await deliveriesOf(id))[0]!.attemptLog.some((a) => a.responseStatus === 503), POLL).toBe(true)
    receiver.setMode({ kind: 'ok' })
    await expect.poll(() => allSent(id), POLL).toBe(true)

    const [delivery] = await deliveriesOf(id)
    expect(receiver.received.map((r) => r.id)).toEqual([delivery!.eventId])
    const log = delivery!.attemptLog
    expect(log.at(-1)).toMatchObject({ succeeded: true, responseStatus: 200 })
    expect(log.slice(0, -1).every((a) => !a.succeeded)).toBe(true)
    expect(log.some((a) => a.responseStatus === null && a.error)).toBe(true)
    // Backoff: each retry waited at least twice as long as the one before (base 50 ms).
    const gaps = log.slice(1).map((a, i) => a.startedAt.getTime() - log[i]!.startedAt.getTime() - log[i]!.durationMs)
    expect(gaps[0]).toBeGreaterThanOrEqual(45)
    if (gaps.length > 2) expect(gaps[2]!).toBeGreaterThanOrEqual(180)
  })

  test('a slow endpoint delays neither another endpoint nor the email outbox', async () => {
    const slow = await endpointFor(['justification.submitted'])
    const fast = await endpointFor(['justification.submitted'])
    slow.receiver.setMode({ kind: 'hang' })
    const outbox: OutboxWorker = startOutboxWorker({
      db: database.db,
      transport: createMailboxTransport(database.db),
      intervalMs: 50,
      maxAttempts: 3,
      retryBaseMs: 50,
    })
    workers.push(outbox)
    await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now: new Date(),
    })
    const email = await enqueueEmail(
      database.db,
      {
        to: 'someone@example.org',
        subject: 'Your SoleSource sign-in link',
        template: 'sign-in-link',
        props: {
          name: 'Someone',
          signInUrl: `${APP_URL}/sign-in/link/token`,
          code: '123456',
          expiresInMinutes: 15,
          expiresAt: '2 Dec 2026, 21:00 CET',
        },
      },
      { appUrl: APP_URL },
    )

    await expect.poll(() => slow.receiver.held, POLL).toBe(1)
    await expect.poll(() => allSent(fast.id), POLL).toBe(true)
    await expect
      .poll(
        async () =>
          (
            await database.db.outboxMessage.findUniqueOrThrow({
              where: { id: email.id },
            })
          ).status,
        POLL,
      )
      .toBe('SENT')
    // All of that while the slow endpoint still holds its request.
    expect(slow.receiver.held).toBe(1)
    expect(fast.receiver.received).toHaveLength(1)

    slow.receiver.release()
    await expect.poll(() => allSent(slow.id), POLL).toBe(true)
    expect(slow.receiver.ids()).toEqual(fast.receiver.ids())
  })

  test('two workers on one database (two app instances) send each delivery once', async () => {
    const { id, receiver } = await endpointFor(['justification.withdrawn'])
    const second = startWorker()
    const EVENTS = 20
    // All written at once, so that both workers find the whole queue.
    await database.db.$transaction(async (tx) => {
      for (let i = 0; i < EVENTS; i++) {
        await appendAuditEvent(tx, {
          type: 'JUSTIFICATION_WITHDRAWN',
          actorId: people['rita.romano']!,
          subject: `justification:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          payload: { reason: null },
        })
      }
    })
    await expect.poll(() => allSent(id), POLL).toBe(true)
    await second.stop()
    expect(receiver.received).toHaveLength(EVENTS)
    expect(receiver.ids()).toHaveLength(EVENTS)
    expect((await deliveriesOf(id)).every((d) => d.attemptLog.length === 1)).toBe(true)
  })

  test('a replay sends the same webhook-id and body again', async () => {
    const { id, receiver } = await endpointFor(['justification.submitted'])
    await fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now: new Date(),
    })
    await expect.poll(() => allSent(id), POLL).toBe(true)
    const [delivery] = await deliveriesOf(id)
    expect(
      await replayWebhookDelivery(database.db, delivery!.id, {
        actorId: database.officerId,
        now: new Date(),
      }),
    ).toEqual({ outcome: 'REPLAYED', webhookId: delivery!.eventId })
    await expect.poll(() => receiver.received.length, POLL).toBe(2)
    expect(receiver.received[1]).toMatchObject({
      id: receiver.received[0]!.id,
      body: receiver.received[0]!.body,
    })
    expect(receiver.unverified).toEqual([])
  })
})

// Webhooks through the started app (issue 15.4, ADR 050): its worker delivers what changes write,
// each event once across a receiver outage and an app restart, and an administrator's replay, posted
// to the admin page's action over HTTP, arrives with the same webhook-id. Built app (`npm run build` first).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { startApp, type RunningApp } from '../support/app'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import { demoPeople, fileAndSubmit, origin } from '../support/workflow'
import { commitSessionCookie, createSession } from '~/auth/session.server'
import { resetEnvForTests } from '~/env.server'
import { createWebhookEndpoint } from '~/webhooks/webhook-endpoints.server'
import { WEBHOOK_EVENT_TYPES } from '~/webhooks/webhook-events'

const SESSION_SECRET = 'webhooks-app-secret-of-at-least-thirty-two-characters'
const POLL = { timeout: 60_000, interval: 100 }

describe(`webhooks from the started app (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let receiver: WebhookReceiver
  let app: RunningApp | null = null
  let endpointId: string
  let people: Record<string, string>
  const saved = { ...process.env }
  const start = () =>
    startApp({
      DATABASE_URL: database.url,
      SESSION_SECRET,
      SEED_DEMO_DATA: 'false',
      DATABASE_POOL_SIZE: '2',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '100',
    })

  beforeAll(async () => {
    // What the test writes (the endpoint's sealed secret, the session cookie) is the app's: same SESSION_SECRET.
    Object.assign(process.env, { SESSION_SECRET })
    resetEnvForTests()
    database = await createTestDatabase()
    await seedDemoData(database.db)
    people = await demoPeople(database.db)
    receiver = await startWebhookReceiver()
    const created = await createWebhookEndpoint(
      database.db,
      {
        url: receiver.url,
        description: 'ERP',
        events: [...WEBHOOK_EVENT_TYPES],
      },
      { actorId: people['alex.admin']!, origin },
    )
    endpointId = created.id
    receiver.useSecret(created.signingSecret)
    app = await start()
  }, 120_000)
  afterAll(async () => {
    await app?.stop()
    await receiver?.stop()
    await database?.drop()
    process.env = saved
    resetEnvForTests()
  }, 60_000)

  const deliveries = () =>
    database.db.webhookDelivery.findMany({
      where: { endpointId },
      include: { attemptLog: true },
    })
  const submit = () =>
    fileAndSubmit(database.db, {
      requesterId: people['rita.romano']!,
      now: new Date(),
    })

  test('each event arrives once across a receiver outage and an app restart', async () => {
    await submit()
    await expect.poll(() => receiver.received.length, POLL).toBe(1)

    // The receiver goes down: the app retries with backoff.
    await receiver.stop()
    await submit()
    await expect.poll(async () => (await deliveries()).some((d) => d.attemptLog.some((a) => !a.succeeded)), POLL).toBe(true)
    // The app restarts (SIGTERM, then a new process); a change is made while it is down.
    await app!.stop()
    app = null
    await submit()
    await receiver.start()
    app = await start()

    await expect.poll(async () => (await deliveries()).every((d) => d.status === 'SENT'), POLL).toBe(true)
    const stored = await deliveries()
    expect(stored).toHaveLength(3)
    expect(receiver.unverified).toEqual([])
    // No id twice: each event was sent once successfully, the one retried included.
    expect(receiver.received.map((r) => r.id).sort()).toEqual(stored.map((d) => d.eventId).sort())
  }, 120_000)

  test('a replay from the admin page arrives with the same webhook-id', async () => {
    const [delivery] = await database.db.webhookDelivery.findMany({
      where: { endpointId, status: 'SENT' },
      orderBy: { createdAt: 'asc' },
      take: 1,
    })
    const session = await createSession(database.db, {
      personId: people['alex.admin']!,
      now: new Date(),
      origin,
      ttlDays: 1,
    })
    const cookie = (await commitSessionCookie(session.id, session.expiresAt)).split(';')[0]!
    const headers = { cookie, 'sec-fetch-site': 'same-origin' }

    const page = await fetch(`${app!.url}/admin/webhooks`, { headers })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(delivery!.eventId)

    const replay = await fetch(`${app!.url}/admin/webhooks`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ intent: 'replay', deliveryId: delivery!.id }),
    })
    expect(replay.status).toBe(200)
    expect(await replay.text()).toContain(`Sent again with the same webhook-id, ${delivery!.eventId}`)
    await expect.poll(() => receiver.received.filter((r) => r.id === delivery!.eventId).length, POLL).toBe(2)
    const copies = receiver.received.filter((r) => r.id === delivery!.eventId)
    expect(copies[1]!.body).toBe(copies[0]!.body)
    expect(
      await database.db.auditEvent.count({
        where: {
          type: 'WEBHOOK_DELIVERY_REPLAYED',
          actorId: people['alex.admin']!,
        },
      }),
    ).toBe(1)
  }, 60_000)
})

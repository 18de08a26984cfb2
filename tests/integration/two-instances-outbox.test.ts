// Exactly-once delivery with several workers on one database: 500 emails queued, every one received
// once (by Message-ID). On a PostgreSQL server, by two real app processes (`npx remix build` first);
// on the embedded database, which only one process may open, by two outbox workers in this process.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOutboxWorker, type OutboxWorker } from '~/email/delivery.server'
import { enqueueEmail, type OutgoingEmail } from '~/email/outbox.server'
import { createSmtpTransport, type MailTransport } from '~/email/transport.server'
import { startApp, type RunningApp } from '../support/app'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database'
import { startSmtpServer, type TestSmtpServer } from '../support/smtp'

const EMAILS = 500
const secret = 'two-instances-secret-two-instances-secret'
const appUrl = 'http://localhost:3000'

const signInEmail = (i: number): OutgoingEmail => ({
  to: `person-${i}@example.org`,
  subject: 'Your SoleSource sign-in link',
  template: 'sign-in-link',
  props: { name: `Person ${i}`, signInUrl: `${appUrl}/sign-in/link/token-${i}`, code: String(100000 + i), expiresInMinutes: 15, expiresAt: '2 Dec 2026, 21:00 CET' },
})

/** All queued in one transaction, so that every worker finds the whole queue at once. */
async function queueEmails(database: TestDatabase) {
  return database.db.$transaction(async (tx) => {
    const queued: string[] = []
    for (let i = 0; i < EMAILS; i++) queued.push((await enqueueEmail(tx, signInEmail(i), { appUrl, secret })).messageId)
    return queued
  }, { timeout: 120_000 })
}

async function expectEachReceivedOnce(database: TestDatabase, smtp: TestSmtpServer, queued: string[]) {
  await expect.poll(() => database.db.outboxMessage.count({ where: { status: 'SENT' } }), { timeout: 120_000, interval: 250 }).toBe(EMAILS)
  // Marked sent only after the server accepted it: by now every copy that was sent has arrived.
  const received = smtp.messages.map((message) => message.messageId)
  expect(received).toHaveLength(EMAILS)
  expect(new Set(received).size).toBe(EMAILS)
  expect([...received].sort()).toEqual([...queued].sort())
  expect(await database.db.outboxMessage.count({ where: { status: { not: 'SENT' } } })).toBe(0)
}

const sentBy = (app: RunningApp) => app.logs.join('').split('\n').filter((line) => line.includes('"msg":"email sent"')).length

if (testDatabaseKind() === 'postgresql-server') {
  describe('two app instances on one PostgreSQL database, one SMTP server', () => {
    let database: TestDatabase
    let smtp: TestSmtpServer
    const apps: RunningApp[] = []
    beforeAll(async () => {
      database = await createTestDatabase()
      smtp = await startSmtpServer()
      const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, SESSION_SECRET: secret, SEED_DEMO_DATA: 'false', OUTBOX_POLL_INTERVAL_MS: '200' }
      apps.push(...(await Promise.all([startApp(env), startApp(env)])))
    }, 180_000)
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.stop()))
      await smtp?.stop()
      await database?.drop()
    }, 60_000)

    test(`${EMAILS} emails queued: every one arrives once, and both instances sent some`, async () => {
      const queued = await queueEmails(database)
      await expectEachReceivedOnce(database, smtp, queued)
      const [first, second] = apps.map(sentBy)
      expect(first! + second!).toBe(EMAILS)
      expect(first).toBeGreaterThan(0)
      expect(second).toBeGreaterThan(0)
    }, 180_000)
  })
} else {
  describe('two outbox workers on the embedded database (which only one process may open), one SMTP server', () => {
    let database: TestDatabase
    let smtp: TestSmtpServer
    const transports: MailTransport[] = []
    const workers: OutboxWorker[] = []
    beforeAll(async () => {
      database = await createTestDatabase()
      smtp = await startSmtpServer()
    })
    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()))
      for (const transport of transports) transport.close()
      await smtp?.stop()
      await database?.drop()
    })

    test(`${EMAILS} emails queued: every one arrives once, and both workers sent some`, async () => {
      const queued = await queueEmails(database)
      const sent = [0, 0]
      for (const index of [0, 1]) {
        const smtpTransport = createSmtpTransport(smtp.url, 'SoleSource <solesource@localhost>')
        transports.push(smtpTransport)
        // Counts what each worker had accepted, to show that both took part.
        const transport: MailTransport = { ...smtpTransport, send: async (email) => void (await smtpTransport.send(email), sent[index]!++) }
        workers.push(startOutboxWorker({ db: database.db, transport, intervalMs: 200, maxAttempts: 5, retryBaseMs: 1000, secret, maxMessagesPerPass: 50 }))
      }
      await expectEachReceivedOnce(database, smtp, queued)
      expect(sent[0]! + sent[1]!).toBe(EMAILS)
      expect(sent[0]).toBeGreaterThan(0)
      expect(sent[1]).toBeGreaterThan(0)
    }, 180_000)
  })
}

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDatabaseClient, type Database } from '~/db/client.server'
import { migrate, readMigrations } from '~/db/migrate.server'
import { createEmptyTestDatabase, testDatabaseKind, type EmptyTestDatabase } from '../../tests/support/database'
import { freePort, startSmtpServer, type TestSmtpServer } from '../../tests/support/smtp'
import { startOutboxWorker } from './delivery.server'
import { readBody } from './sealed-body.server'
import { createSmtpTransport, type MailTransport } from './transport.server'

const SEALING_MIGRATION = '20261201010000_outbox_secrets_and_lease'
const secret = 'upgrade-secret-upgrade-secret-upgrade-secret'

describe(`messages queued before bodies were sealed (${testDatabaseKind()}, real SMTP server)`, () => {
  let database: EmptyTestDatabase
  let db: Database
  let smtp: TestSmtpServer
  let transport: MailTransport
  beforeAll(async () => {
    database = await createEmptyTestDatabase()
    smtp = await startSmtpServer({ port: await freePort() })
    transport = createSmtpTransport(smtp.url, 'SoleSource <solesource@localhost>')
  })
  afterAll(async () => {
    transport?.close()
    await db?.$disconnect()
    await smtp?.stop()
    await database?.drop()
  })

  test('the migration empties sent bodies and keeps the others; the worker seals those at start, then delivers the waiting one', async () => {
    const migrations = await readMigrations()
    await migrate(database.url, migrations.filter((m) => m.name < SEALING_MIGRATION))
    db = createDatabaseClient(database.url, { maxConnections: 2 })
    // Three messages as the previous version stored them: the body in clear.
    const legacy: [id: string, status: string][] = [
      ['00000000-0000-4000-8000-000000000001', 'SENT'],
      ['00000000-0000-4000-8000-000000000002', 'QUEUED'],
      ['00000000-0000-4000-8000-000000000003', 'FAILED'],
    ]
    for (const [id, status] of legacy) {
      await db.$executeRawUnsafe(
        `INSERT INTO "OutboxMessage" ("id", "messageId", "template", "toAddress", "subject", "html", "text", "status", "nextAttemptAt")
         VALUES ($1::uuid, $2, 'sign-in-link', $3, 'Your SoleSource sign-in link', $4, $5, $6::"OutboxStatus", now() - interval '1 minute')`,
        id,
        `<${id}@localhost>`,
        `${status.toLowerCase()}@example.org`,
        `<p>Link: http://localhost:3000/sign-in/link/legacy-token-${status}</p>`,
        `Link: http://localhost:3000/sign-in/link/legacy-token-${status}`,
        status,
      )
    }
    expect((await migrate(database.url)).applied).toContain(SEALING_MIGRATION)

    const rows = async () => db.outboxMessage.findMany({ orderBy: { id: 'asc' } })
    expect((await rows()).map((m) => [m.status, m.unsealedText !== null, m.sealedBody !== null])).toEqual([
      ['SENT', false, false],
      ['QUEUED', true, false],
      ['FAILED', true, false],
    ])

    const worker = startOutboxWorker({ db, transport, intervalMs: 60_000, maxAttempts: 5, retryBaseMs: 1000, secret })
    await expect.poll(() => smtp.messagesTo('queued@example.org').length, { timeout: 20_000 }).toBe(1)
    await worker.stop()
    expect(smtp.messagesTo('queued@example.org')[0]!.text?.trim()).toBe('Link: http://localhost:3000/sign-in/link/legacy-token-QUEUED')
    expect(smtp.messages).toHaveLength(1)

    const [sent, delivered, failed] = await rows()
    expect(sent).toMatchObject({ status: 'SENT', unsealedHtml: null, unsealedText: null, sealedBody: null })
    expect(delivered).toMatchObject({ status: 'SENT', unsealedHtml: null, unsealedText: null, sealedBody: null })
    // The failed one is kept for "Try again", sealed now.
    expect(failed).toMatchObject({ status: 'FAILED', unsealedHtml: null, unsealedText: null })
    expect(readBody(failed!, secret).text).toBe('Link: http://localhost:3000/sign-in/link/legacy-token-FAILED')
    const clear = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "OutboxMessage"::text LIKE '%legacy-token%'`)
    expect(clear[0]!.n).toBe(0)
  })
})

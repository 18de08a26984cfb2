import type { ParsedMail } from 'mailparser'
import { describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { useDeliveryHarness } from '../../tests/support/delivery'
import { codeIn, linkIn, recipientsOf, type TestSmtpServer } from '../../tests/support/smtp'
import { demoPeople, fileAndSubmit } from '../../tests/support/workflow'
import { requestSignIn, type SignInSettings } from '~/auth/sign-in.server'
import type { Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { deliverDueMessages } from './delivery.server'
import type { MailTransport } from './transport.server'

type Secret = { label: string; value: string; kind: 'token' | 'code' }
type Finding = { schema: string; table: string; column: string; label: string }

/**
 * Every column of every table in `schema` that holds one of the secrets, found by the database itself.
 * The columns are enumerated from information_schema (every type, cast to text; bytea also searched as
 * bytes), so a column added later is searched too. A six-digit code counts only standing alone (not
 * inside a longer number, a hash or an id), as a reader of the text would see it.
 */
async function findSecrets(db: Database, schema: string, secrets: Secret[]): Promise<Finding[]> {
  const columns = await db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
      ORDER BY 1, 2`,
    schema,
  )
  const findings: Finding[] = []
  for (const { table, column, type } of columns) {
    const qualified = `"${schema}"."${table}"`
    for (const secret of secrets) {
      const condition =
        type === 'bytea'
          ? `position(convert_to($1, 'UTF8') in "${column}") > 0`
          : secret.kind === 'code'
            ? `"${column}"::text ~ ('(^|[^0-9A-Za-z])' || $1 || '([^0-9A-Za-z]|$)')`
            : `strpos("${column}"::text, $1) > 0`
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${qualified} WHERE ${condition}`, secret.value)
      if (row!.n > 0) findings.push({ schema, table, column, label: secret.label })
    }
  }
  return findings
}

/** A copy of every table as it is now, in a schema of its own, to be searched later. */
async function copyEveryTable(db: Database, into: string) {
  await db.$executeRawUnsafe(`CREATE SCHEMA "${into}"`)
  const tables = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT table_name AS "table" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  )
  for (const { table } of tables) await db.$executeRawUnsafe(`CREATE TABLE "${into}"."${table}" AS TABLE "${table}"`)
  expect(tables.length).toBeGreaterThan(10)
}

describe(`secrets at rest in the outbox (${testDatabaseKind()}, real SMTP server)`, () => {
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  let ids: Record<string, string>
  let settings: SignInSettings
  useDeliveryHarness('outbox-secret-outbox-secret-outbox-secret', async (started) => {
    ;({ database, smtp, transport } = started)
    settings = { appUrl: getEnv().APP_URL, linkTtlMinutes: 15, sessionTtlDays: 14, secret: getEnv().SESSION_SECRET! }
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })

  test('no sign-in token or code, and no sign-off token, is in any column of any table, before delivery or after', async () => {
    const now = new Date()
    await requestSignIn(database.db, { email: 'marta.mendes@example.org', now, settings })
    const { reference } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    expect(await database.db.outboxMessage.count({ where: { status: 'QUEUED' } })).toBeGreaterThanOrEqual(2)
    await copyEveryTable(database.db, 'before_delivery')

    // Queued messages are due from the database's now(); the worker's clock starts just after it.
    const report = await deliverDueMessages({ db: database.db, transport, now: new Date(Date.now() + 1000), maxAttempts: 3, retryBaseMs: 1000 })
    expect(report.failed + report.retried).toBe(0)
    const toMarta = (subject: (s: string) => boolean) => (m: ParsedMail) => recipientsOf(m).includes('marta.mendes@example.org') && subject(m.subject ?? '')
    const signIn = await smtp.waitForMessage(toMarta((s) => s === 'Your SoleSource sign-in link'))
    const signOff = await smtp.waitForMessage(toMarta((s) => s.startsWith(`${reference} awaits your signature`)))
    // The secrets as the addressee reads them in the email the SMTP server received.
    const secrets: Secret[] = [
      { label: 'sign-in token', value: linkIn(signIn, `${settings.appUrl}/sign-in/link/`).split('/').at(-1)!, kind: 'token' },
      { label: 'sign-in code', value: codeIn(signIn), kind: 'code' },
      { label: 'sign-off token', value: linkIn(signOff, `${settings.appUrl}/sign-off/`).split('/').at(-1)!, kind: 'token' },
    ]
    expect(secrets.map((s) => s.value.length)).toEqual([43, 6, 43])
    expect(signIn.html).toContain(secrets[0]!.value)
    expect(signOff.html).toContain(secrets[2]!.value)

    expect(await findSecrets(database.db, 'before_delivery', secrets)).toEqual([])
    expect(await findSecrets(database.db, 'public', secrets)).toEqual([])
    // The search does find what is there: the addressee's address.
    expect(await findSecrets(database.db, 'public', [{ label: 'address', value: 'marta.mendes@example.org', kind: 'token' }])).toContainEqual({
      schema: 'public',
      table: 'OutboxMessage',
      column: 'toAddress',
      label: 'address',
    })
    expect(await database.db.outboxMessage.count({ where: { status: { not: 'SENT' } } })).toBe(0)
  })
})

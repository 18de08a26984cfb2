import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createSmtpTransport, type MailTransport } from '~/email/transport.server'
import { resetEnvForTests } from '~/env.server'
import { createTestDatabase, type TestDatabase } from './database'
import { freePort, startSmtpServer, type TestSmtpServer } from './smtp'

export type DeliveryHarness = { database: TestDatabase; smtp: TestSmtpServer; transport: MailTransport }

/**
 * For a describe block that delivers the outbox: SESSION_SECRET set to `secret` (bodies are sealed
 * with a key derived from it, as in the server process), a migrated test database, a real SMTP server
 * on a free port and a transport to it, all undone after the block. `started` receives them (the
 * block keeps them in its own variables) and may add its data. With `emptyOutboxBeforeEach`, every
 * test starts with no message queued and none received.
 */
export function useDeliveryHarness(
  secret: string,
  started: (harness: DeliveryHarness) => unknown,
  { emptyOutboxBeforeEach = false }: { emptyOutboxBeforeEach?: boolean } = {},
) {
  let database: TestDatabase | undefined
  let smtp: TestSmtpServer | undefined
  let transport: MailTransport | undefined
  beforeAll(async () => {
    process.env.SESSION_SECRET = secret
    resetEnvForTests()
    database = await createTestDatabase()
    smtp = await startSmtpServer({ port: await freePort() })
    transport = createSmtpTransport(smtp.url, 'SoleSource <solesource@localhost>')
    await started({ database, smtp, transport })
  })
  afterAll(async () => {
    transport?.close()
    await smtp?.stop()
    await database?.drop()
    delete process.env.SESSION_SECRET
    resetEnvForTests()
  })
  if (emptyOutboxBeforeEach) {
    beforeEach(async () => {
      await database!.db.outboxMessage.deleteMany()
      smtp!.messages.length = 0
    })
  }
}

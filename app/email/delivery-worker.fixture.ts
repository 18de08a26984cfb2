// A delivery worker in a process of its own, started by delivery.server.test.ts to be killed with
// SIGKILL in the middle of a send: what a crashed app instance leaves behind is then real (a claimed
// message, its lease, a half-done SMTP conversation), and another worker must recover it.
//
// Environment: DATABASE_URL, SMTP_URL, SESSION_SECRET, OUTBOX_LEASE_MS; HANG_AFTER_ACCEPTANCE=1 makes
// the worker stop right after the server accepted a message, before it can record it as sent.
import { createDatabaseClient } from '~/db/client.server'
import { deliverDueMessages } from './delivery.server'
import { createSmtpTransport, type MailTransport } from './transport.server'

// One connection, so one message in flight: the tests kill it in the middle of sending the first.
const smtp = createSmtpTransport(process.env.SMTP_URL!, 'SoleSource <solesource@localhost>', { maxConnections: 1 })
const transport: MailTransport =
  process.env.HANG_AFTER_ACCEPTANCE === '1'
    ? {
        ...smtp,
        async send(email) {
          await smtp.send(email)
          process.stdout.write(`accepted ${email.messageId}\n`)
          await new Promise(() => {})
        },
      }
    : smtp
const db = createDatabaseClient(process.env.DATABASE_URL!, { maxConnections: 2 })
process.stdout.write('worker started\n')
await deliverDueMessages({ db, transport, now: new Date(), maxAttempts: 5, retryBaseMs: 1000 })
process.stdout.write('worker pass ended\n')
await db.$disconnect()
transport.close()

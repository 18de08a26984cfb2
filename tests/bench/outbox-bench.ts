// The outbox row of `npm run bench`: N sign-in emails queued through the real enqueue path, then the
// real outbox worker delivers them to a local SMTP server; the baseline is the same N messages sent
// straight through a pooled nodemailer transport to the same server, in the same run.
import nodemailer from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js'
import { SMTPServer } from 'smtp-server'
import { requestSignIn } from '~/auth/sign-in.server'
import { createDatabaseClient, type Database } from '~/db/client.server'
import { migrate } from '~/db/migrate.server'
import { startOutboxWorker } from '~/email/delivery.server'
import { readQueuedEmail, renderQueuedEmail } from '~/email/open-queued-email.server'
import { connectWithoutDelay, createSmtpTransport } from '~/email/transport.server'
import { getEnv } from '~/env.server'
import { freePort } from '../support/smtp'
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'

const GOAL_PER_SECOND = 200
const FROM = 'SoleSource <solesource@localhost>'
const settings = { appUrl: 'http://localhost:3000', linkTtlMinutes: 15, sessionTtlDays: 14, secret: 'bench-secret-bench-secret-bench-secret' }

/** An SMTP server that accepts everything and only counts: parsing would cost both sides alike. */
async function startCountingSmtpServer() {
  const port = await freePort()
  let received = 0
  const waiters: { count: number; resolve: () => void }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received++
        for (const waiter of waiters.filter((w) => received >= w.count)) waiter.resolve()
        callback()
      })
      stream.resume()
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return received
    },
    /** Resolves once `count` messages (in all) have been accepted. */
    until: (count: number) => new Promise<void>((resolve) => (received >= count ? resolve() : waiters.push({ count, resolve }))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function queueSignInEmails(db: Database, count: number) {
  const group = await db.department.create({ data: { code: 'B', name: 'Bench', groups: { create: { code: 'B-G', name: 'Bench group' } } }, include: { groups: true } })
  await db.person.create({ data: { email: 'bench@example.org', name: 'Bench Person', groupId: group.groups[0]!.id } })
  const started = performance.now()
  for (let i = 0; i < count; i++) await requestSignIn(db, { email: 'bench@example.org', now: new Date(), settings })
  return performance.now() - started
}

const perSecond = (count: number, ms: number) => (count * 1000) / ms

async function measureOutbox(db: Database, count: number, progress: (line: string) => void) {
  const smtp = await startCountingSmtpServer()
  const transport = createSmtpTransport(smtp.url, FROM)
  try {
    progress(`outbox: queueing ${count} sign-in emails`)
    const enqueueMs = await queueSignInEmails(db, count)
    // What one message costs to render, as the worker renders it (the last queued one, 50 times).
    const sample = await db.outboxMessage.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
    const renderStarted = performance.now()
    for (let i = 0; i < 50; i++) await renderQueuedEmail(sample)
    const renderMs = (performance.now() - renderStarted) / 50
    const body = await readQueuedEmail(sample)

    progress(`outbox: the worker delivers ${count}`)
    const env = getEnv()
    const started = performance.now()
    const worker = startOutboxWorker({ db, transport, intervalMs: env.OUTBOX_POLL_INTERVAL_MS, maxAttempts: env.OUTBOX_MAX_ATTEMPTS, retryBaseMs: env.OUTBOX_RETRY_BASE_MS})
    await smtp.until(count)
    const outboxMs = performance.now() - started
    await worker.stop()
    const sent = await db.outboxMessage.count({ where: { status: 'SENT' } })
    if (sent !== count) throw new Error(`outbox bench: ${sent} of ${count} marked sent`)

    progress(`outbox: the same ${count} straight through a pooled nodemailer transport`)
    const raw = nodemailer.createTransport({ ...parseConnectionUrl(smtp.url), pool: true, maxConnections: 5, getSocket: connectWithoutDelay })
    const rawStarted = performance.now()
    await Promise.all(
      Array.from({ length: count }, (_, i) => raw.sendMail({ from: FROM, to: 'bench@example.org', subject: sample.subject, html: body.html, text: body.text, messageId: `<raw-${i}@localhost>` })),
    )
    const rawMs = performance.now() - rawStarted
    raw.close()
    return { enqueueMs, renderMs, outboxMs, rawMs }
  } finally {
    transport.close()
    await smtp.stop()
  }
}

export const outboxBench: BenchPart = {
  name: 'outbox',
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const count = context.scale === 'full' ? 2_000 : 200
    const database = await context.createEmptyDatabase()
    await migrate(database.url)
    const db = createDatabaseClient(database.url)
    try {
      const { enqueueMs, renderMs, outboxMs, rawMs } = await measureOutbox(db, count, context.progress)
      const outbox = perSecond(count, outboxMs)
      const raw = perSecond(count, rawMs)
      return [
        {
          path: 'outbox to a local SMTP server',
          measured: `${outbox.toFixed(0)} mails/s (${count} in ${(outboxMs / 1000).toFixed(1)} s)`,
          baseline: `${raw.toFixed(0)} mails/s (pooled nodemailer, same messages, same server)`,
          ratio: outbox / raw,
          goal: `>= ${GOAL_PER_SECOND} mails/s`,
          met: outbox >= GOAL_PER_SECOND,
          note: `rendering one message at delivery ${renderMs.toFixed(2)} ms; queueing (request path, sign-in) ${(enqueueMs / count).toFixed(2)} ms a message`,
        },
      ]
    } finally {
      await db.$disconnect()
      await database.drop()
    }
  },
}

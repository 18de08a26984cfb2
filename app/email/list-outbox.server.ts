/** The outbox as the administrator's page shows it: failed and queued messages, the last sent, a count. */
import type { Database } from '~/db/client.server'

export async function listOutbox(db: Database) {
  // Never the body: it is sealed (and holds sign-in and sign-off links); the page shows who, what and how it went.
  const select = { id: true, toAddress: true, subject: true, language: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true, sentAt: true } as const
  const [failed, queued, sentCount, recentlySent] = await Promise.all([
    db.outboxMessage.findMany({ where: { status: 'FAILED' }, orderBy: { createdAt: 'desc' }, take: 100, select }),
    db.outboxMessage.findMany({ where: { status: 'QUEUED' }, orderBy: { createdAt: 'asc' }, take: 100, select }),
    db.outboxMessage.count({ where: { status: 'SENT' } }),
    db.outboxMessage.findMany({ where: { status: 'SENT' }, orderBy: { sentAt: 'desc' }, take: 20, select }),
  ])
  const row = (m: (typeof failed)[number]) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    // The language the subject is written in; null for an email queued before it was recorded.
    language: m.language,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  })
  return { failed: failed.map(row), queued: queued.map(row), sentCount, recentlySent: recentlySent.map(row) }
}

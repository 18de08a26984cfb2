import { getDatabase, type Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { UUID } from '~/http/uuid'

/**
 * The local mailbox exists only while SMTP_URL is unset: a deployment with real mail never exposes
 * it. It is deliberately readable without signing in, since it is where sign-in links arrive.
 */
export function requireLocalMailbox() {
  if (getEnv().SMTP_URL) throw new Response('Not found', { status: 404, statusText: 'Not Found' })
  return getDatabase()
}

/** The latest messages of the mailbox, for one address or all. */
export async function listMailbox(db: Database, to: string | null) {
  const messages = await db.mailboxMessage.findMany({
    where: to ? { toAddress: to } : {},
    orderBy: { receivedAt: 'desc' },
    take: 200,
    select: { id: true, toAddress: true, subject: true, receivedAt: true },
  })
  return messages.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() }))
}

/** One message, its links opening in the whole window rather than inside the page's frame; null if none. */
export async function readMailboxMessage(db: Database, id: string) {
  const message = UUID.test(id) ? await db.mailboxMessage.findUnique({ where: { id } }) : null
  if (!message) return null
  const html = message.html.includes('<head>') ? message.html.replace('<head>', '<head><base target="_top">') : `<base target="_top">${message.html}`
  return { ...message, html, receivedAt: message.receivedAt.toISOString() }
}

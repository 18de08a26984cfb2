import { getDatabase, type Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { UUID } from '~/http/uuid'
import { isLanguage, type Language } from '~/i18n/languages'

/**
 * The language an email was written in, as its HTML says (`<html lang>`, emails/layout.tsx): the
 * mailbox shows it in that language whatever the reader's, and marks it so. English when it says none.
 */
export function languageOfEmail(html: string): Language {
  const lang = /<html\b[^>]*\blang="([a-z]{2})/i.exec(html)?.[1]?.toLowerCase()
  return isLanguage(lang) ? lang : 'en'
}

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
    select: { id: true, toAddress: true, subject: true, receivedAt: true, html: true },
  })
  return messages.map(({ html, ...m }) => ({ ...m, language: languageOfEmail(html), receivedAt: m.receivedAt.toISOString() }))
}

/** One message, its links opening in the whole window rather than inside the page's frame; null if none. */
export async function readMailboxMessage(db: Database, id: string) {
  const message = UUID.test(id) ? await db.mailboxMessage.findUnique({ where: { id } }) : null
  if (!message) return null
  const html = message.html.includes('<head>') ? message.html.replace('<head>', '<head><base target="_top">') : `<base target="_top">${message.html}`
  return { ...message, html, language: languageOfEmail(message.html), receivedAt: message.receivedAt.toISOString() }
}

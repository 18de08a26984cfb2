import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'

/**
 * The local mailbox exists only while SMTP_URL is unset: a deployment with real mail never exposes
 * it. It is deliberately readable without signing in, since it is where sign-in links arrive.
 */
export function requireLocalMailbox() {
  if (getEnv().SMTP_URL) throw new Response('Not found', { status: 404, statusText: 'Not Found' })
  return getDatabase()
}

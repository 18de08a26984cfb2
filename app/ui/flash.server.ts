import { createCookie } from '@remix-run/node'
import { getEnv } from '~/env.server'

/**
 * A one-time message carried across a redirect ("Submitted: …"), in a signed cookie rather than the
 * address, so nobody can craft a link that makes SoleSource say something it did not.
 */
function flashCookie() {
  const env = getEnv()
  return createCookie('solesource_flash', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
    secure: env.APP_URL.startsWith('https://'),
    secrets: [env.SESSION_SECRET!],
  })
}

export async function flashHeaders(message: string): Promise<HeadersInit> {
  return { 'Set-Cookie': await flashCookie().serialize(message) }
}

/** The pending message, if any, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ message: string | null; headers: HeadersInit }> {
  const cookie = flashCookie()
  const value = await cookie.parse(request.headers.get('cookie'))
  if (typeof value !== 'string' || !value) return { message: null, headers: {} }
  return { message: value, headers: { 'Set-Cookie': await cookie.serialize('', { maxAge: 0 }) } }
}

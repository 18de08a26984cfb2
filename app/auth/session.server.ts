import { createCookie, redirect } from '@remix-run/node'
import type { RequestOrigin } from '~/audit/audit.server'
import { getDatabase, type DatabaseOrTransaction } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { generateToken } from './tokens.server'

export const SESSION_COOKIE_NAME = 'solesource_session'

function sessionCookie() {
  const env = getEnv()
  if (!env.SESSION_SECRET) throw new Error('SESSION_SECRET is not set: the server entry provides one before the app loads')
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    // Lax: the cookie rides along when a person follows a link from an email, never on a cross-site POST.
    sameSite: 'lax',
    path: '/',
    secure: env.APP_URL.startsWith('https://'),
    secrets: [env.SESSION_SECRET],
  })
}

export async function createSession(
  db: DatabaseOrTransaction,
  { personId, now, origin, ttlDays }: { personId: string; now: Date; origin: RequestOrigin; ttlDays: number },
) {
  return db.session.create({
    data: {
      id: generateToken(),
      personId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlDays * 24 * 60 * 60 * 1000),
      ipAddress: origin.ipAddress,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    },
  })
}

export async function commitSessionCookie(sessionId: string, expiresAt: Date) {
  return sessionCookie().serialize(sessionId, { expires: expiresAt })
}

export async function destroySessionCookie() {
  return sessionCookie().serialize('', { maxAge: 0 })
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export type SignedInPerson = {
  sessionId: string
  id: string
  email: string
  name: string
  groupId: string | null
  isProcurementOfficer: boolean
  isAdministrator: boolean
  /** 'en', 'fr' or null (no choice saved): see app/i18n/i18n.server.ts. */
  preferredLanguage: string | null
}

/** The person signed in on this request, or null. An expired session or inactive person is nobody. */
export async function getSignedInPerson(request: Request, now = new Date()): Promise<SignedInPerson | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  const session = await getDatabase().session.findUnique({ where: { id: sessionId }, include: { person: true } })
  if (!session || session.expiresAt <= now || !session.person.isActive) return null
  const { person } = session
  return {
    sessionId,
    id: person.id,
    email: person.email,
    name: person.name,
    groupId: person.groupId,
    isProcurementOfficer: person.isProcurementOfficer,
    isAdministrator: person.isAdministrator,
    preferredLanguage: person.preferredLanguage,
  }
}

function signInRedirect(request: Request) {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  return redirect(`/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`)
}

/** Every non-public loader and action starts here: signed-out requests go to the sign-in page. */
export async function requirePerson(request: Request): Promise<SignedInPerson> {
  const person = await getSignedInPerson(request)
  if (!person) throw signInRedirect(request)
  return person
}

export async function requireAdministrator(request: Request): Promise<SignedInPerson> {
  const person = await requirePerson(request)
  if (!person.isAdministrator) throw new Response('Only administrators may open this page.', { status: 403, statusText: 'Forbidden' })
  return person
}

export async function requireProcurementOfficer(request: Request): Promise<SignedInPerson> {
  const person = await requirePerson(request)
  if (!person.isProcurementOfficer && !person.isAdministrator) {
    throw new Response('Only procurement officers may open this page.', { status: 403, statusText: 'Forbidden' })
  }
  return person
}

/** Ends this browser's session, or every session of the person. Returns how many ended. */
export async function endSessions(db: DatabaseOrTransaction, person: SignedInPerson, { everywhere }: { everywhere: boolean }) {
  const { count } = await db.session.deleteMany({ where: everywhere ? { personId: person.id } : { id: person.sessionId } })
  return count
}

/** A safe place to go after signing in: only paths on this site. */
export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  // Browsers drop tabs and newlines and read backslashes as slashes: "/\t/evil" would leave the site.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback
  const base = 'http://solesource.invalid'
  const url = new URL(target, base)
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback
}

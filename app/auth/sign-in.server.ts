import { SignInLinkEmail } from '#emails/sign-in-link'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { renderEmail } from '~/email/render.server'
import { getEnv } from '~/env.server'
import { createSession } from './session.server'
import { constantTimeEqual, generateCode, generateToken, hashCode, hashToken } from './tokens.server'

export type SignInSettings = { appUrl: string; linkTtlMinutes: number; sessionTtlDays: number; secret: string }

/** Wrong codes allowed on one request before it stops accepting codes (the link still works). */
export const MAX_FAILED_CODE_ATTEMPTS = 5

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/**
 * Emails a one-time sign-in link and code to the person with this address. Unknown and inactive
 * addresses get no email but the same answer, so the form never reveals who has an account.
 */
export async function requestSignIn(db: Database, { email, now, settings }: { email: string; now: Date; settings: SignInSettings }) {
  const person = await db.person.findUnique({ where: { email: normaliseEmail(email) } })
  if (!person || !person.isActive) return

  const token = generateToken()
  const code = generateCode()
  const requestId = crypto.randomUUID()
  const expiresAt = new Date(now.getTime() + settings.linkTtlMinutes * 60_000)
  const signInUrl = `${settings.appUrl}/sign-in/link/${token}`
  const rendered = await renderEmail(
    'Your SoleSource sign-in link',
    SignInLinkEmail({ name: person.name, signInUrl, code, expiresInMinutes: settings.linkTtlMinutes }),
  )
  await db.$transaction(async (tx) => {
    await tx.signInRequest.create({
      data: { id: requestId, personId: person.id, tokenHash: hashToken(token), codeHash: hashCode(code, requestId, settings.secret), expiresAt },
    })
    await enqueueEmail(tx, { ...rendered, to: person.email, template: 'sign-in-link' }, { appUrl: settings.appUrl })
  })
}

export type LinkStatus =
  | { status: 'valid'; email: string; name: string }
  | { status: 'used' | 'expired' | 'unknown' }

/** What the link page shows on GET. Reading it changes nothing (mail scanners fetch every link). */
export async function inspectSignInLink(db: Database, token: string, now: Date): Promise<LinkStatus> {
  const request = await db.signInRequest.findUnique({ where: { tokenHash: hashToken(token) }, include: { person: true } })
  if (!request || !request.person.isActive) return { status: 'unknown' }
  if (request.usedAt) return { status: 'used' }
  if (request.expiresAt <= now) return { status: 'expired' }
  return { status: 'valid', email: request.person.email, name: request.person.name }
}

export type SignInResult = { ok: true; sessionId: string; expiresAt: Date } | { ok: false; reason: 'used' | 'expired' | 'unknown' | 'invalid-code' }

/**
 * Signs in with the link's token: marks the request used and opens a session in one transaction.
 * The conditional update is what makes the link single-use even when two clicks race.
 */
export async function signInWithLink(
  db: Database,
  { token, now, origin, settings }: { token: string; now: Date; origin: RequestOrigin; settings: SignInSettings },
): Promise<SignInResult> {
  const tokenHash = hashToken(token)
  return db.$transaction(async (tx) => {
    const request = await tx.signInRequest.findUnique({ where: { tokenHash }, include: { person: true } })
    if (!request || !request.person.isActive) return { ok: false, reason: 'unknown' } as const
    const claimed = await tx.signInRequest.updateMany({
      where: { id: request.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (claimed.count !== 1) return { ok: false, reason: request.expiresAt <= now ? 'expired' : 'used' } as const
    const session = await createSession(tx, { personId: request.personId, now, origin, ttlDays: settings.sessionTtlDays })
    await appendAuditEvent(tx, { type: 'SIGNED_IN', actorId: request.personId, subject: `person:${request.personId}`, payload: { method: 'link' }, origin, at: now })
    return { ok: true, sessionId: session.id, expiresAt: session.expiresAt } as const
  })
}

/** Signs in with the code from the most recent unexpired request for this address. */
export async function signInWithCode(
  db: Database,
  { email, code, now, origin, settings }: { email: string; code: string; now: Date; origin: RequestOrigin; settings: SignInSettings },
): Promise<SignInResult> {
  return db.$transaction(async (tx) => {
    const request = await tx.signInRequest.findFirst({
      where: { person: { email: normaliseEmail(email), isActive: true }, usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    })
    if (!request || request.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS) return { ok: false, reason: 'invalid-code' } as const
    if (!constantTimeEqual(hashCode(code.trim(), request.id, settings.secret), request.codeHash)) {
      await tx.signInRequest.update({ where: { id: request.id }, data: { failedCodeAttempts: { increment: 1 } } })
      return { ok: false, reason: 'invalid-code' } as const
    }
    const claimed = await tx.signInRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now } })
    if (claimed.count !== 1) return { ok: false, reason: 'invalid-code' } as const
    const session = await createSession(tx, { personId: request.personId, now, origin, ttlDays: settings.sessionTtlDays })
    await appendAuditEvent(tx, { type: 'SIGNED_IN', actorId: request.personId, subject: `person:${request.personId}`, payload: { method: 'code' }, origin, at: now })
    return { ok: true, sessionId: session.id, expiresAt: session.expiresAt } as const
  })
}

export function signInSettingsFromEnv(): SignInSettings {
  const env = getEnv()
  return { appUrl: env.APP_URL, linkTtlMinutes: env.SIGN_IN_LINK_TTL_MINUTES, sessionTtlDays: env.SESSION_TTL_DAYS, secret: env.SESSION_SECRET! }
}

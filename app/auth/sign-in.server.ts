import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { formatDateTime } from '~/calendar/format-date'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import { languageOfRecipient, translatorFor } from '~/i18n/i18n.server'
import { errorFields, log } from '~/server/logger.server'
import { afterResponse } from '~/server/after-response.server'
import { maskEmail, type RateLimit, type SignInLimiters } from './rate-limits.server'
import { createSession, safeRedirectTarget } from './session.server'
import { constantTimeEqual, generateCode, generateToken, hashCode, hashToken, openSealedText, sealText } from './tokens.server'

export type SignInSettings = { appUrl: string; linkTtlMinutes: number; sessionTtlDays: number; secret: string }

/** Wrong codes allowed on one request before it stops accepting codes (the link still works). */
export const MAX_FAILED_CODE_ATTEMPTS = 5

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/**
 * Emails a one-time sign-in link and code to the person with this address; once signed in, they go
 * to `redirectTo` (a same-origin path, kept encrypted on the request). Unknown and inactive
 * addresses get no email. The email is queued with its props and rendered by the outbox worker
 * (docs/decisions/027-render-email-at-delivery.md); this runs after the answer is sent
 * (acceptSignInRequest), so the time it takes tells nobody who has an account.
 */
export async function requestSignIn(
  db: Database,
  { email, now, settings, redirectTo }: { email: string; now: Date; settings: SignInSettings; redirectTo?: string | null },
) {
  const person = await db.person.findUnique({ where: { email: normaliseEmail(email) } })

  const token = generateToken()
  const code = generateCode()
  const requestId = crypto.randomUUID()
  const expiresAt = new Date(now.getTime() + settings.linkTtlMinutes * 60_000)
  const signInUrl = `${settings.appUrl}/sign-in/link/${token}`
  if (!person || !person.isActive) return
  const target = safeRedirectTarget(redirectTo)
  // In the person's saved language (else the organisation's), like every email.
  const language = languageOfRecipient(person)
  const t = translatorFor(language, 'emails')
  await db.$transaction(async (tx) => {
    await tx.signInRequest.create({
      data: {
        id: requestId,
        personId: person.id,
        tokenHash: hashToken(token),
        codeHash: hashCode(code, requestId, settings.secret),
        expiresAt,
        sealedRedirectTo: target === '/' ? null : sealText(target, requestId, settings.secret),
      },
    })
    await enqueueEmail(
      tx,
      {
        to: person.email,
        subject: t('signIn.subject'),
        template: 'sign-in-link',
        props: { name: person.name, signInUrl, code, expiresInMinutes: settings.linkTtlMinutes, expiresAt: formatDateTime(expiresAt, language), language },
      },
      { appUrl: settings.appUrl },
    )
  })
}

export type SignInRequestAnswer =
  /** The email is being queued (or, past the address's limit, silently not): answer the same either way. */
  | { status: 'accepted'; queued: Promise<void> }
  | { status: 'address-limited' }
  /** Too many requests from this client: refuse (429), which says nothing about any address. */
  | { status: 'client-limited'; retryAfterSeconds: number }

/**
 * A sign-in request as the form sends it, within the limits: per client, then per address. The
 * address's count is taken whether or not it has an account, so its limit looks the same for
 * everybody; past it nothing is sent and a log line says why. The lookup, the rendering and the
 * writes run after the response is sent (`queued`), so the response takes the same time for every
 * address: only the limit counters, the same for all, are written before it.
 */
export async function acceptSignInRequest(
  db: Database,
  limiters: SignInLimiters,
  { email, client, redirectTo, now, settings }: { email: string; client: string; redirectTo?: string | null; now: Date; settings: SignInSettings },
): Promise<SignInRequestAnswer> {
  const startedAt = performance.now()
  const fromClient = await limiters.takeClientRequest(client)
  if (!fromClient.allowed) {
    warnRefused('sign-in request refused: too many from this client', { client }, limiters.limits.requestsPerClient, fromClient)
    return { status: 'client-limited', retryAfterSeconds: fromClient.retryAfterSeconds }
  }
  const forAddress = await limiters.takeEmail(email)
  if (!forAddress.allowed) {
    warnRefused('sign-in email not sent: too many for this address', { address: maskEmail(email) }, limiters.limits.emailsPerAddress, forAddress)
    await untilElapsed(startedAt, ANSWER_FLOOR_MS)
    return { status: 'address-limited' }
  }
  await untilElapsed(startedAt, ANSWER_FLOOR_MS)
  return { status: 'accepted', queued: afterResponse(() => requestSignIn(db, { email, now, settings, redirectTo }), logQueueingFailure) }
}

/**
 * The log line that says a limit refused: who was counted (a client, or a masked address), the limit
 * and when it lets them through again. The person only sees the answer, never which limit it was.
 */
function warnRefused(message: string, counted: { client: string } | { address: string }, limit: RateLimit, refusal: { retryAfterSeconds: number }) {
  log.warn(message, { ...counted, limit: limit.points, windowMinutes: limit.windowMinutes, retryAfterSeconds: refusal.retryAfterSeconds })
}

/**
 * No sign-in request is answered sooner than this after it arrived. The work before the answer is
 * already the same for every address; the floor keeps what the previous requests left running (an
 * email being rendered and written) from showing in the next answers' times.
 */
const ANSWER_FLOOR_MS = 30

function untilElapsed(startedAt: number, ms: number) {
  const left = startedAt + ms - performance.now()
  return left > 0 ? new Promise<void>((resolve) => setTimeout(resolve, left)) : Promise.resolve()
}

/** The person sees no email and asks again; the log never holds the token or code (they do not leave requestSignIn). */
function logQueueingFailure(error: unknown) {
  log.error('sign-in email could not be queued', errorFields(error))
}

function openRedirectTarget(request: { id: string; sealedRedirectTo: string | null }, secret: string) {
  return request.sealedRedirectTo ? safeRedirectTarget(openSealedText(request.sealedRedirectTo, request.id, secret)) : '/'
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

export type SignInResult =
  | { ok: true; sessionId: string; expiresAt: Date; redirectTo: string }
  | { ok: false; reason: 'used' | 'expired' | 'unknown' | 'invalid-code' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }

/**
 * Signs in with the link's token: marks the request used and opens a session in one transaction.
 * The conditional update is what makes the link single-use even when two clicks race.
 */
export async function signInWithLink(
  db: Database,
  { token, now, origin, settings, limiters }: { token: string; now: Date; origin: RequestOrigin; settings: SignInSettings; limiters: SignInLimiters },
): Promise<SignInResult> {
  const tokenHash = hashToken(token)
  const result = await db.$transaction(async (tx) => {
    const request = await tx.signInRequest.findUnique({ where: { tokenHash }, include: { person: true } })
    if (!request || !request.person.isActive) return { ok: false, reason: 'unknown' } as const
    const claimed = await tx.signInRequest.updateMany({
      where: { id: request.id, usedAt: null, expiresAt: { gt: now } },
      // The return path is needed once: a used request keeps nothing of it.
      data: { usedAt: now, sealedRedirectTo: null },
    })
    if (claimed.count !== 1) return { ok: false, reason: request.expiresAt <= now ? 'expired' : 'used' } as const
    const session = await createSession(tx, { personId: request.personId, now, origin, ttlDays: settings.sessionTtlDays })
    await appendAuditEvent(tx, { type: 'SIGNED_IN', actorId: request.personId, subject: `person:${request.personId}`, payload: { method: 'link' }, origin, at: now })
    return { ok: true, sessionId: session.id, expiresAt: session.expiresAt, redirectTo: openRedirectTarget(request, settings.secret), email: request.person.email } as const
  })
  if (!result.ok) return result
  // Whoever followed the link reads the address's mail: codes tried against it so far stop counting.
  await limiters.forgetCodeAttempts(result.email)
  return { ok: true, sessionId: result.sessionId, expiresAt: result.expiresAt, redirectTo: result.redirectTo }
}

/**
 * Signs in with the code from the most recent unexpired request for this address. Every code tried
 * counts against the client and against the address, across all its requests (whether or not the
 * address has an account): past the address's limit its codes are refused until the window passes or
 * a link is used, so guessing a six-digit code takes far longer than any code lives.
 */
export async function signInWithCode(
  db: Database,
  {
    email,
    code,
    now,
    origin,
    client,
    settings,
    limiters,
  }: { email: string; code: string; now: Date; origin: RequestOrigin; client: string; settings: SignInSettings; limiters: SignInLimiters },
): Promise<SignInResult> {
  const fromClient = await limiters.takeClientRequest(client)
  if (!fromClient.allowed) {
    warnRefused('sign-in code refused: too many requests from this client', { client }, limiters.limits.requestsPerClient, fromClient)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: fromClient.retryAfterSeconds }
  }
  // Counted before checking, so that a burst of parallel guesses cannot all pass a check made before any is counted.
  const forAddress = await limiters.takeCodeAttempt(email)
  if (!forAddress.allowed) {
    warnRefused('sign-in code refused: too many codes tried for this address', { address: maskEmail(email) }, limiters.limits.wrongCodesPerAddress, forAddress)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: forAddress.retryAfterSeconds }
  }
  const result = await db.$transaction(async (tx) => {
    const request = await tx.signInRequest.findFirst({
      where: { person: { email: normaliseEmail(email), isActive: true }, usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    })
    if (!request || request.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS) return { ok: false, reason: 'invalid-code' } as const
    if (!constantTimeEqual(hashCode(code.trim(), request.id, settings.secret), request.codeHash)) {
      await tx.signInRequest.update({ where: { id: request.id }, data: { failedCodeAttempts: { increment: 1 } } })
      return { ok: false, reason: 'invalid-code' } as const
    }
    const claimed = await tx.signInRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now, sealedRedirectTo: null } })
    if (claimed.count !== 1) return { ok: false, reason: 'invalid-code' } as const
    const session = await createSession(tx, { personId: request.personId, now, origin, ttlDays: settings.sessionTtlDays })
    await appendAuditEvent(tx, { type: 'SIGNED_IN', actorId: request.personId, subject: `person:${request.personId}`, payload: { method: 'code' }, origin, at: now })
    return { ok: true, sessionId: session.id, expiresAt: session.expiresAt, redirectTo: openRedirectTarget(request, settings.secret) } as const
  })
  // The right code: the person reads the address's mail, and the codes they mistyped stop counting.
  if (result.ok) await limiters.forgetCodeAttempts(email)
  return result
}

export function signInSettingsFromEnv(): SignInSettings {
  const env = getEnv()
  return { appUrl: env.APP_URL, linkTtlMinutes: env.SIGN_IN_LINK_TTL_MINUTES, sessionTtlDays: env.SESSION_TTL_DAYS, secret: env.SESSION_SECRET! }
}

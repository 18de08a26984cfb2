import type { Params } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { appendAuditEvent } from '~/audit/audit.server'
import { createKeyedLimiters } from '~/auth/rate-limits.server'
import { getDatabase, type Database } from '~/db/client.server'
import { onePerProcess } from '~/db/one-per-process.server'
import { i18nFor, languageOfRequest } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { translateMessage } from '~/i18n/message'
import { errorFields, log } from '~/server/logger.server'
import { authenticateApiKey, type ApiCaller, type Refusal } from './authenticate-api-key.server'
import { claimIdempotencyKey, readIdempotencyKey, releaseIdempotencyKey, requestFingerprint, storeAnswer } from './idempotency.server'
import { ApiProblem, problemResponse, type ProblemSlug } from './problem.server'
import type { ApiScope } from './scopes'

// The one way into /api/v1's operations (the thin route modules call apiRoute): method, key, rate
// limit, scope, media type, JSON body, Idempotency-Key, the operation, then one audit event.

export type ApiContext = {
  request: Request
  url: URL
  params: Params
  caller: ApiCaller
  /** The parsed JSON body of a POST (undefined for a GET). */
  body: unknown
  db: Database
  now: Date
  language: Language
  /** A message (app/i18n/message.ts) in the caller's language; other text as it is. */
  say: (text: string) => string
}

export type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> }

export type Operation = { scope: ApiScope; run: (context: ApiContext) => Promise<ApiAnswer> }

type Method = 'GET' | 'POST'

const MAX_BODY_BYTES = 4 * 1024 * 1024

const limiters = onePerProcess('__solesourceApiKeyLimiters', (url) => createKeyedLimiters(url, 'api-key'))

const refusalProblem: Record<Refusal, { slug: ProblemSlug; detail: string }> = {
  missing: { slug: 'missing-api-key', detail: 'Send the API key in the Authorization header: "Authorization: Bearer ssk_…".' },
  malformed: { slug: 'invalid-api-key', detail: 'The Authorization header must be "Bearer" followed by the API key.' },
  unknown: { slug: 'invalid-api-key', detail: 'This API key is not one SoleSource knows.' },
  revoked: { slug: 'revoked-api-key', detail: 'This API key was revoked by an administrator.' },
  expired: { slug: 'expired-api-key', detail: 'This API key has expired; ask an administrator for a new one.' },
  'person-inactive': { slug: 'invalid-api-key', detail: 'The person this API key acts for can no longer use SoleSource.' },
}

function jsonResponse({ status, body, headers }: ApiAnswer): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } })
}

/** A route's loader and action answer with this: each method it answers, with the scope it needs. */
export function answerApi({ request, params }: { request: Request; params: Params }, operations: Partial<Record<Method, Operation>>): Promise<Response> {
  return handleApiRequest(request, params, operations)
}

/** 404 for a path under /api/v1 that names nothing (the splat route). */
export function noSuchApiPath(request: Request): Response {
  return problemResponse('not-found', `Nothing is at ${new URL(request.url).pathname}; the operations are listed in /api/v1/openapi.json.`)
}

async function handleApiRequest(request: Request, params: Params, operations: Partial<Record<Method, Operation>>): Promise<Response> {
  const url = new URL(request.url)
  const method = request.method === 'HEAD' ? 'GET' : request.method
  const allowed = Object.keys(operations).join(', ')
  const operation = operations[method as Method]
  if (!operation) return problemResponse('method-not-allowed', `${request.method} is not allowed on ${url.pathname}; allowed: ${allowed}.`, { headers: { Allow: allowed } })

  const db = getDatabase()
  const now = new Date()
  const authentication = await authenticateApiKey(db, request.headers.get('authorization'), now)
  const origin = requestOrigin(request)
  let audit = { keyId: null as string | null, actorId: null as string | null, refusal: null as string | null, idempotencyKey: null as string | null, replayed: false }
  const finish = async (response: Response) => {
    if (audit.keyId) {
      try {
        await appendAuditEvent(db, {
          type: 'API_KEY_USED',
          actorId: audit.actorId,
          subject: `api-key:${audit.keyId}`,
          payload: { apiKeyId: audit.keyId, method: request.method, path: url.pathname, status: response.status, refusal: audit.refusal, idempotencyKey: audit.idempotencyKey, replayed: audit.replayed },
          origin,
          at: now,
        })
        await db.apiKey.update({ where: { id: audit.keyId }, data: { lastUsedAt: now } })
      } catch (error) {
        log.error('API key use not recorded', { apiKeyId: audit.keyId, ...errorFields(error) })
      }
    }
    return response
  }

  if (!authentication.ok) {
    audit = { ...audit, keyId: authentication.keyId, actorId: authentication.actorId, refusal: authentication.refusal }
    if (!authentication.keyId) log.warn('API request refused', { refusal: authentication.refusal, path: url.pathname, ip: origin.ipAddress })
    const { slug, detail } = refusalProblem[authentication.refusal]
    return finish(problemResponse(slug, detail, { headers: { 'WWW-Authenticate': 'Bearer realm="SoleSource API"' } }))
  }
  const { caller } = authentication
  audit = { ...audit, keyId: caller.keyId, actorId: caller.person?.id ?? null }

  const limit = await limiters.get().take(caller.keyId, { points: caller.requestsPerMinute, windowMinutes: 1 })
  if (!limit.allowed) {
    audit.refusal = 'rate-limited'
    return finish(
      problemResponse('rate-limited', `This key may make ${caller.requestsPerMinute} requests a minute; try again in ${limit.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
        extensions: { retryAfterSeconds: limit.retryAfterSeconds },
      }),
    )
  }
  if (!caller.scopes.includes(operation.scope)) {
    audit.refusal = 'out-of-scope'
    return finish(problemResponse('insufficient-scope', `${request.method} ${url.pathname} needs the scope ${operation.scope}; this key has ${caller.scopes.join(', ') || 'none'}.`, { extensions: { requiredScope: operation.scope } }))
  }

  const language = await languageOfRequest(request, caller.person)
  const t = i18nFor(language).getFixedT(language)
  const say = (text: string) => translateMessage(t, text)

  let body: unknown = undefined
  let rawBody = ''
  if (method === 'POST') {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(type)) {
      audit.refusal = 'unsupported-media-type'
      return finish(problemResponse('unsupported-media-type', `Send the body as application/json (received ${type || 'no Content-Type'}).`, { headers: { 'Accept-Post': 'application/json' } }))
    }
    rawBody = await request.text()
    if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) {
      audit.refusal = 'too-large'
      return finish(problemResponse('malformed-request', `The body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`))
    }
    try {
      body = rawBody === '' ? {} : JSON.parse(rawBody)
    } catch {
      audit.refusal = 'malformed-json'
      return finish(problemResponse('malformed-request', 'The body is not valid JSON.'))
    }
  }

  const context: ApiContext = { request, url, params, caller, body, db, now, language, say }
  if (method !== 'POST') return finish(await answer(operation, context))

  const idempotency = readIdempotencyKey(request.headers.get('idempotency-key'))
  if (!idempotency.ok) {
    audit.refusal = 'malformed-idempotency-key'
    return finish(problemResponse('malformed-request', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.'))
  }
  if (!idempotency.key) return finish(await answer(operation, context))
  const claimed = { apiKeyId: caller.keyId, key: idempotency.key }
  audit.idempotencyKey = idempotency.key
  const claim = await claimIdempotencyKey(db, { ...claimed, fingerprint: requestFingerprint(method, `${url.pathname}${url.search}`, rawBody), now })
  if (claim.kind === 'reused') {
    audit.refusal = 'idempotency-key-reused'
    return finish(problemResponse('idempotency-key-reused', 'This Idempotency-Key was used with another request (method, path or body): use a new key for a new request.'))
  }
  if (claim.kind === 'in-progress') {
    audit.refusal = 'idempotency-key-in-use'
    return finish(problemResponse('idempotency-key-in-use', 'A request with this Idempotency-Key is still being answered; retry once it is.', { headers: { 'Retry-After': '1' } }))
  }
  if (claim.kind === 'replay') {
    audit.replayed = true
    const { status, contentType, location, body: stored } = claim.answer
    return finish(
      new Response(stored, {
        status,
        headers: { 'Content-Type': contentType ?? 'application/json', 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true', ...(location ? { Location: location } : {}) },
      }),
    )
  }
  let response: Response
  try {
    response = await answer(operation, context)
  } catch (error) {
    await releaseIdempotencyKey(db, claimed)
    throw error
  }
  const text = await response.clone().text()
  await storeAnswer(db, claimed, { status: response.status, contentType: response.headers.get('content-type'), location: response.headers.get('location'), body: text })
  return finish(response)
}

/** The operation's answer as a response: its JSON, or the problem it threw; an unexpected error is a 500 problem. */
async function answer(operation: Operation, context: ApiContext): Promise<Response> {
  try {
    return jsonResponse(await operation.run(context))
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error.slug, error.detail, { extensions: error.extensions, headers: error.headers })
    log.error('API operation failed', { path: context.url.pathname, ...errorFields(error) })
    return problemResponse('internal-error', 'Something went wrong on our side; the request may be tried again.')
  }
}

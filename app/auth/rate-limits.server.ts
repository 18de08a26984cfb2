import { createHash } from 'node:crypto'
import { data } from '@remix-run/node'
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { onePerProcess } from '~/db/one-per-process.server'
import { getEnv } from '~/env.server'
import { log } from '~/server/logger.server'

// The sign-in's rate limits (docs/decisions/007-sign-in-rate-limits.md). Counters live in the
// database ("RateLimit", created by a migration), so every app instance and every restart sees the
// same counts.

export type RateLimit = { points: number; windowMinutes: number }

export type SignInLimits = {
  /** Sign-in emails per address (whether or not the address has an account). */
  emailsPerAddress: RateLimit
  /** Codes tried per address, across all its sign-in requests; a correct code or a used link clears them. */
  wrongCodesPerAddress: RateLimit
  /** Sign-in requests and codes tried from one client address. */
  requestsPerClient: RateLimit
}

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type SignInLimiters = {
  limits: SignInLimits
  /** Counts one sign-in email for this address. */
  takeEmail: (email: string) => Promise<LimitCheck>
  /** Counts one code tried for this address. */
  takeCodeAttempt: (email: string) => Promise<LimitCheck>
  /** A sign-in proved the person reads the address's mail: its wrong codes no longer count. */
  forgetCodeAttempts: (email: string) => Promise<void>
  /** Counts one sign-in request or code from this client. */
  takeClientRequest: (client: string) => Promise<LimitCheck>
  close: () => Promise<void>
}

const TABLE = 'RateLimit'

/**
 * rate-limiter-flexible names its prepared statements. The embedded PostgreSQL is one session shared
 * by every connection, so a second connection (or a second app instance) preparing the same name
 * would fail with "prepared statement already exists". Unnamed statements behave the same on both.
 */
function withUnnamedStatements(pool: pg.Pool) {
  return {
    query: (statement: { text: string; values?: unknown[] }) => pool.query({ text: statement.text, values: statement.values }),
  }
}

/**
 * Keys in the table: a hash of the address, so the table neither stores who asked (known or not)
 * nor overflows its 255 characters with a long address.
 */
function addressKey(email: string) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
}

async function take(limiter: RateLimiterPostgres, key: string): Promise<LimitCheck> {
  try {
    await limiter.consume(key)
    return { allowed: true }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    throw error
  }
}

function storePool(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  // An idle connection that breaks (the server restarted) must not take the process down with it;
  // the next query opens a fresh one.
  pool.on('error', (error) => log.warn('rate-limit store connection lost', { error: error.message }))
  return pool
}

function limiterOn(storeClient: ReturnType<typeof withUnnamedStatements>, keyPrefix: string, limit: RateLimit, { clearsExpired }: { clearsExpired: boolean }) {
  return new RateLimiterPostgres({
    storeClient,
    storeType: 'pg',
    tableName: TABLE,
    // The migration created the table: the app never runs DDL.
    tableCreated: true,
    // One table holds every limiter: a sweep of expired rows by one of them is enough.
    clearExpiredByTimeout: clearsExpired,
    keyPrefix,
    points: limit.points,
    duration: limit.windowMinutes * 60,
  })
}

/**
 * Limiters of other features on the same table (the API keys' requests per minute, app/api): one per
 * limit, made on first use, counted by key under `keyPrefix`.
 */
export function createKeyedLimiters(databaseUrl: string, keyPrefix: string) {
  const pool = storePool(databaseUrl)
  const storeClient = withUnnamedStatements(pool)
  const byLimit = new Map<string, RateLimiterPostgres>()
  return {
    take(key: string, limit: RateLimit): Promise<LimitCheck> {
      const id = `${limit.points}/${limit.windowMinutes}`
      let limiter = byLimit.get(id)
      if (!limiter) {
        limiter = limiterOn(storeClient, `${keyPrefix}-${id}`, limit, { clearsExpired: false })
        byLimit.set(id, limiter)
      }
      return take(limiter, key)
    },
    close: () => pool.end(),
  }
}

/** Limiters on the database at `databaseUrl` (one small pool of their own, apart from Prisma's). */
export function createSignInLimiters(databaseUrl: string, limits: SignInLimits): SignInLimiters {
  const pool = storePool(databaseUrl)
  const storeClient = withUnnamedStatements(pool)
  const limiter = (keyPrefix: string, limit: RateLimit, options: { clearsExpired: boolean }) => limiterOn(storeClient, keyPrefix, limit, options)
  const emails = limiter('sign-in-emails', limits.emailsPerAddress, { clearsExpired: true })
  const codes = limiter('sign-in-codes', limits.wrongCodesPerAddress, { clearsExpired: false })
  const clients = limiter('sign-in-client', limits.requestsPerClient, { clearsExpired: false })
  return {
    limits,
    takeEmail: (email) => take(emails, addressKey(email)),
    takeCodeAttempt: (email) => take(codes, addressKey(email)),
    forgetCodeAttempts: async (email) => {
      await codes.delete(addressKey(email))
    },
    takeClientRequest: (client) => take(clients, client.slice(0, 200)),
    close: () => pool.end(),
  }
}

export function signInLimitsFromEnv(): SignInLimits {
  const env = getEnv()
  return {
    emailsPerAddress: { points: env.SIGN_IN_EMAILS_PER_ADDRESS, windowMinutes: env.SIGN_IN_EMAIL_WINDOW_MINUTES },
    wrongCodesPerAddress: { points: env.SIGN_IN_WRONG_CODES_PER_ADDRESS, windowMinutes: env.SIGN_IN_WRONG_CODE_WINDOW_MINUTES },
    requestsPerClient: { points: env.SIGN_IN_REQUESTS_PER_CLIENT, windowMinutes: env.SIGN_IN_CLIENT_WINDOW_MINUTES },
  }
}

// One set of limiters, and so one pool, for the server entry and the Remix build alike.
const processLimiters = onePerProcess('__solesourceSignInLimiters', (url) => createSignInLimiters(url, signInLimitsFromEnv()))

/** The process-wide limiters on DATABASE_URL, with the limits from the environment. */
export function getSignInLimiters(): SignInLimiters {
  return processLimiters.get()
}

/**
 * The client address the limits count by: the one the server entry resolved (Express's `req.ip`,
 * which reads X-Forwarded-For only from a proxy on loopback). Never the raw X-Forwarded-For header,
 * which any client can set to a fresh value on every request.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('x-solesource-client-ip') || 'unknown'
}

/** "a***@example.org": enough for an operator to recognise a pattern, not a list of addresses. */
export function maskEmail(email: string) {
  const normalised = email.trim().toLowerCase()
  const at = normalised.lastIndexOf('@')
  if (at < 1) return '***'
  return `${normalised[0]}***${normalised.slice(at)}`
}

/** The action's answer past a limit: 429 with Retry-After, and what the page needs to say so. */
export function tooManyAttempts(retryAfterSeconds: number, reason: 'client' | 'codes') {
  return data({ rateLimited: { retryAfterSeconds, reason } }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } })
}

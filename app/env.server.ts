import { availableParallelism } from 'node:os'
import * as z from 'zod'
import { parseStoreUrl } from './attachments/store/store-url'
import { LANGUAGES } from './i18n/languages'

const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL')

// Checked by the one parser the store itself uses; its messages never repeat the value (a secret).
const attachmentStoreUrl = z.string().superRefine((value, ctx) => {
  const parsed = parseStoreUrl(value)
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem })
})

const smtpUrl = z
  .string()
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')

const DEFAULT_DATABASE_POOL_SIZE = 4

// The identity provider's issuer: HTTPS, except on this machine (a provider started by the tests, or
// a local one during development), where plain HTTP reaches nobody else.
const oidcIssuerUrl = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value)
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  }, 'must be an https:// URL (http:// only for localhost)')

/**
 * Every setting the server reads, validated once at start-up. A wrong value stops the app with a
 * message that names the variable (see formatEnvError).
 */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    APP_URL: z.string().url().optional(),
    /** A PostgreSQL server. Unset: the embedded PostgreSQL (PGlite) with its data under DATA_DIR. */
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('data'),
    /** HTTP worker processes (Node's cluster). Unset: 1 on the embedded database, one per core with DATABASE_URL (see workerCount). */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** Connections each process keeps open to the database at most (ADR 030: measured on 2 cores). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(DEFAULT_DATABASE_POOL_SIZE),
    /** Unset: mail goes to the local mailbox, readable at /mailbox. */
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z.string().min(3).default('SoleSource <solesource@localhost>'),
    /** The language of pages when neither a person's preference, the language switch nor the browser says one, and of emails to people without a preference. */
    DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('en'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SEED_DEMO_DATA: booleanFromString.optional(),
    /** With the demo organisation, also demo contracts and contribution scales (default: yes). */
    SEED_DEMO_CONTRACTS: booleanFromString.default(true),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    SIGN_IN_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Sign-in emails per address (known or not) per window; beyond, the same answer and no email. */
    SIGN_IN_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(3),
    SIGN_IN_EMAIL_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    /** Codes tried per address across its requests per window; beyond, codes are refused (429) until a link is used. */
    SIGN_IN_WRONG_CODES_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(10),
    SIGN_IN_WRONG_CODE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    /** Sign-in requests and codes tried per client address per window; beyond, 429. */
    SIGN_IN_REQUESTS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(50),
    SIGN_IN_CLIENT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    /** Single sign-on with OpenID Connect (ADR 048): the three together, or none (email links and codes only). */
    OIDC_ISSUER_URL: oidcIssuerUrl.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** What the sign-in page's button names ("Sign in with CERN SSO"); unset: "your organisation’s single sign-on". */
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).optional(),
    /** The claim holding the person's email address. "email" must come with email_verified true; another claim is taken as the provider vouches for it. */
    OIDC_EMAIL_CLAIM: z.string().regex(/^[A-Za-z0-9_:.\/-]{1,100}$/, 'must be a claim name').default('email'),
    OIDC_SCOPE: z.string().regex(/(^| )openid( |$)/, 'must include openid').default('openid email profile'),
    /** Sign-in by emailed link and code; false leaves single sign-on as the only way in (needs the OIDC variables). */
    SIGN_IN_EMAIL_LINKS: booleanFromString.default(true),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** First retry delay; each further retry doubles it (capped at one hour). */
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** How long a message being sent stays another worker's to leave alone; renewed every ~third of it while its worker lives. */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
    /** SMTP connections the outbox keeps open, one message in flight on each. */
    OUTBOX_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
    /** Messages one SMTP connection carries before the outbox opens a fresh one. */
    OUTBOX_SMTP_MESSAGES_PER_CONNECTION: z.coerce.number().int().min(1).max(100_000).default(100),
    /** Webhooks (ADR 050): how often the worker looks for due deliveries, how many tries a delivery gets, the first retry delay (doubling, capped at one hour), and how long one request may take. */
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(15),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** How often the scheduler looks for steps to remind, escalate or hand to a deputy. */
    REMINDER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** Supporting documents: the largest file, and the most one justification may carry (in MB, 10^6 bytes). */
    ATTACHMENT_MAX_FILE_MB: z.coerce.number().int().min(1).max(2_000).default(20),
    ATTACHMENT_MAX_TOTAL_MB: z.coerce.number().int().min(1).max(20_000).default(100),
    /** Unset: documents are kept in PostgreSQL. Else an S3-compatible object store (ADR 026):
     * s3+http(s)://KEY:SECRET@host:port/bucket?region=us-east-1 (path-style endpoint, URL-encoded
     * credentials) or s3://bucket?region=... (Amazon S3, credentials from the AWS SDK's default chain). */
    ATTACHMENT_STORE_URL: attachmentStoreUrl.optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (!env.DATABASE_URL && env.WEB_CONCURRENCY !== undefined && env.WEB_CONCURRENCY > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: `is ${env.WEB_CONCURRENCY}, but the embedded database can be opened by one process only: set DATABASE_URL to a PostgreSQL server, or leave WEB_CONCURRENCY unset`,
      })
    }
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL names a server (every app instance must share it)',
      })
    }
    const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const
    const missing = oidc.filter((name) => env[name] === undefined)
    if (missing.length > 0 && missing.length < oidc.length) {
      for (const name of missing) {
        ctx.addIssue({ code: 'custom', path: [name], message: `is required with ${oidc.filter((other) => !missing.includes(other)).join(' and ')} (single sign-on takes all three, or none)` })
      }
    }
    if (!env.SIGN_IN_EMAIL_LINKS && missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['SIGN_IN_EMAIL_LINKS'], message: 'is false, but single sign-on is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): nobody could sign in' })
    }
  })

export type Env = z.infer<typeof EnvSchema> & { APP_URL: string }

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError'
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "unset", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''))
  const result = EnvSchema.safeParse(present)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'} ${issue.message}`)
    throw new InvalidEnvironmentError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = result.data
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') }
}

/**
 * How many HTTP workers `npm start` runs: WEB_CONCURRENCY, else one per core on a PostgreSQL server
 * and one on the embedded database (PGlite lives in the process that opened it). Judged on the
 * environment as given, before the server entry fills DATABASE_URL in with the embedded database's.
 */
export function workerCount(env: Pick<Env, 'DATABASE_URL' | 'WEB_CONCURRENCY'>): number {
  return env.WEB_CONCURRENCY ?? (env.DATABASE_URL ? availableParallelism() : 1)
}

/** DATABASE_POOL_SIZE alone, for the database client (the server entry has checked the whole environment). */
export function databasePoolSize(source: Record<string, string | undefined> = process.env): number {
  const parsed = EnvSchema.shape.DATABASE_POOL_SIZE.safeParse(source.DATABASE_POOL_SIZE || undefined)
  return parsed.success ? parsed.data : DEFAULT_DATABASE_POOL_SIZE
}

let cached: Env | undefined

/** The environment of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Tests and the server entry change process.env before the app reads it; this forgets the last parse. */
export function resetEnvForTests() {
  cached = undefined
}

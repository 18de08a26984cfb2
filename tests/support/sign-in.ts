import { afterAll, beforeAll } from 'vitest'
import { createSignInLimiters, type SignInLimiters, type SignInLimits } from '~/auth/rate-limits.server'
import type { SignInSettings } from '~/auth/sign-in.server'
import { deliverDueMessages } from '~/email/delivery.server'
import { createSmtpTransport } from '~/email/transport.server'
import { createTestDatabase, type TestDatabase } from './database'
import { codeIn, startSmtpServer, type TestSmtpServer } from './smtp'

// The set-up the sign-in suites share (app/auth/sign-in*.server.test.ts).

export const settings: SignInSettings = { appUrl: 'http://localhost:3000', linkTtlMinutes: 15, sessionTtlDays: 14, secret: 's'.repeat(40) }
export const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }
export const client = '127.0.0.1'
/** The clock every sign-in here reads. */
export const now = new Date('2026-11-26T09:00:00Z')
/** Limits out of the way: these tests are about links and codes themselves (the limits have their own suite). */
const generous = { points: 10_000, windowMinutes: 60 }
export const generousLimits: SignInLimits = { emailsPerAddress: generous, wrongCodesPerAddress: generous, requestsPerClient: generous }

/**
 * A database of the describe block's own and limiters on it, closed after the block. `opened`
 * receives them (the block keeps them in its own variables) and adds the people it needs.
 */
export function useSignInDatabase(limits: SignInLimits, opened: (signIn: { database: TestDatabase; limiters: SignInLimiters }) => Promise<unknown>) {
  let database: TestDatabase | undefined
  let limiters: SignInLimiters | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
    limiters = createSignInLimiters(database.url, limits)
    await opened({ database, limiters })
  })
  afterAll(async () => {
    await limiters?.close()
    await database?.drop()
  })
}

/**
 * Emails are read as the person reads them: delivered by the outbox to a real SMTP server, started
 * for the file. Returns `lastEmailFor`, which delivers what the outbox holds and returns the last
 * sign-in email to the address: its text, link token and code.
 */
export function useSignInMailbox() {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterAll(async () => smtp?.stop())
  return async function lastEmailFor(database: TestDatabase, to: string) {
    const transport = createSmtpTransport(smtp.url, 'SoleSource <solesource@localhost>')
    try {
      await deliverDueMessages({ db: database.db, transport, now: new Date(Date.now() + 60_000), maxAttempts: 3, retryBaseMs: 1000 })
    } finally {
      transport.close()
    }
    const message = smtp.messagesTo(to).filter((m) => m.subject === 'Your SoleSource sign-in link').at(-1)!
    const text = message.text ?? ''
    return { text, token: text.match(/\/sign-in\/link\/([A-Za-z0-9_-]+)/)![1]!, code: codeIn(message) }
  }
}

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { inspectSignInLink, MAX_FAILED_CODE_ATTEMPTS, requestSignIn, signInWithCode, signInWithLink, type SignInSettings } from './sign-in.server'

const settings: SignInSettings = { appUrl: 'http://localhost:3000', linkTtlMinutes: 15, sessionTtlDays: 14, secret: 's'.repeat(40) }
const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }

/** The token and code from the last email queued for an address (as the person would read them). */
async function lastEmailFor(database: TestDatabase, to: string) {
  const message = await database.db.outboxMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } })
  const token = message.text.match(/\/sign-in\/link\/([A-Za-z0-9_-]+)/)![1]!
  const code = message.text.match(/\b(\d{6})\b/)![1]!
  return { token, code }
}

describe(`sign-in by link and code (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await database.db.person.createMany({
      data: [
        { email: 'ada@example.org', name: 'Ada' },
        { email: 'gone@example.org', name: 'Gone', isActive: false },
      ],
    })
  })
  afterAll(async () => database?.drop())

  test('only hashes of the token and the code are stored', async () => {
    await requestSignIn(database.db, { email: ' Ada@Example.org ', now, settings })
    const { token, code } = await lastEmailFor(database, 'ada@example.org')
    const stored = await database.db.signInRequest.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
    expect(stored.tokenHash).not.toContain(token)
    expect(stored.codeHash).not.toContain(code)
    expect(token.length).toBeGreaterThanOrEqual(43) // 256 bits in base64url
  })

  test('unknown and inactive addresses get no request and no email', async () => {
    const before = await database.db.outboxMessage.count()
    await requestSignIn(database.db, { email: 'nobody@example.org', now, settings })
    await requestSignIn(database.db, { email: 'gone@example.org', now, settings })
    expect(await database.db.outboxMessage.count()).toBe(before)
  })

  test('twenty simultaneous uses of one link open exactly one session', async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const { token } = await lastEmailFor(database, 'ada@example.org')
    const sessionsBefore = await database.db.session.count()
    const results = await Promise.all(Array.from({ length: 20 }, () => signInWithLink(database.db, { token, now, origin, settings })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'used')).toBe(true)
    expect(await database.db.session.count()).toBe(sessionsBefore + 1)
    expect(await inspectSignInLink(database.db, token, now)).toEqual({ status: 'used' })
  })

  test('an expired link is refused; inspecting a link changes nothing', async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const { token } = await lastEmailFor(database, 'ada@example.org')
    expect(await inspectSignInLink(database.db, token, now)).toMatchObject({ status: 'valid', email: 'ada@example.org' })
    expect(await inspectSignInLink(database.db, token, now)).toMatchObject({ status: 'valid' })
    const later = new Date(now.getTime() + 15 * 60_000)
    expect(await inspectSignInLink(database.db, token, later)).toEqual({ status: 'expired' })
    expect(await signInWithLink(database.db, { token, now: later, origin, settings })).toEqual({ ok: false, reason: 'expired' })
    expect(await signInWithLink(database.db, { token: 'not-a-token', now, origin, settings })).toEqual({ ok: false, reason: 'unknown' })
  })

  test(`the code works once, and stops working after ${MAX_FAILED_CODE_ATTEMPTS} wrong guesses`, async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const { code } = await lastEmailFor(database, 'ada@example.org')
    const wrong = code === '000000' ? '000001' : '000000'
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code: wrong, now, origin, settings })).toEqual({ ok: false, reason: 'invalid-code' })
    const ok = await signInWithCode(database.db, { email: 'ADA@example.org', code, now, origin, settings })
    expect(ok.ok).toBe(true)
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code, now, origin, settings })).toEqual({ ok: false, reason: 'invalid-code' })

    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const fresh = await lastEmailFor(database, 'ada@example.org')
    const wrongFresh = fresh.code === '000000' ? '000001' : '000000'
    for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) {
      await signInWithCode(database.db, { email: 'ada@example.org', code: wrongFresh, now, origin, settings })
    }
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code: fresh.code, now, origin, settings })).toEqual({ ok: false, reason: 'invalid-code' })
  })

  test('every sign-in is in the audit trail with its address and browser', async () => {
    const person = await database.db.person.findUniqueOrThrow({ where: { email: 'ada@example.org' } })
    const events = await database.db.auditEvent.findMany({ where: { subject: `person:${person.id}`, type: 'SIGNED_IN' } })
    expect(events.length).toBe(2)
    expect(events[0]).toMatchObject({ actorId: person.id, ipAddress: '127.0.0.1', userAgent: 'vitest' })
  })
})

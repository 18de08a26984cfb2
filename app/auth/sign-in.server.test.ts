import { describe, expect, test } from 'vitest'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { client, generousLimits, now, origin, settings, useSignInDatabase, useSignInMailbox } from '../../tests/support/sign-in'
import { createDatabaseClient } from '~/db/client.server'
import { createSignInLimiters, type SignInLimiters } from './rate-limits.server'
import { acceptSignInRequest, inspectSignInLink, MAX_FAILED_CODE_ATTEMPTS, requestSignIn, signInWithCode, signInWithLink } from './sign-in.server'

const lastEmailFor = useSignInMailbox()

describe(`sign-in by link and code (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let limiters: SignInLimiters
  useSignInDatabase(generousLimits, async (opened) => {
    ;({ database, limiters } = opened)
    await database.db.person.createMany({
      data: [
        { email: 'ada@example.org', name: 'Ada' },
        { email: 'gone@example.org', name: 'Gone', isActive: false },
      ],
    })
  })

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
    const results = await Promise.all(Array.from({ length: 20 }, () => signInWithLink(database.db, { token, now, origin, settings, limiters })))
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
    expect(await signInWithLink(database.db, { token, now: later, origin, settings, limiters })).toEqual({ ok: false, reason: 'expired' })
    expect(await signInWithLink(database.db, { token: 'not-a-token', now, origin, settings, limiters })).toEqual({ ok: false, reason: 'unknown' })
  })

  test(`the code works once, and stops working after ${MAX_FAILED_CODE_ATTEMPTS} wrong guesses`, async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const { code } = await lastEmailFor(database, 'ada@example.org')
    const wrong = code === '000000' ? '000001' : '000000'
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code: wrong, now, origin, client, settings, limiters })).toEqual({ ok: false, reason: 'invalid-code' })
    const ok = await signInWithCode(database.db, { email: 'ADA@example.org', code, now, origin, client, settings, limiters })
    expect(ok.ok).toBe(true)
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code, now, origin, client, settings, limiters })).toEqual({ ok: false, reason: 'invalid-code' })

    await requestSignIn(database.db, { email: 'ada@example.org', now, settings })
    const fresh = await lastEmailFor(database, 'ada@example.org')
    const wrongFresh = fresh.code === '000000' ? '000001' : '000000'
    for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) {
      await signInWithCode(database.db, { email: 'ada@example.org', code: wrongFresh, now, origin, client, settings, limiters })
    }
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code: fresh.code, now, origin, client, settings, limiters })).toEqual({ ok: false, reason: 'invalid-code' })
  })

  test('every sign-in is in the audit trail with its address and browser', async () => {
    const person = await database.db.person.findUniqueOrThrow({ where: { email: 'ada@example.org' } })
    const events = await database.db.auditEvent.findMany({ where: { subject: `person:${person.id}`, type: 'SIGNED_IN' } })
    expect(events.length).toBe(2)
    expect(events[0]).toMatchObject({ actorId: person.id, ipAddress: '127.0.0.1', userAgent: 'vitest' })
  })
})

describe(`sign-in limits, per address across requests and per client (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let limiters: SignInLimiters
  const limits = {
    emailsPerAddress: { points: 3, windowMinutes: 10 },
    wrongCodesPerAddress: { points: 10, windowMinutes: 60 },
    requestsPerClient: { points: 1_000, windowMinutes: 10 },
  }
  useSignInDatabase(limits, async (opened) => {
    ;({ database, limiters } = opened)
    await database.db.person.createMany({
      data: ['grace', 'edsger', 'barbara', 'donald', 'frances', 'alan', 'leslie'].map((name) => ({ email: `${name}@example.org`, name })),
    })
  })

  const emailsTo = (to: string) => database.db.outboxMessage.count({ where: { toAddress: to } })
  const wrongCodeFor = (code: string) => (code === '000000' ? '000001' : '000000')
  const tryCode = (email: string, code: string, from = client) => signInWithCode(database.db, { email, code, now, origin, client: from, settings, limiters })
  /** The form's way in: within the limits, the email queued after the answer. */
  async function ask(email: string, { from = client, using = limiters, db = database.db, redirectTo }: { from?: string; using?: SignInLimiters; db?: TestDatabase['db']; redirectTo?: string } = {}) {
    const answer = await acceptSignInRequest(db, using, { email, client: from, redirectTo, now, settings })
    if (answer.status === 'accepted') await answer.queued
    return answer.status
  }

  test('wrong codes count per address across requests: past 10 in the window even the right code is refused, with when to retry', async () => {
    const email = 'grace@example.org'
    // Two requests, five wrong codes each (each request locks itself after five, as before).
    for (let round = 0; round < 2; round++) {
      await requestSignIn(database.db, { email, now, settings })
      const { code } = await lastEmailFor(database, email)
      for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) expect(await tryCode(email, wrongCodeFor(code))).toEqual({ ok: false, reason: 'invalid-code' })
    }
    // A third request: its own code is right, but the address has used up its codes.
    await requestSignIn(database.db, { email, now, settings })
    const { code } = await lastEmailFor(database, email)
    const refused = await tryCode(email, code)
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' })
    expect(refused.ok === false && refused.reason === 'rate-limited' && refused.retryAfterSeconds).toBeGreaterThan(59 * 60)
    expect(await database.db.session.count()).toBe(0)
    // Another client changes nothing: the count is the address's.
    expect(await tryCode(email, code, '203.0.113.9')).toMatchObject({ ok: false, reason: 'rate-limited' })
  })

  test('a used link clears the address\'s wrong codes; so does the end of the window', async () => {
    const email = 'edsger@example.org'
    await requestSignIn(database.db, { email, now, settings })
    const first = await lastEmailFor(database, email)
    for (let i = 0; i < limits.wrongCodesPerAddress.points; i++) await tryCode(email, wrongCodeFor(first.code))
    expect(await tryCode(email, first.code)).toMatchObject({ reason: 'rate-limited' })

    // Following the link proves the person reads the mail: codes work again.
    expect(await signInWithLink(database.db, { token: first.token, now, origin, settings, limiters })).toMatchObject({ ok: true })
    await requestSignIn(database.db, { email, now, settings })
    const second = await lastEmailFor(database, email)
    for (let i = 0; i < limits.wrongCodesPerAddress.points; i++) await tryCode(email, wrongCodeFor(second.code))
    expect(await tryCode(email, second.code)).toMatchObject({ reason: 'rate-limited' })

    // The window passes (its end moved into the past, as the clock would): codes work again (a fresh
    // request's: the last one locked itself after its own five wrong codes).
    await database.db.$executeRaw`UPDATE "RateLimit" SET expire = ${Date.now() - 1}`
    await requestSignIn(database.db, { email, now, settings })
    expect(await tryCode(email, (await lastEmailFor(database, email)).code)).toMatchObject({ ok: true })
  })

  test('an unknown address is limited exactly like a known one', async () => {
    for (const email of ['barbara@example.org', 'nobody-here@example.org']) {
      const answers = []
      for (let i = 0; i < limits.wrongCodesPerAddress.points + 1; i++) answers.push(await tryCode(email, '123456'))
      // Known or not, the codes are refused the same way, then limited after the same count.
      expect(answers.slice(0, -1).every((a) => !a.ok && a.reason === 'invalid-code')).toBe(true)
      expect(answers.at(-1)).toMatchObject({ ok: false, reason: 'rate-limited' })
    }
  })

  test('at most 3 emails per address per window; beyond, the same answer, nothing sent, and a log line that says why', async () => {
    const warnings: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      warnings.push(String(chunk))
      return write(chunk, ...rest)
    }) as typeof process.stderr.write
    let known: string[] = []
    let unknown: string[] = []
    try {
      for (let i = 0; i < 10; i++) known.push(await ask('donald@example.org'))
      for (let i = 0; i < 10; i++) unknown.push(await ask('no-account@example.org'))
    } finally {
      process.stderr.write = write
    }
    expect(await emailsTo('donald@example.org')).toBe(3)
    // The same answers for an address without an account: the limit tells nobody who exists.
    expect(known).toEqual([...Array(3).fill('accepted'), ...Array(7).fill('address-limited')])
    expect(unknown).toEqual(known)
    const lines = warnings.filter((line) => line.includes('sign-in email not sent')).map((line) => JSON.parse(line))
    expect(lines).toHaveLength(14)
    expect(lines[0]).toMatchObject({ level: 'warn', address: 'd***@example.org', limit: 3, windowMinutes: 10 })
    expect(warnings.join('')).not.toContain('donald@example.org')
  })

  test('per client: past its limit a client is refused (requests and codes alike), other clients are not', async () => {
    const strict = createSignInLimiters(database.url, { ...limits, requestsPerClient: { points: 4, windowMinutes: 10 } })
    try {
      const from = '198.51.100.7'
      expect(await ask('frances@example.org', { from, using: strict })).toBe('accepted')
      expect(await ask('alan@example.org', { from, using: strict })).toBe('accepted')
      expect(await signInWithCode(database.db, { email: 'alan@example.org', code: '123456', now, origin, client: from, settings, limiters: strict })).toMatchObject({ reason: 'invalid-code' })
      expect(await ask('leslie@example.org', { from, using: strict })).toBe('accepted')
      const refused = await acceptSignInRequest(database.db, strict, { email: 'leslie@example.org', client: from, now, settings })
      expect(refused).toMatchObject({ status: 'client-limited' })
      expect(refused.status === 'client-limited' && refused.retryAfterSeconds).toBeGreaterThan(9 * 60)
      expect(await signInWithCode(database.db, { email: 'alan@example.org', code: '123456', now, origin, client: from, settings, limiters: strict })).toMatchObject({ reason: 'rate-limited' })
      expect(await emailsTo('leslie@example.org')).toBe(1)
      expect(await ask('leslie@example.org', { from: '198.51.100.8', using: strict })).toBe('accepted')
      expect(await emailsTo('leslie@example.org')).toBe(2)
    } finally {
      await strict.close()
    }
  })

  test('the limits hold across app instances: a second client and limiter on the same database continue the count', async () => {
    const email = 'alan@example.org'
    const before = await emailsTo(email)
    const secondDb = createDatabaseClient(database.url, { maxConnections: 2 })
    const secondLimiters = createSignInLimiters(database.url, limits)
    try {
      // alan has had one email from the per-client test: two more here, one of them from the other instance.
      expect(await ask(email)).toBe('accepted')
      expect(await ask(email, { db: secondDb, using: secondLimiters })).toBe('accepted')
      expect(await ask(email, { db: secondDb, using: secondLimiters })).toBe('address-limited')
      expect(await ask(email)).toBe('address-limited')
      expect(await emailsTo(email)).toBe(before + 2)

      for (let i = 0; i < limits.wrongCodesPerAddress.points; i++) {
        const instance = i % 2 === 0 ? { db: database.db, limiters } : { db: secondDb, limiters: secondLimiters }
        await signInWithCode(instance.db, { email: 'wrong-everywhere@example.org', code: '123456', now, origin, client, settings, limiters: instance.limiters })
      }
      expect(await signInWithCode(secondDb, { email: 'wrong-everywhere@example.org', code: '123456', now, origin, client, settings, limiters: secondLimiters })).toMatchObject({
        reason: 'rate-limited',
      })
      expect(await signInWithCode(database.db, { email: 'wrong-everywhere@example.org', code: '123456', now, origin, client, settings, limiters })).toMatchObject({
        reason: 'rate-limited',
      })
    } finally {
      await secondLimiters.close()
      await secondDb.$disconnect()
    }
  })
})

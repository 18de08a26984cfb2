import { describe, expect, test } from 'vitest'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { client, generousLimits, now, origin, settings, useSignInDatabase, useSignInMailbox } from '../../tests/support/sign-in'
import type { SignInLimiters } from './rate-limits.server'
import { requestSignIn, signInWithCode, signInWithLink } from './sign-in.server'
import { hashToken } from './tokens.server'

const lastEmailFor = useSignInMailbox()

describe(`sign-in returns where it started (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let limiters: SignInLimiters
  useSignInDatabase(generousLimits, async (opened) => {
    ;({ database, limiters } = opened)
    await database.db.person.create({ data: { email: 'ada@example.org', name: 'Ada' } })
  })
  const signOffPath = '/sign-off/Zm9yd2FyZGVkLXNpZ24tb2ZmLXRva2VuLWZvci10ZXN0cw'

  test('by link: back on the page, kept encrypted on the request (never in the link), and forgotten once used', async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: signOffPath })
    const { token, text } = await lastEmailFor(database, 'ada@example.org')
    expect(text).not.toContain('sign-off')
    const stored = await database.db.signInRequest.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })
    expect(stored.sealedRedirectTo).toBeTruthy()
    expect(stored.sealedRedirectTo).not.toContain('sign-off')
    expect(stored.sealedRedirectTo).not.toContain('Zm9yd2FyZGVk')

    expect(await signInWithLink(database.db, { token, now, origin, settings, limiters })).toMatchObject({ ok: true, redirectTo: signOffPath })
    expect((await database.db.signInRequest.findUniqueOrThrow({ where: { id: stored.id } })).sealedRedirectTo).toBeNull()
  })

  test('by code: back on the page too', async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: '/justifications?status=DRAFT' })
    const { code } = await lastEmailFor(database, 'ada@example.org')
    expect(await signInWithCode(database.db, { email: 'ada@example.org', code, now, origin, client, settings, limiters })).toMatchObject({
      ok: true,
      redirectTo: '/justifications?status=DRAFT',
    })
  })

  test.each([['https://evil.example/phish'], ['//evil.example/phish'], ['/\\evil.example'], [null]])('only same-origin paths: %s lands on /', async (target) => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: target })
    const { token } = await lastEmailFor(database, 'ada@example.org')
    expect(await signInWithLink(database.db, { token, now, origin, settings, limiters })).toMatchObject({ ok: true, redirectTo: '/' })
  })

  test('a return path moved to another request, or read with another secret, is not followed', async () => {
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: signOffPath })
    const original = await lastEmailFor(database, 'ada@example.org')
    const { sealedRedirectTo: sealed } = await database.db.signInRequest.findUniqueOrThrow({ where: { tokenHash: hashToken(original.token) } })
    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: '/profile' })
    const moved = await lastEmailFor(database, 'ada@example.org')
    await database.db.signInRequest.update({ where: { tokenHash: hashToken(moved.token) }, data: { sealedRedirectTo: sealed } })
    expect(await signInWithLink(database.db, { token: moved.token, now, origin, settings, limiters })).toMatchObject({ ok: true, redirectTo: '/' })

    await requestSignIn(database.db, { email: 'ada@example.org', now, settings, redirectTo: signOffPath })
    const rotated = await lastEmailFor(database, 'ada@example.org')
    const otherSecret = { ...settings, secret: 't'.repeat(40) }
    expect(await signInWithLink(database.db, { token: rotated.token, now, origin, settings: otherSecret, limiters })).toMatchObject({ ok: true, redirectTo: '/' })
  })
})

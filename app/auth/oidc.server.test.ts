import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { startOidcProvider, type TestOidcProvider } from '../../tests/support/oidc-provider'
import { beginSingleSignOn, completeSingleSignOn, forgetOidcConfigurations, SSO_CALLBACK_PATH, type OidcSettings, type SsoFlow } from './oidc.server'

// Single sign-on against a real OpenID provider (oidc-provider, started here): the whole code flow
// through openid-client, and each way it must refuse. The browser's part is played by fetch
// (tests/support/oidc-provider.ts); tests/e2e/single-sign-on.spec.ts plays it in Chromium.

const APP_URL = 'http://localhost:3000'
const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }
const signOffPath = '/sign-off/Zm9yd2FyZGVkLXNpZ24tb2ZmLXRva2VuLWZvci10ZXN0cw'

describe(`single sign-on with OpenID Connect (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let idp: TestOidcProvider
  let settings: OidcSettings

  beforeAll(async () => {
    database = await createTestDatabase()
    idp = await startOidcProvider({ redirectUris: [`${APP_URL}${SSO_CALLBACK_PATH}`] })
    settings = {
      issuerUrl: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri: `${APP_URL}${SSO_CALLBACK_PATH}`,
      scope: 'openid email profile',
      emailClaim: 'email',
      providerName: 'Test SSO',
      sessionTtlDays: 14,
    }
    await database.db.person.createMany({
      data: [
        { email: 'ada@example.org', name: 'Ada' },
        { email: 'gone@example.org', name: 'Gone', isActive: false },
      ],
    })
    idp.addAccount('ada', { email: 'Ada@Example.org', email_verified: true, name: 'Ada L.' })
    idp.addAccount('ada-unverified', { email: 'ada@example.org', email_verified: false })
    idp.addAccount('ada-no-verified-claim', { email: 'ada@example.org' })
    idp.addAccount('stranger', { email: 'stranger@example.org', email_verified: true })
    idp.addAccount('gone', { email: 'gone@example.org', email_verified: true })
    idp.addAccount('ada-by-organisation', { organisation_email: 'ada@example.org' })
    idp.addAccount('nobody-address', { name: 'No Address' })
  })
  afterAll(async () => {
    await idp?.stop()
    await database?.drop()
  })

  /** Starts a flow, signs in at the provider as `login`, and returns the flow and the callback URL. */
  async function atTheProvider(login: string, { redirectTo = null as string | null, using = settings, cancel = false } = {}) {
    const started = await beginSingleSignOn(using, { redirectTo, now: new Date() })
    if (!started.ok) throw new Error(`could not start: ${started.reason}`)
    const callbackUrl = await idp.signInWithoutBrowser(started.authorizationUrl, login, { cancel })
    return { flow: started.flow, callbackUrl, authorizationUrl: new URL(started.authorizationUrl) }
  }
  const complete = (flow: SsoFlow | null, callbackUrl: URL, using = settings) => completeSingleSignOn(database.db, { settings: using, flow, callbackUrl, now: new Date(), origin })
  const sessionsOf = (email: string) => database.db.session.count({ where: { person: { email } } })

  test('signs in by the verified address: a session as the emailed link makes one, the audit event, and back to where it started', async () => {
    const { flow, callbackUrl, authorizationUrl } = await atTheProvider('ada', { redirectTo: signOffPath })
    // What was sent: the code flow with PKCE (S256), a state and a nonce, none of them the verifier.
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: idp.clientId,
      redirect_uri: `${APP_URL}/sign-in/sso/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    })
    expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(authorizationUrl.href).not.toContain(flow.codeVerifier)
    expect(callbackUrl.searchParams.get('state')).toBe(flow.state)

    const before = await sessionsOf('ada@example.org')
    const result = await complete(flow, callbackUrl)
    expect(result).toMatchObject({ ok: true, redirectTo: signOffPath })
    if (!result.ok) return
    const session = await database.db.session.findUniqueOrThrow({ where: { id: result.sessionId }, include: { person: true } })
    expect(session.person.email).toBe('ada@example.org')
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(14 * 24 * 60 * 60 * 1000)
    expect(session).toMatchObject({ ipAddress: '127.0.0.1', userAgent: 'vitest' })
    expect(await sessionsOf('ada@example.org')).toBe(before + 1)
    const events = await database.db.auditEvent.findMany({ where: { type: 'SIGNED_IN', actorId: session.personId } })
    expect(events.map((event) => event.payload)).toContainEqual({ method: 'sso' })
  })

  test('an answer whose state is not the flow’s is refused before the code is used', async () => {
    const { flow, callbackUrl } = await atTheProvider('ada')
    const forged = new URL(callbackUrl)
    forged.searchParams.set('state', `${flow.state}x`)
    const before = await sessionsOf('ada@example.org')
    expect(await complete(flow, forged)).toMatchObject({ ok: false, reason: 'wrong-state' })
    const withoutState = new URL(callbackUrl)
    withoutState.searchParams.delete('state')
    expect(await complete(flow, withoutState)).toMatchObject({ ok: false, reason: 'wrong-state' })
    // Another browser's flow (its own state) does not take this answer either.
    const other = await beginSingleSignOn(settings, { redirectTo: null, now: new Date() })
    expect(other.ok && (await complete(other.flow, callbackUrl))).toMatchObject({ ok: false, reason: 'wrong-state' })
    expect(await sessionsOf('ada@example.org')).toBe(before)
    // The code was never spent: the right flow still signs in with it.
    expect(await complete(flow, callbackUrl)).toMatchObject({ ok: true })
  })

  test('a replayed code is refused by the provider, and opens no second session', async () => {
    const { flow, callbackUrl } = await atTheProvider('ada')
    expect(await complete(flow, callbackUrl)).toMatchObject({ ok: true })
    const before = await sessionsOf('ada@example.org')
    expect(await complete(flow, callbackUrl)).toMatchObject({ ok: false, reason: 'code-rejected' })
    expect(await sessionsOf('ada@example.org')).toBe(before)
  })

  test('the code is bound to the PKCE verifier and the ID token to the nonce', async () => {
    const wrongVerifier = await atTheProvider('ada')
    expect(await complete({ ...wrongVerifier.flow, codeVerifier: 'v'.repeat(43) }, wrongVerifier.callbackUrl)).toMatchObject({ ok: false, reason: 'code-rejected' })
    const wrongNonce = await atTheProvider('ada')
    expect(await complete({ ...wrongNonce.flow, nonce: 'another-nonce' }, wrongNonce.callbackUrl)).toMatchObject({ ok: false, reason: 'invalid-response' })
  })

  test('an address the provider does not say is verified is refused', async () => {
    for (const login of ['ada-unverified', 'ada-no-verified-claim']) {
      const { flow, callbackUrl } = await atTheProvider(login)
      expect(await complete(flow, callbackUrl), login).toMatchObject({ ok: false, reason: 'unverified-email' })
    }
  })

  test('somebody SoleSource does not know, or no longer active, is refused; so is an answer without an address', async () => {
    for (const [login, reason] of [
      ['stranger', 'unknown-person'],
      ['gone', 'unknown-person'],
    ] as const) {
      const { flow, callbackUrl } = await atTheProvider(login, { redirectTo: signOffPath })
      // The return path is kept for the next attempt (the refusal page offers it again).
      expect(await complete(flow, callbackUrl), login).toEqual({ ok: false, reason, redirectTo: signOffPath })
    }
    expect(await sessionsOf('gone@example.org')).toBe(0)
    const byClaim = { ...settings, emailClaim: 'organisation_email', scope: 'openid organisation' }
    const { flow, callbackUrl } = await atTheProvider('nobody-address', { using: byClaim })
    expect(await complete(flow, callbackUrl, byClaim)).toMatchObject({ ok: false, reason: 'no-email' })
  })

  test('a configured claim names the address: the provider’s word, without email_verified', async () => {
    const byClaim = { ...settings, emailClaim: 'organisation_email', scope: 'openid organisation' }
    const { flow, callbackUrl } = await atTheProvider('ada-by-organisation', { using: byClaim })
    expect(await complete(flow, callbackUrl, byClaim)).toMatchObject({ ok: true })
  })

  test('claims in the UserInfo answer (this provider) or in the ID token (most): UserInfo is asked only when needed', async () => {
    const before = idp.userInfoRequests()
    const { flow, callbackUrl } = await atTheProvider('ada')
    expect(await complete(flow, callbackUrl)).toMatchObject({ ok: true })
    expect(idp.userInfoRequests()).toBe(before + 1)

    const inIdToken = await startOidcProvider({ redirectUris: [settings.redirectUri], claimsInIdToken: true })
    try {
      inIdToken.addAccount('ada', { email: 'ada@example.org', email_verified: true })
      inIdToken.addAccount('ada-unverified', { email: 'ada@example.org', email_verified: false })
      const other = { ...settings, issuerUrl: inIdToken.issuer }
      for (const [login, expected] of [
        ['ada', { ok: true }],
        ['ada-unverified', { ok: false, reason: 'unverified-email' }],
      ] as const) {
        const started = await beginSingleSignOn(other, { redirectTo: null, now: new Date() })
        if (!started.ok) throw new Error('could not start')
        const back = await inIdToken.signInWithoutBrowser(started.authorizationUrl, login)
        expect(await complete(started.flow, back, other), login).toMatchObject(expected)
      }
      expect(inIdToken.userInfoRequests()).toBe(0)
    } finally {
      await inIdToken.stop()
    }
  })

  test('cancelling at the provider comes back as its error, and is refused', async () => {
    const { flow, callbackUrl } = await atTheProvider('ada', { cancel: true })
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied')
    expect(await complete(flow, callbackUrl)).toMatchObject({ ok: false, reason: 'provider-error' })
  })

  test('no flow in the browser, or one older than ten minutes, is refused', async () => {
    const { flow, callbackUrl } = await atTheProvider('ada')
    expect(await complete(null, callbackUrl)).toEqual({ ok: false, reason: 'no-flow', redirectTo: '/' })
    expect(await complete({ ...flow, startedAt: Date.now() - 11 * 60_000 }, callbackUrl)).toMatchObject({ ok: false, reason: 'no-flow' })
  })

  test('only same-origin return paths are kept', async () => {
    for (const target of ['https://evil.example/phish', '//evil.example', '/\\evil.example']) {
      const started = await beginSingleSignOn(settings, { redirectTo: target, now: new Date() })
      expect(started.ok && started.flow.redirectTo, target).toBe('/')
    }
  })

  test('a provider that cannot be reached, at the start or at the exchange, is said to be unavailable', async () => {
    const { flow, callbackUrl } = await atTheProvider('ada')
    await idp.pause()
    try {
      expect(await complete(flow, callbackUrl)).toMatchObject({ ok: false, reason: 'unavailable' })
      forgetOidcConfigurations()
      expect(await beginSingleSignOn(settings, { redirectTo: null, now: new Date() })).toEqual({ ok: false, reason: 'unavailable' })
    } finally {
      await idp.restart()
    }
    // Back: the next sign-in discovers it again.
    const again = await atTheProvider('ada')
    expect(await complete(again.flow, again.callbackUrl)).toMatchObject({ ok: true })
  })
})

import * as oidc from 'openid-client'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { errorFields, log } from '~/server/logger.server'
import { createSession, safeRedirectTarget } from './session.server'
import { normaliseEmail } from './sign-in.server'
import type { SsoRefusal } from './oidc-refusals'
import { constantTimeEqual } from './tokens.server'

// Single sign-on with OpenID Connect (ADR 048): the authorisation code flow with PKCE, state and
// nonce, through openid-client. The routes (app/routes/sign-in.sso.*) only carry requests and
// cookies; what is checked, and why a sign-in is refused, is here.

export type OidcSettings = {
  issuerUrl: string
  clientId: string
  clientSecret: string
  /** Where the provider sends the browser back: {APP_URL}/sign-in/sso/callback (registered at the provider). */
  redirectUri: string
  scope: string
  /** The claim that holds the person's address; "email" counts only with email_verified true. */
  emailClaim: string
  /** What the sign-in button names; null: the catalogue's words for "your organisation's single sign-on". */
  providerName: string | null
  sessionTtlDays: number
}

export const SSO_CALLBACK_PATH = '/sign-in/sso/callback'

/** A flow started here lives this long: the person signs in at the provider within it. */
export const SSO_FLOW_TTL_SECONDS = 10 * 60

/** The single sign-on of this installation, or null when the OIDC variables are not set. */
export function oidcSettingsFromEnv(): OidcSettings | null {
  const env = getEnv()
  if (!env.OIDC_ISSUER_URL || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null
  return {
    issuerUrl: env.OIDC_ISSUER_URL,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: `${env.APP_URL}${SSO_CALLBACK_PATH}`,
    scope: env.OIDC_SCOPE,
    emailClaim: env.OIDC_EMAIL_CLAIM,
    providerName: env.OIDC_PROVIDER_NAME ?? null,
    sessionTtlDays: env.SESSION_TTL_DAYS,
  }
}

/** Whether the emailed link and code still sign in here (SIGN_IN_EMAIL_LINKS, default true). */
export function emailSignInEnabled(): boolean {
  return getEnv().SIGN_IN_EMAIL_LINKS
}

/**
 * What the browser keeps between leaving for the provider and coming back (a sealed, HttpOnly
 * cookie: app/auth/oidc-flow.server.ts); only the state and nonce are sent to the provider.
 */
export type SsoFlow = {
  state: string
  nonce: string
  codeVerifier: string
  /** A same-origin path (safeRedirectTarget), e.g. a sign-off page in strict mode. */
  redirectTo: string
  /** Milliseconds since the epoch: the cookie's own expiry is the browser's to honour, this is ours. */
  startedAt: number
}

const DISCOVERY_TIMEOUT_SECONDS = 10

const configurations = new Map<string, Promise<oidc.Configuration>>()

/**
 * The provider's metadata, discovered once per process. A failed discovery is forgotten, so that the
 * next sign-in tries again once the provider is back.
 */
function configurationFor(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuerUrl}\n${settings.clientId}`
  let configuration = configurations.get(key)
  if (!configuration) {
    const insecure = new URL(settings.issuerUrl).protocol === 'http:'
    configuration = oidc.discovery(new URL(settings.issuerUrl), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // Only a loopback issuer may be plain HTTP (env.server.ts refuses any other).
      execute: insecure ? [oidc.allowInsecureRequests] : [],
    })
    configuration.catch(() => configurations.delete(key))
    configurations.set(key, configuration)
  }
  return configuration
}

/** For tests that stop and restart a provider on the same address. */
export function forgetOidcConfigurations() {
  configurations.clear()
}

export type SsoStart = { ok: true; authorizationUrl: string; flow: SsoFlow } | { ok: false; reason: 'unavailable' }

/** Where to send the browser to sign in at the provider, and the flow to keep until it comes back. */
export async function beginSingleSignOn(settings: OidcSettings, { redirectTo, now }: { redirectTo: string | null | undefined; now: Date }): Promise<SsoStart> {
  let configuration: oidc.Configuration
  try {
    configuration = await configurationFor(settings)
  } catch (error) {
    log.warn('single sign-on: the identity provider could not be discovered', { issuer: settings.issuerUrl, ...errorFields(error) })
    return { ok: false, reason: 'unavailable' }
  }
  const flow: SsoFlow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    redirectTo: safeRedirectTarget(redirectTo),
    startedAt: now.getTime(),
  }
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: settings.scope,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  })
  return { ok: true, authorizationUrl: url.href, flow }
}

export type SsoResult =
  | { ok: true; sessionId: string; expiresAt: Date; redirectTo: string; personId: string }
  | { ok: false; reason: SsoRefusal; redirectTo: string }

/**
 * The browser is back from the provider at `callbackUrl`. Checks the flow it started, exchanges the
 * code (with the PKCE verifier; openid-client checks state, issuer and nonce), finds the person by
 * their address, and opens a session as the emailed link does (app/auth/sign-in.server.ts).
 */
export async function completeSingleSignOn(
  db: Database,
  { settings, flow, callbackUrl, now, origin }: { settings: OidcSettings; flow: SsoFlow | null; callbackUrl: URL; now: Date; origin: RequestOrigin },
): Promise<SsoResult> {
  const refuse = (reason: SsoRefusal, detail: Record<string, unknown> = {}): SsoResult => {
    log.warn('single sign-on refused', { reason, ...detail })
    return { ok: false, reason, redirectTo: flow ? safeRedirectTarget(flow.redirectTo) : '/' }
  }
  if (!flow || now.getTime() - flow.startedAt > SSO_FLOW_TTL_SECONDS * 1000 || now.getTime() < flow.startedAt - 60_000) return refuse('no-flow')
  // Checked here as well as by openid-client, so that a forged answer is named for what it is
  // (openid-client reads an error parameter only after the state matches, as it should).
  const state = callbackUrl.searchParams.get('state')
  if (!state || !constantTimeEqual(state, flow.state)) return refuse('wrong-state')

  let configuration: oidc.Configuration
  try {
    configuration = await configurationFor(settings)
  } catch (error) {
    return refuse('unavailable', errorFields(error))
  }

  let claims: Record<string, unknown>
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    })
    const idToken = tokens.claims()
    if (!idToken) return refuse('invalid-response')
    claims = { ...idToken }
    // Providers that follow the specification to the letter (oidc-provider among them) put the
    // scopes' claims in the UserInfo answer, not in the ID token, when an access token is issued.
    const missing = claims[settings.emailClaim] === undefined || (settings.emailClaim === 'email' && claims.email_verified === undefined)
    if (missing && tokens.access_token) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      claims = { ...userInfo, ...claims }
    }
  } catch (error) {
    return refuse(...classify(error))
  }

  const address = claims[settings.emailClaim]
  // email_verified speaks of the email claim only; another configured claim is the provider's own word.
  if (settings.emailClaim === 'email' && claims.email_verified !== true) return refuse('unverified-email', { subject: claims.sub })
  if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address.trim())) return refuse('no-email', { subject: claims.sub, claim: settings.emailClaim })

  const person = await db.person.findUnique({ where: { email: normaliseEmail(address) } })
  if (!person || !person.isActive) return refuse('unknown-person', { subject: claims.sub })
  const session = await db.$transaction(async (tx) => {
    const created = await createSession(tx, { personId: person.id, now, origin, ttlDays: settings.sessionTtlDays })
    await appendAuditEvent(tx, { type: 'SIGNED_IN', actorId: person.id, subject: `person:${person.id}`, payload: { method: 'sso' }, origin, at: now })
    return created
  })
  return { ok: true, sessionId: session.id, expiresAt: session.expiresAt, redirectTo: safeRedirectTarget(flow.redirectTo), personId: person.id }
}

/** Why openid-client gave up, as a refusal the page can explain, and what the log keeps of it. */
function classify(error: unknown): [SsoRefusal, Record<string, unknown>] {
  if (error instanceof oidc.AuthorizationResponseError) return ['provider-error', { error: error.error, description: error.error_description }]
  if (error instanceof oidc.ResponseBodyError) {
    return [error.error === 'invalid_grant' ? 'code-rejected' : 'provider-error', { error: error.error, status: error.status, description: error.error_description }]
  }
  if (isUnreachable(error)) return ['unavailable', errorFields(error)]
  return ['invalid-response', errorFields(error)]
}

/** A network failure or a timeout: fetch throws a TypeError, and an aborted request a DOMException. */
function isUnreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof TypeError && /fetch failed/i.test(cause.message)) return true
    if (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError')) return true
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'OAUTH_TIMEOUT'].includes(code)) return true
  }
  return false
}

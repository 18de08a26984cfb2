import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import { freePort } from './smtp'

/**
 * A real OpenID provider for the single sign-on tests (ADR 048): the certified `oidc-provider`,
 * on a free port of this machine, with one confidential client and the accounts a test adds. Its
 * login page is a small form of our own (a login name, "Sign in at the provider" or "Cancel"); consent
 * is granted at once, as an organisation's provider does for its own applications.
 *
 * The app's address is known only once the app is started, and the app needs the issuer's address
 * to start: so the server listens first, and `allowRedirectUri` sets up the provider behind it.
 */
export type TestAccountClaims = { email?: string; email_verified?: boolean; name?: string; organisation_email?: string }

export type TestOidcProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  /** The variables that point an app at this provider. */
  env: { OIDC_ISSUER_URL: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string }
  /** Registers the app's callback (its full URL) as the client's redirect URI. */
  allowRedirectUri: (uri: string) => void
  /** A person the provider knows, signing in with `login`. */
  addAccount: (login: string, claims: TestAccountClaims) => void
  /** Follows an authorisation URL as a browser would, signing in as `login` (or cancelling), to the redirect back. */
  signInWithoutBrowser: (authorizationUrl: string, login: string, options?: { cancel?: boolean }) => Promise<URL>
  /** How many times the UserInfo endpoint was asked. */
  userInfoRequests: () => number
  /** The provider goes away (connections refused) until `restart`. */
  pause: () => Promise<void>
  restart: () => Promise<void>
  stop: () => Promise<void>
}

const CLIENT_ID = 'solesource-tests'
const CLIENT_SECRET = 'a-client-secret-for-the-single-sign-on-tests'

/**
 * `claimsInIdToken`: the scopes' claims in the ID token too (as Keycloak and most providers do);
 * otherwise, as the specification has it, in the UserInfo answer only.
 */
export async function startOidcProvider({ redirectUris = [], claimsInIdToken = false }: { redirectUris?: string[]; claimsInIdToken?: boolean } = {}): Promise<TestOidcProvider> {
  const port = await freePort()
  const issuer = `http://localhost:${port}`
  const accounts = new Map<string, TestAccountClaims>()
  const allowed = new Set(redirectUris)
  let provider: Provider | undefined
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  let userInfoRequests = 0

  const build = () => {
    provider = new Provider(issuer, { ...configuration(accounts, [...allowed]), conformIdTokenClaims: !claimsInIdToken })
    handler = provider.callback()
  }
  if (allowed.size > 0) build()

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', issuer)
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end()
    if (!provider || !handler) return void res.writeHead(503).end('no client registered yet')
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname)
    if (interaction) return interact(provider, accounts, interaction[1]!, req, res)
    if (url.pathname === '/me') userInfoRequests++
    handler(req, res)
  }

  const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()))
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  await listen()
  if ((server.address() as AddressInfo).port !== port) throw new Error('the test provider did not get its port')

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    env: { OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET },
    allowRedirectUri(uri) {
      allowed.add(uri)
      build()
    },
    addAccount(login, claims) {
      accounts.set(login, claims)
    },
    userInfoRequests: () => userInfoRequests,
    signInWithoutBrowser: (authorizationUrl, login, options) => followAsABrowser(authorizationUrl, login, [...allowed], options?.cancel ?? false),
    pause: close,
    restart: listen,
    stop: close,
  }
}

function configuration(accounts: Map<string, TestAccountClaims>, redirectUris: string[]): Configuration {
  return {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    // `organisation` stands for a provider's own claim holding the address (OIDC_EMAIL_CLAIM).
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], organisation: ['organisation_email'] },
    scopes: ['openid', 'email', 'profile', 'organisation'],
    async findAccount(_ctx, id) {
      const claims = accounts.get(id)
      if (!claims) return undefined
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) }
    },
    // The code must come with its PKCE verifier, whatever the client.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Consent is the organisation's to give for its own applications: granted at once, for what was asked.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc
      if (!client || !session?.accountId) return undefined
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId)
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId)
        if (existing) return existing
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId })
      grant.addOIDCScope(String(params?.scope ?? 'openid'))
      await grant.save()
      return grant
    },
    cookies: { keys: ['test-provider-cookie-key-0123456789abcdef'] },
    // Short lives, set here so the provider does not warn that the defaults were taken.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    // The tests' own clock is the machine's: no leeway needed, but no surprise either.
    clockTolerance: 5,
  } as Configuration
}

/** The provider's login page: GET shows the form, POST signs in (or cancels) and resumes the flow. */
async function interact(provider: Provider, accounts: Map<string, TestAccountClaims>, uid: string, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res)
  if (details.uid !== uid) return void res.writeHead(400).end('interaction mismatch')
  if (req.method === 'POST') {
    const form = new URLSearchParams(await bodyOf(req))
    if (form.get('action') === 'cancel') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled at the provider.' }, { mergeWithLastSubmission: false })
    }
    const login = form.get('login') ?? ''
    if (!accounts.has(login)) return page(res, uid, `No account "${login}" at this provider.`)
    return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false })
  }
  return page(res, uid)
}

function page(res: ServerResponse, uid: string, problem?: string) {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><h1>Test identity provider</h1>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label>Login <input name="login" autocomplete="username" autofocus></label>
<button name="action" value="login">Sign in at the provider</button>
<button name="action" value="cancel">Cancel</button>
</form></body></html>`)
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * The browser's part, for tests without one: follows redirects with the provider's cookies, fills
 * the login form, and stops at the redirect to one of the client's redirect URIs (not followed).
 */
async function followAsABrowser(authorizationUrl: string, login: string, redirectUris: string[], cancel: boolean): Promise<URL> {
  const jar = new Map<string, string>()
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at).trim()
      const value = pair!.slice(at + 1)
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
  }
  let url = new URL(authorizationUrl)
  let body: URLSearchParams | undefined
  for (let hop = 0; hop < 20; hop++) {
    if (redirectUris.some((uri) => url.href.startsWith(`${uri}?`))) return url
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, headers: { cookie: cookie(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, redirect: 'manual' })
    remember(response)
    body = undefined
    const location = response.headers.get('location')
    if (location) {
      url = new URL(location, url)
      continue
    }
    const html = await response.text()
    if (response.status === 200 && html.includes('Test identity provider') && !html.includes('role="alert"')) {
      body = new URLSearchParams({ login, action: cancel ? 'cancel' : 'login' })
      continue
    }
    throw new Error(`the test provider answered ${response.status} at ${url.href}: ${html.slice(0, 500)}`)
  }
  throw new Error('too many redirects at the test provider')
}

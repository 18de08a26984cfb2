import type { Browser, BrowserContext, Cookie, Page } from '@playwright/test'
import { startApp, type RunningApp } from '../support/app'
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/database'
import { fileJustifications } from '../support/justifications'
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider'
import { linkIn, recipientsOf, startSmtpServer, type TestSmtpServer } from '../support/smtp'
import { expect, REQUESTER, test } from './fixtures'

// Single sign-on (issue 15 point 1, ADR 048) in Chromium, against a real OpenID provider started here
// (oidc-provider, tests/support/oidc-provider.ts). Each group runs an app of its own with the OIDC
// variables: the journeys' shared app has none. Every page, the provider's included, fails the test
// on a page error or console error (the fixtures watch every context).

const SESSION_SECRET = 'sso-secret-sso-secret-sso-secret-sso-secret'
const GROUP_LEADER = 'marta.mendes@example.org'
const SSO_BUTTON = 'Sign in with Test SSO'

type Harness = { app: RunningApp; smtp: TestSmtpServer; database: EmptyTestDatabase; idp: TestOidcProvider }

async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const idp = await startOidcProvider()
  const smtp = await startSmtpServer()
  const database = await createEmptyTestDatabase()
  const app = await startApp({
    DATABASE_URL: database.url,
    SESSION_SECRET,
    SEED_DEMO_DATA: 'true',
    SEED_DEMO_CONTRACTS: 'false',
    SMTP_URL: smtp.url,
    ...idp.env,
    OIDC_PROVIDER_NAME: 'Test SSO',
    ...env,
  })
  idp.allowRedirectUri(`${app.url}/sign-in/sso/callback`)
  idp.addAccount('rita', { email: REQUESTER, email_verified: true, name: 'Rita Romano' })
  idp.addAccount('marta', { email: GROUP_LEADER, email_verified: true, name: 'Marta Mendes' })
  idp.addAccount('rita-unverified', { email: REQUESTER, email_verified: false })
  idp.addAccount('stranger', { email: 'stranger@example.org', email_verified: true })
  return { app, smtp, database, idp }
}

async function stopHarness(harness: Harness | undefined) {
  await harness?.app.stop()
  await harness?.database.drop()
  await harness?.smtp.stop()
  await harness?.idp.stop()
}

async function sql<T>(harness: Harness, text: string, values: unknown[] = []): Promise<T[]> {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: harness.database.url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

async function newPage(browser: Browser, harness: Harness): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: harness.app.url })
  return { context, page: await context.newPage() }
}

/** From SoleSource's sign-in page to the provider's login form. */
async function toTheProvider(page: Page) {
  await page.getByRole('link', { name: SSO_BUTTON }).click()
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible()
}

async function signInAtTheProvider(page: Page, login: string) {
  await page.getByLabel('Login').fill(login)
  await page.getByRole('button', { name: 'Sign in at the provider' }).click()
}

/**
 * Signs in at the provider as `login` and returns the address the provider sent the browser back to
 * (its code and state). Playwright does not route a redirect's next request, so the browser goes on:
 * whatever that answer did, it is the address a replay or a forgery reuses.
 */
async function signInRecordingTheCallback(page: Page, login: string): Promise<string> {
  const sent: string[] = []
  const record = (request: { url: () => string }) => {
    if (new URL(request.url()).pathname === '/sign-in/sso/callback') sent.push(request.url())
  }
  page.on('request', record)
  await signInAtTheProvider(page, login)
  await expect.poll(() => sent.length).toBe(1)
  await page.waitForURL((url) => url.pathname !== '/sign-in/sso/callback' && url.origin === new URL(sent[0]!).origin)
  page.off('request', record)
  return sent[0]!
}

async function expectSignedOut(page: Page) {
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2F$/)
}

test.describe('single sign-on next to the emailed links', () => {
  let harness: Harness
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    harness = await startHarness()
  })
  test.afterAll(async () => stopHarness(harness))

  test('the sign-in page offers single sign-on first; the person signs in at the provider and lands signed in', async ({ browser }) => {
    const { context, page } = await newPage(browser, harness)
    await page.goto('/sign-in')
    const button = page.getByRole('link', { name: SSO_BUTTON })
    const emailField = page.getByLabel('Email address')
    await expect(button).toBeVisible()
    await expect(emailField).toBeVisible()
    expect((await button.boundingBox())!.y).toBeLessThan((await emailField.boundingBox())!.y)

    await toTheProvider(page)
    await signInAtTheProvider(page, 'rita')
    await expect(page).toHaveURL(`${harness.app.url}/`)
    await expect(page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
    // The flow's cookie is spent; the session is the app's own, HttpOnly.
    const cookies = await context.cookies()
    expect(cookies.find((cookie) => cookie.name === 'solesource_sso')).toBeUndefined()
    expect(cookies.find((cookie) => cookie.name === 'solesource_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' })

    const events = await sql<{ payload: { method: string } }>(harness, `SELECT e.payload FROM "AuditEvent" e JOIN "Person" p ON p.id = e."actorId" WHERE e.type = 'SIGNED_IN' AND p.email = $1`, [REQUESTER])
    expect(events.map((event) => event.payload)).toContainEqual({ method: 'sso' })
    await context.close()
  })

  test('an answer meant for another browser’s sign-in (a wrong state) is refused', async ({ browser }) => {
    // The attacker's own sign-in: an answer (a code and a state) of theirs.
    const attacker = await newPage(browser, harness)
    await attacker.page.goto('/sign-in')
    await toTheProvider(attacker.page)
    const forged = await signInRecordingTheCallback(attacker.page, 'stranger')
    await attacker.context.close()

    // The victim started a sign-in of their own, then is sent the attacker's answer.
    const { context, page } = await newPage(browser, harness)
    await page.goto('/sign-in')
    await toTheProvider(page)
    await page.goto(forged)
    await expect(page).toHaveURL(/\/sign-in\/sso\/refused\?reason=wrong-state$/)
    await expect(page.getByRole('heading', { name: 'This answer does not belong to your sign-in' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Try single sign-on again' })).toBeVisible()
    await expectSignedOut(page)
    await context.close()
  })

  test('a replayed code is refused, even with the flow’s own cookie', async ({ browser }) => {
    const first = await newPage(browser, harness)
    await first.page.goto('/sign-in')
    await toTheProvider(first.page)
    const flowCookie: Cookie | undefined = (await first.context.cookies()).find((cookie) => cookie.name === 'solesource_sso')
    expect(flowCookie).toMatchObject({ httpOnly: true, path: '/sign-in/sso' })
    // Sealed: neither the PKCE verifier nor the return path can be read from it.
    const [payload] = decodeURIComponent(flowCookie!.value).split('.')
    expect(Buffer.from(payload!, 'base64').toString('utf8')).not.toMatch(/codeVerifier|redirectTo/)
    const callback = await signInRecordingTheCallback(first.page, 'rita')
    await expect(first.page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
    await first.context.close()

    // Somebody who copied the address and the cookie comes back with them: the provider refuses the code.
    const replay = await newPage(browser, harness)
    await replay.context.addCookies([flowCookie!])
    await replay.page.goto(callback)
    await expect(replay.page).toHaveURL(/\/sign-in\/sso\/refused\?reason=code-rejected$/)
    await expect(replay.page.getByRole('heading', { name: 'This sign-in answer was already used' })).toBeVisible()
    await expectSignedOut(replay.page)
    await replay.context.close()
  })

  test('an address the provider has not verified is refused, and the emailed link is offered instead', async ({ browser }) => {
    const { context, page } = await newPage(browser, harness)
    await page.goto('/sign-in')
    await toTheProvider(page)
    await signInAtTheProvider(page, 'rita-unverified')
    await expect(page.getByRole('heading', { name: 'Your email address is not verified' })).toBeVisible()
    await page.getByRole('link', { name: 'Sign in with an emailed link instead' }).click()
    await expect(page.getByLabel('Email address')).toBeVisible()
    await expectSignedOut(page)
    await context.close()
  })

  test('somebody SoleSource does not know is refused', async ({ browser }) => {
    const { context, page } = await newPage(browser, harness)
    await page.goto('/sign-in')
    await toTheProvider(page)
    await signInAtTheProvider(page, 'stranger')
    await expect(page.getByRole('heading', { name: 'No SoleSource account has your address' })).toBeVisible()
    await expectSignedOut(page)
    await context.close()
  })

  test('strict mode: the sign-off link’s addressee signs in with single sign-on and comes back to the sign-off page', async ({ browser }) => {
    await sql(harness, `INSERT INTO "WorkflowSettings" (id, "linkRequiresSignIn", "updatedAt") VALUES (1, true, now()) ON CONFLICT (id) DO UPDATE SET "linkRequiresSignIn" = true`)
    // Filed from this process, as the app would: its emails are sealed with the app's secret. Put back
    // after: the next spec file of this worker seals for its own app.
    const workerSecret = process.env.SESSION_SECRET
    process.env.SESSION_SECRET = SESSION_SECRET
    const [filed] = await fileJustifications({ url: harness.app.url, databaseUrl: harness.database.url }, [
      { requester: REQUESTER, title: 'Optics signed through single sign-on', supplierName: 'SSO Optics BV', amount: 2_000_000 },
    ]).finally(() => {
      if (workerSecret === undefined) delete process.env.SESSION_SECRET
      else process.env.SESSION_SECRET = workerSecret
    })
    const request = await harness.smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${filed!.reference} awaits your signature`))
    const signOffLink = linkIn(request, `${harness.app.url}/sign-off/`)
    const signOffPath = new URL(signOffLink).pathname

    const { context, page } = await newPage(browser, harness)
    await page.goto(signOffLink)
    await expect(page.getByText('Sign in, and you come back here.')).toBeVisible()
    await page.getByRole('alert').getByRole('link', { name: 'Sign in' }).click()
    await toTheProvider(page)
    await signInAtTheProvider(page, 'marta')
    await expect(page).toHaveURL(`${harness.app.url}${signOffPath}`)
    await expect(page.getByRole('heading', { name: `${filed!.reference}: Optics signed through single sign-on` })).toBeVisible()
    await page.getByRole('button', { name: 'Sign', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
    await context.close()
    await sql(harness, `UPDATE "WorkflowSettings" SET "linkRequiresSignIn" = false WHERE id = 1`)
  })
})

test.describe('single sign-on only (SIGN_IN_EMAIL_LINKS=false)', () => {
  let harness: Harness
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    harness = await startHarness({ SIGN_IN_EMAIL_LINKS: 'false' })
  })
  test.afterAll(async () => stopHarness(harness))

  test('the sign-in page has no email form, no email is sent, and single sign-on signs in', async ({ browser }) => {
    const { context, page } = await newPage(browser, harness)
    await page.goto('/sign-in')
    await expect(page.getByRole('link', { name: SSO_BUTTON })).toBeVisible()
    await expect(page.getByLabel('Email address')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Email me a sign-in link' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'local mailbox' })).toHaveCount(0)

    // A script that posts the form anyway gets no email.
    const posted = await fetch(new URL('/sign-in?index', harness.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: REQUESTER }),
      redirect: 'manual',
    })
    expect(posted.status).toBe(404)

    await toTheProvider(page)
    await signInAtTheProvider(page, 'rita')
    await expect(page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
    await context.close()
    expect(await sql(harness, `SELECT 1 FROM "OutboxMessage" WHERE "toAddress" = $1 AND template = 'sign-in-link'`, [REQUESTER])).toEqual([])
  })
})

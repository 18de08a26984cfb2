import { startApp, type RunningApp } from '../support/app'
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../support/database'
import { fileJustifications } from '../support/justifications'
import { codeIn, linkIn, recipientsOf, startSmtpServer, type TestSmtpServer } from '../support/smtp'
import { ADMIN, allowFailedResourceLoad, expect, test } from './fixtures'

// Sign-in abuse through the real server, as the outside review tried it: guessing codes across
// re-requests, email bombing, telling known addresses from unknown ones by the time they take, and a
// strict-mode sign-off link that must bring its addressee back after signing in. Each group runs an
// app of its own: these tests need the real limits (the journeys' fixture app lifts them).

const SESSION_SECRET = 'abuse-secret-abuse-secret-abuse-secret-42'

type Harness = { app: RunningApp; smtp: TestSmtpServer; database: EmptyTestDatabase }

async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const smtp = await startSmtpServer()
  const database = await createEmptyTestDatabase()
  const app = await startApp({
    DATABASE_URL: database.url,
    SESSION_SECRET,
    SEED_DEMO_DATA: 'true',
    SEED_DEMO_CONTRACTS: 'false',
    SMTP_URL: smtp.url,
    ...env,
  })
  return { app, smtp, database }
}

async function stopHarness(harness: Harness | undefined) {
  await harness?.app.stop()
  await harness?.database.drop()
  await harness?.smtp.stop()
}

/** `data`: send it as the page's own fetch does (single fetch: the route's `.data` URL). */
type Post = { form: Record<string, string>; client?: string; accept?: string; data?: boolean }

/**
 * A POST as a script sends it. The server trusts X-Forwarded-For from loopback (a local proxy), so
 * each test speaks as a client address of its own.
 */
async function post(app: RunningApp, path: string, { form, client, accept = 'text/html', data }: Post) {
  const url = new URL(data ? (path === '/sign-in' ? '/sign-in.data?index' : `${path}.data`) : path, app.url)
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept }
  if (client) headers['x-forwarded-for'] = client
  const started = performance.now()
  const response = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form), redirect: 'manual' })
  const body = await response.text()
  return { status: response.status, location: response.headers.get('location'), retryAfter: response.headers.get('retry-after'), body, ms: performance.now() - started }
}

function signInEmailsTo(smtp: TestSmtpServer, email: string) {
  return smtp.messagesTo(email).filter((m) => m.subject === 'Your SoleSource sign-in link')
}

async function nthSignInEmail(smtp: TestSmtpServer, email: string, n: number) {
  await smtp.waitForMessage(() => signInEmailsTo(smtp, email).length >= n)
  return signInEmailsTo(smtp, email)[n - 1]!
}

/** Fisher–Yates with a small deterministic generator. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items]
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[result[i], result[j]] = [result[j]!, result[i]!]
  }
  return result
}

const wrongCode = (code: string) => (code === '000000' ? '000001' : '000000')
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

test.describe('with the default limits', () => {
  let harness: Harness
  test.beforeAll(async () => {
    harness = await startHarness()
  })
  test.afterAll(async () => stopHarness(harness))

  test('guessing codes across re-requests: after 10 wrong codes for an address even its right code is refused, 429 with Retry-After; a link still signs in and clears it', async () => {
    const { app, smtp } = harness
    const client = '203.0.113.10'
    // Two requests, five wrong codes each: each request locks itself after five, the address after ten.
    for (let round = 1; round <= 2; round++) {
      expect((await post(app, '/sign-in', { form: { email: ADMIN }, client })).status).toBe(302)
      const code = codeIn(await nthSignInEmail(smtp, ADMIN, round))
      for (let i = 0; i < 5; i++) {
        const guess = await post(app, '/sign-in/code', { form: { email: ADMIN, code: wrongCode(code) }, client })
        expect(guess.status).toBe(200)
        expect(guess.body).toContain('That code is not valid')
      }
    }
    expect((await post(app, '/sign-in', { form: { email: ADMIN }, client })).status).toBe(302)
    const rightCode = codeIn(await nthSignInEmail(smtp, ADMIN, 3))

    // A script asking for JSON, and the Remix data request the page itself sends.
    const asJson = await post(app, '/sign-in/code', { form: { email: ADMIN, code: rightCode }, client, accept: 'application/json' })
    expect(asJson.status).toBe(429)
    expect(Number(asJson.retryAfter)).toBeGreaterThan(59 * 60)
    expect(Number(asJson.retryAfter)).toBeLessThanOrEqual(60 * 60)
    const asData = await post(app, '/sign-in/code', { form: { email: ADMIN, code: rightCode }, client, data: true })
    expect(asData.status).toBe(429)
    expect(Number(asData.retryAfter)).toBeGreaterThan(59 * 60)
    // The single-fetch body (turbo-stream) carries the same refusal.
    expect(asData.body).toContain('rateLimited')
    expect(asData.body).toContain('codes')

    // A browser gets a page that says so, with the same status.
    const page = await post(app, '/sign-in/code', { form: { email: ADMIN, code: rightCode }, client: '203.0.113.11' })
    expect(page.status).toBe(429)
    expect(page.retryAfter).toMatch(/^\d+$/)
    expect(page.body).toContain('Too many attempts; try again in 60 minutes.')
    expect(page.body).not.toContain(rightCode)
    expect(page.location).toBeNull()
    const lines = app.logs.join('').split('\n').filter((line) => line.includes('too many codes tried for this address'))
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toContain(ADMIN)
    expect(lines.join('\n')).not.toContain(rightCode)

    // The link still signs in past the code limit, and clears it: a code is judged again (the
    // address has had its three emails for these ten minutes, so a wrong one is what there is to try).
    const link = linkIn(await nthSignInEmail(smtp, ADMIN, 3), `${app.url}/sign-in/link/`)
    const signedIn = await post(app, new URL(link).pathname, { form: {}, client: '203.0.113.12' })
    expect(signedIn.status).toBe(302)
    expect(signedIn.location).toBe('/')
    const judged = await post(app, '/sign-in/code', { form: { email: ADMIN, code: wrongCode(rightCode) }, client: '203.0.113.12' })
    expect(judged.status).toBe(200)
    expect(judged.body).toContain('That code is not valid')
  })

  test('email bombing: 50 requests for one address send 3 emails; every answer is the neutral one, for an unknown address too', async () => {
    const { app, smtp } = harness
    const person = 'paula.procurement@example.org'
    const unknown = 'nobody.at.all@example.org'
    const known = []
    const unknowns = []
    for (let i = 0; i < 50; i++) known.push(await post(app, '/sign-in', { form: { email: person }, client: '203.0.113.20' }))
    for (let i = 0; i < 50; i++) unknowns.push(await post(app, '/sign-in', { form: { email: unknown }, client: '203.0.113.21' }))

    // Requests past the limit queue nothing at all: the three emails are all there will be.
    await nthSignInEmail(smtp, person, 3)
    const [queued] = await sql(harness, `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "toAddress" = $1`, [person])
    expect(queued).toEqual({ n: 3 })
    expect(signInEmailsTo(smtp, person)).toHaveLength(3)

    const answer = (r: { status: number; location: string | null; retryAfter: string | null }, email: string) =>
      `${r.status} ${r.location?.replace(encodeURIComponent(email), '<address>')} ${r.retryAfter}`
    expect(new Set(known.map((r) => answer(r, person)))).toEqual(new Set(['302 /sign-in/code?email=<address> null']))
    expect(unknowns.map((r) => answer(r, unknown))).toEqual(known.map((r) => answer(r, person)))

    const warnings = app.logs
      .join('')
      .split('\n')
      .filter((line) => line.includes('sign-in email not sent'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(warnings).toHaveLength(47 + 47)
    expect(warnings[0]).toMatchObject({ level: 'warn', msg: 'sign-in email not sent: too many for this address', address: 'p***@example.org', limit: 3, windowMinutes: 10 })
    expect(JSON.stringify(warnings)).not.toContain(person)
  })

  test('one client past 50 requests in 10 minutes is refused with 429 and Retry-After, whatever the address; the browser gets a page', async ({ browser }) => {
    const { app } = harness
    const client = '203.0.113.30'
    for (let i = 0; i < 50; i++) expect((await post(app, '/sign-in', { form: { email: `someone.${i}@example.org` }, client })).status).toBe(302)
    const refused = await post(app, '/sign-in', { form: { email: 'someone.else@example.org' }, client, data: true })
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(9 * 60)
    expect(refused.body).toContain('rateLimited')
    const page = await post(app, '/sign-in', { form: { email: 'someone.else@example.org' }, client })
    expect(page.status).toBe(429)
    expect(page.body).toContain('Too many attempts; try again in 10 minutes.')
    // Codes from that client too.
    expect((await post(app, '/sign-in/code', { form: { email: ADMIN, code: '123456' }, client, accept: 'application/json' })).status).toBe(429)
    // Another client is not affected.
    expect((await post(app, '/sign-in', { form: { email: 'someone.else@example.org' }, client: '203.0.113.31' })).status).toBe(302)

    // In Chromium (the form posts through the page's own fetch), the person reads why and for how long.
    allowFailedResourceLoad(429, /^\/sign-in\.data$/)
    const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { 'x-forwarded-for': client } })
    const inBrowser = await context.newPage()
    await inBrowser.goto('/sign-in')
    await inBrowser.getByLabel('Email address').fill('someone.else@example.org')
    const answered = inBrowser.waitForResponse((response) => new URL(response.url()).pathname === '/sign-in.data' && response.request().method() === 'POST')
    await inBrowser.getByRole('button', { name: 'Email me a sign-in link' }).click()
    const response = await answered
    expect(response.status()).toBe(429)
    expect(response.headers()['retry-after']).toMatch(/^\d+$/)
    await expect(inBrowser.getByRole('heading', { name: 'Too many attempts' })).toBeVisible()
    await expect(inBrowser.getByText('Too many attempts; try again in 10 minutes.')).toBeVisible()
    await context.close()
  })

  test('strict mode brings the signatory back to the sign-off page after signing in, by link and by code', async ({ browser }) => {
    const { app, smtp } = harness
    const GROUP_LEADER = 'marta.mendes@example.org'
    await sql(harness, `INSERT INTO "WorkflowSettings" (id, "linkRequiresSignIn", "updatedAt") VALUES (1, true, now()) ON CONFLICT (id) DO UPDATE SET "linkRequiresSignIn" = true`)
    // The justification is filed from this process, as the app would: its emails are sealed with the
    // app's secret. Put back after: the next spec file of this worker seals for its own app.
    const workerSecret = process.env.SESSION_SECRET
    process.env.SESSION_SECRET = SESSION_SECRET
    const [filed] = await fileJustifications({ url: app.url, databaseUrl: harness.database.url }, [
      { requester: 'rita.romano@example.org', title: 'Strictly returned optics', supplierName: 'Optics BV', amount: 2_000_000 },
    ]).finally(() => {
      if (workerSecret === undefined) delete process.env.SESSION_SECRET
      else process.env.SESSION_SECRET = workerSecret
    })
    const request = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${filed!.reference} awaits your signature`))
    const signOffLink = linkIn(request, `${app.url}/sign-off/`)
    const signOffPath = new URL(signOffLink).pathname

    // By link: the emailed link, short as ever, lands on the sign-off page.
    const laptop = await browser.newContext({ baseURL: app.url })
    const onLaptop = await laptop.newPage()
    await onLaptop.goto(signOffLink)
    await expect(onLaptop.getByText('Sign in, and you come back here.')).toBeVisible()
    await onLaptop.getByRole('alert').getByRole('link', { name: 'Sign in' }).click()
    await onLaptop.getByLabel('Email address').fill(GROUP_LEADER)
    await onLaptop.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await expect(onLaptop.getByRole('heading', { name: 'Check your email' })).toBeVisible()
    const first = await nthSignInEmail(smtp, GROUP_LEADER, 1)
    const signInLink = linkIn(first, `${app.url}/sign-in/link/`)
    expect(new URL(signInLink).pathname).toMatch(/^\/sign-in\/link\/[A-Za-z0-9_-]{43}$/)
    await onLaptop.goto(signInLink)
    await onLaptop.getByRole('button', { name: 'Sign in' }).click()
    await expect(onLaptop).toHaveURL(`${app.url}${signOffPath}`)
    await expect(onLaptop.getByRole('heading', { name: `${filed!.reference}: Strictly returned optics` })).toBeVisible()
    await expect(onLaptop.getByRole('button', { name: 'Sign', exact: true })).toBeVisible()
    await laptop.close()

    // By code, on a device where the email is not: the sign-off page comes back after the code; the
    // signatory signs.
    const phone = await browser.newContext({ baseURL: app.url })
    const onPhone = await phone.newPage()
    await onPhone.goto(signOffLink)
    await onPhone.getByRole('alert').getByRole('link', { name: 'Sign in' }).click()
    await onPhone.getByLabel('Email address').fill(GROUP_LEADER)
    await onPhone.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await expect(onPhone.getByRole('heading', { name: 'Check your email' })).toBeVisible()
    const second = await nthSignInEmail(smtp, GROUP_LEADER, 2)
    await onPhone.getByLabel('Six-digit code').fill(codeIn(second))
    await onPhone.getByRole('button', { name: 'Sign in with the code' }).click()
    await expect(onPhone).toHaveURL(`${app.url}${signOffPath}`)
    await onPhone.getByRole('button', { name: 'Sign', exact: true }).click()
    await expect(onPhone.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
    await phone.close()

    // The return path, which holds the sign-off token, rode on the sign-in request: not in the
    // emails, and not left in the database once used.
    expect(`${first.text} ${second.text}`).not.toContain('sign-off')
    const token = signOffPath.split('/').pop()!
    expect(await sql(harness, `SELECT id FROM "SignInRequest" WHERE "sealedRedirectTo" IS NOT NULL OR "sealedRedirectTo" LIKE '%' || $1 || '%'`, [token])).toEqual([])
  })
})

test.describe('timing', () => {
  let harness: Harness
  test.beforeAll(async () => {
    // Every request for the known address must do its full work: limits out of the way here. The
    // emails wait in the outbox meanwhile: their delivery, on the worker's own clock and parsed by the
    // SMTP server in this very process, is no part of the answer and would only add noise to it.
    harness = await startHarness({ SIGN_IN_EMAILS_PER_ADDRESS: '100000', SIGN_IN_REQUESTS_PER_CLIENT: '100000', OUTBOX_POLL_INTERVAL_MS: '60000' })
  })
  test.afterAll(async () => stopHarness(harness))

  test('a known and an unknown address answer in the same time: the median difference within pairs of requests, 60 pairs, under 3 ms', async () => {
    // Before: 10 to 26 ms apart on this (shared, loaded) machine, since only a known address was
    // rendered an email and written a request before the answer. Now both answer once the limit
    // counters are taken, no sooner than a floor, and the email's work starts only once the answer
    // has been written (app/server/after-response.server.ts).
    // Measured in pairs, one request of each kind one after the other, the order within a pair shuffled
    // (seeded): a busy machine slows both requests of a pair alike, so the difference within a pair
    // keeps what the address changes and drops what the machine does. The difference of two medians
    // taken apart did not: 5 ms either way on a loaded CI machine, for both kinds in turn.
    const { app } = harness
    const known = ADMIN
    const unknown = 'nobody.known@example.org'
    // Each request on a quiet server: what a known address's request leaves running once answered
    // (its email written to the outbox) would otherwise slow whichever request follows it, of either
    // kind; that is the answer floor's business (ANSWER_FLOOR_MS), not what this test measures.
    const quietMs = 40
    const ask = async (email: string) => {
      await new Promise((resolve) => setTimeout(resolve, quietMs))
      const answer = await post(app, '/sign-in', { form: { email }, client: '203.0.113.40' })
      expect(answer.status).toBe(302)
      return answer.ms
    }
    for (let i = 0; i < 10; i++) await ask(i % 2 ? known : unknown) // warm up: JIT, first render, connections
    const knownFirst = shuffled([...Array<boolean>(30).fill(true), ...Array<boolean>(30).fill(false)], 42)
    const differences: number[] = []
    for (const first of knownFirst) {
      if (first) {
        const knownMs = await ask(known)
        differences.push(knownMs - (await ask(unknown)))
      } else {
        const unknownMs = await ask(unknown)
        differences.push((await ask(known)) - unknownMs)
      }
    }
    const medianDifference = median(differences)
    test.info().annotations.push({ type: 'median difference known - unknown (ms)', description: medianDifference.toFixed(2) })
    console.log(`sign-in requests, 60 pairs: median difference known - unknown ${medianDifference.toFixed(2)} ms`)
    expect(Math.abs(medianDifference)).toBeLessThan(3)
  })
})

async function sql(harness: Harness, text: string, values: unknown[] = []) {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: harness.database.url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

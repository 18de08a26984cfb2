import { routesOfTheBuild } from '../support/routes'
import { allowFailedResourceLoad, expect, REQUESTER, signIn, test } from './fixtures'

// Routes anybody may open: signing in, the local mailbox (where sign-in links arrive when no mail
// server is configured; it does not exist at all when SMTP_URL is set), and sign-off links.
const PUBLIC_ROUTES = new Set([
  'root',
  'routes/sign-in._index',
  'routes/sign-in.code',
  'routes/sign-in.link.$token',
  // Single sign-on (ADR 048): the start (off to the provider), its way back, and why it refused.
  'routes/sign-in.sso._index',
  'routes/sign-in.sso.callback',
  'routes/sign-in.sso.refused',
  'routes/mailbox._index',
  'routes/mailbox.$messageId',
  // Sign-off links work without a session (unless strict mode is on); GET only shows.
  'routes/sign-off.$token',
  // The documents of a sign-off link, under the same rule as the link (404 once it no longer works).
  'routes/sign-off.$token.documents.$attachmentId',
  // The site icon, which browsers ask for before anyone signs in.
  'routes/favicon[.]ico',
  // The message catalogues the browser loads before hydrating, the sign-in page's included.
  'routes/locales.$language.$namespace',
  // The language switch, which the sign-in page offers before anyone signs in.
  'routes/language',
  // The JSON API's description and its reference page (issue 15): they describe, they give nothing away.
  'routes/api.v1.openapi[.]json',
  'routes/api.v1.reference',
])

/** The JSON API's operations: an API key, not a session, is what they ask for (tests/integration/json-api.test.ts). */
const isApiOperation = (id: string) => id.startsWith('routes/api.v1.') && !PUBLIC_ROUTES.has(id)

test('every public route exists (a renamed route must be reclassified here)', async () => {
  const ids = new Set((await routesOfTheBuild()).map((r) => r.id))
  for (const id of PUBLIC_ROUTES) expect(ids, `public route ${id}`).toContain(id)
})

test('a signed-out request to every non-public route is sent to the sign-in page', async ({ request }) => {
  const routes = (await routesOfTheBuild()).filter((route) => !PUBLIC_ROUTES.has(route.id) && !isApiOperation(route.id))
  expect(routes.length).toBeGreaterThanOrEqual(6)
  for (const route of routes) {
    if (route.hasLoader || !route.hasAction) {
      const response = await request.get(route.url, { maxRedirects: 0 })
      expect(response.status(), `GET ${route.url}`).toBe(302)
      expect(response.headers().location, `GET ${route.url}`).toMatch(/^\/sign-in\?redirectTo=/)
    }
    if (route.hasAction) {
      const response = await request.post(route.actionUrl, { form: { intent: 'anything' }, maxRedirects: 0 })
      expect(response.status(), `POST ${route.actionUrl}`).toBe(302)
      expect(response.headers().location, `POST ${route.actionUrl}`).toMatch(/^\/sign-in\?redirectTo=/)
    }
  }
})

test('a request without an API key to every operation of the JSON API is a 401 (or 404/405) problem, not a page', async ({ request }) => {
  const routes = (await routesOfTheBuild()).filter((route) => isApiOperation(route.id))
  expect(routes.length).toBeGreaterThanOrEqual(8)
  for (const route of routes) {
    for (const response of [await request.get(route.url, { maxRedirects: 0 }), await request.post(route.actionUrl, { data: {}, maxRedirects: 0 })]) {
      expect([401, 404, 405], `${route.id}: ${response.status()}`).toContain(response.status())
      expect(response.headers()['content-type'], route.id).toBe('application/problem+json')
    }
  }
})

test('the administration pages refuse a requester, on GET and POST', async ({ page, smtp }) => {
  // The refusal page answers 403 on purpose.
  allowFailedResourceLoad(403, /^\/admin$/)
  await signIn(page, smtp, REQUESTER)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' })).toHaveCount(0)

  const response = await page.goto('/admin')
  expect(response?.status()).toBe(403)
  await expect(page.getByText('Only administrators may open this page.')).toBeVisible()

  for (const url of ['/admin', '/admin/outbox', '/admin/people/new']) {
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), `GET ${url}`).toBe(403)
  }
  const post = await page.request.post('/admin/people/new', { form: { name: 'Mallory', email: 'mallory@example.org', isActive: 'on' }, maxRedirects: 0 })
  expect(post.status()).toBe(403)
})

test('a form posted from another site is refused', async ({ page, smtp }) => {
  await signIn(page, smtp, REQUESTER)
  const response = await page.request.post('/sign-out', { form: { everywhere: 'true' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 })
  expect(response.status()).toBe(403)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
})

test('the local mailbox does not exist when a mail server is configured', async ({ request }) => {
  expect((await request.get('/mailbox')).status()).toBe(404)
  expect((await request.get('/mailbox/00000000-0000-4000-8000-000000000000')).status()).toBe(404)
})

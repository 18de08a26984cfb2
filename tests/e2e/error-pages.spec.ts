import type { Page } from '@playwright/test'
import { fileJustifications } from '../support/justifications'
import { ADMIN, allowFailedResourceLoad, expect, REQUESTER, signIn, test, waitForHydration } from './fixtures'

// An error page says what happened in its title and in words, and leads back to where the person
// was, never off-site. Every page carries its icon in the document, and /favicon.ico (which Chromium
// still asks for when a client-side navigation rebuilds the document's head) answers with it: no 404
// for a favicon in the console (the fixture fails a test on any console error not allowed below).

const OUTSIDER = 'emil.eriksen@example.org'
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

/** Records every answer to /favicon.ico that is not the icon. */
function watchFavicon(page: Page) {
  const failed: string[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/favicon.ico' && response.status() !== 200) failed.push(`${response.status()} ${response.url()}`)
  })
  return failed
}

test('an unknown justification: 404, titled and explained, with a way back to My justifications', async ({ page, smtp, app }) => {
  allowFailedResourceLoad(404, new RegExp(`^/justifications/${UNKNOWN_ID}$`))
  const favicon = watchFavicon(page)
  await signIn(page, smtp, REQUESTER)

  const response = await page.goto(`/justifications/${UNKNOWN_ID}`)
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('No such justification · SoleSource')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such justification')
  await expect(page.getByText('No justification has this reference.')).toBeVisible()

  await page.getByRole('link', { name: 'Back to My justifications' }).click()
  await expect(page).toHaveURL(`${app.url}/justifications`)
  await expect(page.getByRole('heading', { name: 'My justifications' })).toBeVisible()
  expect(favicon).toEqual([])
})

test('the same page when the app navigates in the browser (a .data request), not only on a full load', async ({ page, smtp }) => {
  allowFailedResourceLoad(404, new RegExp(`^/justifications/${UNKNOWN_ID}\\.data$`))
  const favicon = watchFavicon(page)
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications')
  await expect(page.getByRole('heading', { name: 'My justifications' })).toBeVisible()
  await waitForHydration(page)
  // Remix's client router, as a <Link> to a justification would use it.
  await page.evaluate((id) => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate(`/justifications/${id}`), UNKNOWN_ID)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such justification')
  await expect(page).toHaveTitle('No such justification · SoleSource')
  await expect(page.getByText('No justification has this reference.')).toBeVisible()
  // The .data request came from My justifications: that is the way back.
  await expect(page.getByRole('link', { name: 'Back to the previous page' })).toHaveAttribute('href', '/justifications')
  expect(favicon).toEqual([])
})

test('another person’s justification: 403, and the page they came from is the way back', async ({ page, smtp, app }) => {
  const [theirs] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Cold heads of another group', supplierName: 'Cryo Instruments AG', amount: 2_500_000 }])
  allowFailedResourceLoad(403, new RegExp(`^/justifications/${theirs!.id}$`))
  const favicon = watchFavicon(page)
  await signIn(page, smtp, OUTSIDER)

  const response = await page.goto(`/justifications/${theirs!.id}`, { referer: `${app.url}/approvals` })
  expect(response?.status()).toBe(403)
  await expect(page).toHaveTitle('You are not allowed to see this justification · SoleSource')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are not allowed to see this justification')
  await expect(page.getByText('Cold heads of another group')).toHaveCount(0)

  await page.getByRole('link', { name: 'Back to the previous page' }).click()
  await expect(page).toHaveURL(`${app.url}/approvals`)
  await expect(page.getByRole('heading', { name: 'Awaiting my signature' })).toBeVisible()
  expect(favicon).toEqual([])
})

test('a Referer from another site never becomes a link', async ({ page, smtp }) => {
  allowFailedResourceLoad(404, new RegExp(`^/justifications/${UNKNOWN_ID}$`))
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${UNKNOWN_ID}`, { referer: 'https://evil.example/justifications/x' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such justification')
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  expect(hrefs).toEqual(['/justifications', '/'])
})

test('editing a submitted justification: 409, in words, with a link back to it', async ({ page, smtp, app }) => {
  const [submitted] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Cold heads already submitted', supplierName: 'Cryo Instruments AG', amount: 2_500_000 }])
  allowFailedResourceLoad(409, new RegExp(`^/justifications/${submitted!.id}/edit$`))
  const favicon = watchFavicon(page)
  await signIn(page, smtp, REQUESTER)

  const response = await page.goto(`/justifications/${submitted!.id}/edit`)
  expect(response?.status()).toBe(409)
  await expect(page).toHaveTitle('This justification was submitted; it can no longer be edited · SoleSource')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This justification was submitted; it can no longer be edited')
  await expect(page.getByText('Only a draft, or a justification sent back for changes, can be edited. This one is awaiting signature.')).toBeVisible()

  await page.getByRole('link', { name: 'Back to the justification' }).click()
  await expect(page).toHaveURL(`${app.url}/justifications/${submitted!.id}`)
  await expect(page.getByRole('heading', { name: 'Cold heads already submitted' })).toBeVisible()
  expect(favicon).toEqual([])
})

test('/favicon.ico is the site icon, for anybody', async ({ request }) => {
  const icon = await request.get('/favicon.ico', { maxRedirects: 0 })
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toBe('image/svg+xml')
  expect(await icon.text()).toMatch(/^<svg /)
})

test('an address with no page: 404 with the home page as the way back, and no failed favicon', async ({ page, smtp }) => {
  allowFailedResourceLoad(404, /^\/no-such-page$/)
  const favicon = watchFavicon(page)
  await signIn(page, smtp, REQUESTER)
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found · SoleSource')
  await expect(page.getByText('There is no page at this address.')).toBeVisible()
  await expect(page.getByText('No route matches')).toHaveCount(0)
  await page.getByRole('link', { name: 'Home page' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
  expect(favicon).toEqual([])
})

test('a missing person or group says so in the reader’s language', async ({ page, smtp, app }) => {
  allowFailedResourceLoad(404, new RegExp(`^/admin/(people|groups)/${UNKNOWN_ID}$`))
  await signIn(page, smtp, ADMIN)
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = 'fr' WHERE email = $1`, [ADMIN])
  expect((await page.goto(`/admin/people/${UNKNOWN_ID}`))?.status()).toBe(404)
  await expect(page.getByText('Cette personne n’existe pas.')).toBeVisible()
  expect((await page.goto(`/admin/groups/${UNKNOWN_ID}`))?.status()).toBe(404)
  await expect(page.getByText('Ce groupe n’existe pas.')).toBeVisible()
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = NULL WHERE email = $1`, [ADMIN])
})

test('a missing justification, document or decision says so in the reader’s language', async ({ page, smtp, app }) => {
  allowFailedResourceLoad(404, new RegExp(`^/(justifications/${UNKNOWN_ID}|approvals)$`))
  await signIn(page, smtp, REQUESTER)
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = 'fr' WHERE email = $1`, [REQUESTER])
  try {
    expect((await page.goto(`/justifications/${UNKNOWN_ID}`))?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Justification introuvable')
    await expect(page).toHaveTitle('Justification introuvable · SoleSource')

    // A download answers plain text, written in the language of the person who asks.
    const download = await page.request.get(`/justifications/${UNKNOWN_ID}/documents/${UNKNOWN_ID}`)
    expect([download.status(), await download.text()]).toEqual([404, 'Aucun document n’a cette adresse.'])

    // A decision posted for a justification nobody can see (a stale or forged form): the error page
    // translates the refusal, in the person's saved language although the root loader does not run
    // after an action's refusal (entry.server.tsx reads the signed-in person itself then).
    const decision = await page.request.post('/approvals', { form: { justificationId: UNKNOWN_ID, intent: 'sign', rowVersion: '1' } })
    expect(decision.status()).toBe(404)
    expect(await decision.text()).toContain('Cette justification n’existe pas, ou vous n’êtes pas autorisé à la voir.')
  } finally {
    await app.sql(`UPDATE "Person" SET "preferredLanguage" = NULL WHERE email = $1`, [REQUESTER])
  }
})

import { ADMIN, expect, requestSignInEmail, REQUESTER, signIn, test } from './fixtures'

test('a person signs in with the link from the email, read from a real SMTP server', async ({ page, smtp, app }) => {
  const { message, link } = await requestSignInEmail(page, smtp, ADMIN)
  expect(message.subject).toBe('Your SoleSource sign-in link')
  expect(message.html).toContain(link)

  // Opening the link shows a page with a button; only pressing it signs in.
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Sign in to SoleSource' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Alex Admin' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' })).toBeVisible()

  const events = await app.sql<{ type: string; payload: { method: string } }>(
    `SELECT e.type, e.payload FROM "AuditEvent" e JOIN "Person" p ON e."actorId" = p.id WHERE p.email = $1`,
    [ADMIN],
  )
  expect(events).toContainEqual({ type: 'SIGNED_IN', payload: { method: 'link' } })
})

test('fetching the link, as a mail scanner does, signs nobody in and leaves the link usable', async ({ page, smtp, app, request }) => {
  const { link } = await requestSignInEmail(page, smtp, REQUESTER)
  const sessionsBefore = await app.sql<{ count: string }>(`SELECT count(*)::text AS count FROM "Session"`)

  expect((await request.get(link)).status()).toBe(200)
  expect((await request.head(link)).status()).toBe(200)
  expect((await request.get(link)).headers()['set-cookie']).toBeUndefined()

  expect(await app.sql(`SELECT count(*)::text AS count FROM "Session"`)).toEqual(sessionsBefore)
  const [row] = await app.sql<{ usedAt: Date | null }>(
    `SELECT r."usedAt" FROM "SignInRequest" r JOIN "Person" p ON p.id = r."personId" WHERE p.email = $1 ORDER BY r."createdAt" DESC LIMIT 1`,
    [REQUESTER],
  )
  expect(row?.usedAt).toBeNull()

  // The person can still use it afterwards.
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Rita Romano' })).toBeVisible()
})

test('a link used once is refused the second time with a clear page', async ({ page, smtp, browser }) => {
  const { link } = await requestSignInEmail(page, smtp, REQUESTER)
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible()

  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await otherPage.goto(link)
  await expect(otherPage.getByRole('heading', { name: 'This sign-in link was already used' })).toBeVisible()
  await expect(otherPage.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
  await otherPage.goto('/')
  await expect(otherPage).toHaveURL(/\/sign-in\?redirectTo=%2F$/)
  await other.close()
})

test('an expired link is refused with a clear page', async ({ page, smtp, app }) => {
  const { link } = await requestSignInEmail(page, smtp, REQUESTER)
  // Let the link's lifetime pass.
  await app.sql(`UPDATE "SignInRequest" SET "expiresAt" = now() - interval '1 minute' WHERE "usedAt" IS NULL`)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This sign-in link has expired' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ask for a new sign-in link' })).toBeVisible()
})

test('a tampered link is refused and reveals nothing', async ({ page, smtp }) => {
  const { link } = await requestSignInEmail(page, smtp, REQUESTER)
  await page.goto(`${link.slice(0, -4)}AAAA`)
  await expect(page.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible()
})

test('the code signs in on another device; a wrong code gets a field message', async ({ page, smtp, browser }) => {
  const { code } = await requestSignInEmail(page, smtp, ADMIN)
  const phone = await browser.newContext()
  const phonePage = await phone.newPage()
  await phonePage.goto('/sign-in/code')
  await phonePage.getByLabel('Email address').fill(ADMIN)
  await phonePage.getByLabel('Six-digit code').fill(code === '000000' ? '111111' : '000000')
  await phonePage.getByRole('button', { name: 'Sign in with the code' }).click()
  await expect(phonePage.getByText('That code is not valid, or it has expired.')).toBeVisible()
  await expect(phonePage.getByLabel('Six-digit code')).toHaveAttribute('aria-invalid', 'true')

  await phonePage.getByLabel('Six-digit code').fill(code)
  await expect(phonePage.getByText('That code is not valid, or it has expired.')).toHaveCount(0)
  await phonePage.getByRole('button', { name: 'Sign in with the code' }).click()

  await expect(phonePage.getByRole('heading', { name: 'Welcome, Alex Admin' })).toBeVisible()
  await phone.close()
})

test('an unknown address gets the same answer and no email', async ({ page, app }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill('nobody@example.org')
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  expect(await app.sql(`SELECT id FROM "OutboxMessage" WHERE "toAddress" = 'nobody@example.org'`)).toEqual([])
})

test('a malformed address gets a field message, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/sign-in')
  // The browser's own type=email check accepts this; the server's validation does not.
  await page.getByLabel('Email address').fill('rita@localhost')
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByText('Enter an address like name@example.org.')).toBeVisible()
  await context.close()
})

test('signing out everywhere ends the sessions of every browser', async ({ page, smtp, browser, app }) => {
  const person = 'ruben.rasmussen@example.org'
  await signIn(page, smtp, person)
  const laptop = await browser.newContext()
  const laptopPage = await laptop.newPage()
  await signIn(laptopPage, smtp, person)

  await page.goto('/profile')
  const counted = await app.sql<{ sessions: number }>(
    `SELECT count(*)::int AS sessions FROM "Session" s JOIN "Person" p ON p.id = s."personId" WHERE p.email = $1`,
    [person],
  )
  const sessions = counted[0]?.sessions ?? 0
  expect(sessions).toBeGreaterThanOrEqual(2)
  // Every session of the person is listed (header row + one row each), this one marked.
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(sessions + 1)
  await expect(page.getByRole('table').getByText('this browser')).toHaveCount(1)
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()

  await laptopPage.goto('/')
  await expect(laptopPage).toHaveURL(/\/sign-in/)
  expect(await app.sql(`SELECT s.id FROM "Session" s JOIN "Person" p ON p.id = s."personId" WHERE p.email = $1`, [person])).toEqual([])
  await laptop.close()
})
